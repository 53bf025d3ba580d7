import { dayNumber, isoFromDayNumber } from './dates.js';
import { Numberer, draftInvoices, vatOf } from './invoices.js';
import type { Random } from './random.js';
import { bankUpper } from './text.js';
import type { Company, Customer, Invoice, LedgerPayment } from './types.js';

/**
 * The ledger as it stands at the ledger date: older invoices settled by lettered bank
 * payments, credit notes (some open, some lettered with their invoice), and a few open
 * invoices already partly paid, so the open amount is not always the invoice amount.
 */

/** A company's invoices, credit notes and past payments. */
export interface LedgerBook {
  invoices: Invoice[];
  payments: LedgerPayment[];
}

/** Settled invoices in the ledger for each open item at the ledger date. */
const settledShare = 1;

/** Lettering codes as accounting packages hand them out: AA, AB, ..., ZZ, AAA, ... */
export function letteringCode(index: number): string {
  let width = 2;
  let rest = index;
  while (rest >= 26 ** width) {
    rest -= 26 ** width;
    width += 1;
  }
  let code = '';
  for (let i = 0; i < width; i += 1) {
    code = String.fromCharCode(65 + (rest % 26)) + code;
    rest = Math.floor(rest / 26);
  }
  return code;
}

/** A credit note cutting part of an invoice (a missed service, a disputed quantity). */
function creditNoteFor(random: Random, company: Company, invoice: Invoice, ledgerDate: string) {
  const share = random.int(10, 60);
  const netCents = Math.max(1_000, Math.round((invoice.netCents * share) / 100 / 1_000) * 1_000);
  const vatCents = vatOf(netCents, company.vatPermille);
  const issueDay = Math.min(
    dayNumber(invoice.issueDate) + random.int(3, 40),
    dayNumber(ledgerDate),
  );
  return { invoice, netCents, vatCents, issueDate: isoFromDayNumber(issueDay) };
}

/** When a settled invoice was paid: around its due date, never after the ledger date. */
function paymentDate(random: Random, invoice: Invoice, ledgerDate: string): string {
  const due = dayNumber(invoice.dueDate) + random.int(-12, 30);
  const day = Math.max(dayNumber(invoice.issueDate) + 1, Math.min(due, dayNumber(ledgerDate)));
  return isoFromDayNumber(day);
}

/** Builds one company's ledger: `openCount` open items plus as many settled in the months before. */
export function buildLedgerBook(
  random: Random,
  company: Company,
  customers: readonly Customer[],
  openCount: number,
  ledgerDate: string,
): LedgerBook {
  const openCreditNotes = openCount >= 20 ? Math.max(1, Math.round(openCount * 0.03)) : 0;
  // Open items cover about two months of billing, the settled history the months before.
  const historyCount = Math.round(openCount * settledShare);
  const historyCreditNotes = Math.round(historyCount * 0.02);
  const settledCount = historyCount - historyCreditNotes;
  const invoices = draftInvoices(
    random,
    company,
    customers,
    openCount - openCreditNotes + settledCount,
    ledgerDate,
  );

  // Older invoices are settled first, give or take a few weeks; a few old ones stay unpaid
  // (disputed, lost in a public body's workflow) and are paid late or never.
  const ledgerDay = dayNumber(ledgerDate);
  const ranked = invoices.map((invoice) => ({
    invoice,
    score: random.chance(0.04)
      ? -1
      : ledgerDay - dayNumber(invoice.issueDate) + random.int(-15, 15),
  }));
  ranked.sort((a, b) => b.score - a.score);
  const settled = ranked.slice(0, settledCount).map(({ invoice }) => invoice);
  for (const invoice of settled) invoice.openCents = 0;
  const open = ranked.slice(settledCount).map(({ invoice }) => invoice);

  const creditDrafts = [
    ...random
      .shuffle(open.filter((invoice) => invoice.amountCents >= 20_000))
      .slice(0, openCreditNotes)
      .map((invoice) => ({ ...creditNoteFor(random, company, invoice, ledgerDate), open: true })),
    ...random
      .shuffle(settled.filter((invoice) => invoice.amountCents >= 20_000))
      .slice(0, historyCreditNotes)
      .map((invoice) => ({ ...creditNoteFor(random, company, invoice, ledgerDate), open: false })),
  ].sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
  const creditNumberer = new Numberer(company.creditNoteNumbering, 0.05, random);
  const creditByInvoice = new Map<string, Invoice>();
  const creditNotes = creditDrafts.map((note): Invoice => {
    const amountCents = -(note.netCents + note.vatCents);
    const creditNote: Invoice = {
      company: company.code,
      number: creditNumberer.take(note.issueDate),
      customer: note.invoice.customer,
      kind: 'creditNote',
      issueDate: note.issueDate,
      dueDate: note.issueDate,
      amountCents,
      netCents: -note.netCents,
      vatCents: -note.vatCents,
      openCents: note.open ? amountCents : 0,
      relatedInvoice: note.invoice.number,
    };
    if (!note.open) creditByInvoice.set(note.invoice.number, creditNote);
    return creditNote;
  });

  const payments = [
    ...settledPayments(random, settled, creditByInvoice, ledgerDate),
    ...partialPayments(random, open, ledgerDate),
  ];
  assignLettering(payments, customers);
  return { invoices: [...invoices, ...creditNotes], payments };
}

/** Payments of the settled invoices; a customer often pays a few invoices in one transfer. */
function settledPayments(
  random: Random,
  settled: readonly Invoice[],
  creditByInvoice: ReadonlyMap<string, Invoice>,
  ledgerDate: string,
): LedgerPayment[] {
  const dated = settled.map((invoice) => {
    const date = paymentDate(random, invoice, ledgerDate);
    // A credit note settled with its invoice was issued before the net amount was paid.
    const creditDate = creditByInvoice.get(invoice.number)?.issueDate ?? date;
    return { invoice, date: creditDate > date ? creditDate : date };
  });
  dated.sort((a, b) =>
    a.invoice.customer !== b.invoice.customer
      ? a.invoice.customer < b.invoice.customer
        ? -1
        : 1
      : a.date < b.date
        ? -1
        : a.date > b.date
          ? 1
          : 0,
  );
  const payments: LedgerPayment[] = [];
  let current: LedgerPayment | undefined;
  for (const { invoice, date } of dated) {
    // The customer paid the invoice net of its credit note; all three lines share a code.
    const creditNote = creditByInvoice.get(invoice.number);
    const net = invoice.amountCents + (creditNote?.amountCents ?? 0);
    const lines = [{ invoice: invoice.number, amountCents: net }];
    const settles = creditNote ? [invoice.number, creditNote.number] : [invoice.number];
    const joinable =
      current !== undefined &&
      current.customer === invoice.customer &&
      current.lines.length < 6 &&
      dayNumber(date) - dayNumber(current.date) <= 7 &&
      random.chance(0.35);
    if (joinable && current) {
      current.lines.push(...lines);
      current.settles.push(...settles);
      continue;
    }
    current = {
      company: invoice.company,
      customer: invoice.customer,
      date,
      lines,
      settles,
      lettering: '',
      label: '',
    };
    payments.push(current);
  }
  return payments;
}

/** About 2% of the open invoices already received a first instalment, left unlettered. */
function partialPayments(
  random: Random,
  open: readonly Invoice[],
  ledgerDate: string,
): LedgerPayment[] {
  const payments: LedgerPayment[] = [];
  for (const invoice of open) {
    if (invoice.amountCents < 50_000 || !random.chance(0.02)) continue;
    const paid = Math.round((invoice.amountCents * random.int(20, 70)) / 100 / 10_000) * 10_000;
    if (paid <= 0 || paid >= invoice.amountCents) continue;
    invoice.openCents = invoice.amountCents - paid;
    const latest = Math.max(dayNumber(invoice.issueDate) + 1, dayNumber(ledgerDate) - 1);
    const date = isoFromDayNumber(random.int(dayNumber(invoice.issueDate) + 1, latest));
    payments.push({
      company: invoice.company,
      customer: invoice.customer,
      date: date > ledgerDate ? ledgerDate : date,
      lines: [{ invoice: invoice.number, amountCents: paid }],
      settles: [],
      lettering: null,
      label: '',
    });
  }
  return payments;
}

/** Lettering codes run per customer account in date order and are never reused. */
function assignLettering(payments: LedgerPayment[], customers: readonly Customer[]): void {
  const names = new Map(customers.map((customer) => [customer.code, customer.name]));
  payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const counters = new Map<string, number>();
  for (const payment of payments) {
    const name = bankUpper(names.get(payment.customer) ?? payment.customer);
    payment.label = `${payment.lettering === null ? 'ACOMPTE' : 'REGLEMENT'} ${name}`.slice(0, 60);
    if (payment.lettering === null) continue;
    const count = counters.get(payment.customer) ?? 0;
    counters.set(payment.customer, count + 1);
    payment.lettering = letteringCode(count);
  }
}
