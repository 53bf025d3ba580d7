import { compactDate } from './dates.js';
import type { Company, Customer, Invoice, LedgerPayment } from './types.js';

/**
 * Writes a company's ledger as a FEC (fichier des écritures comptables): 18 tab-separated
 * columns, comma decimals, dates as YYYYMMDD. Only the sales and bank journals are written;
 * every entry balances, and settled lines share a lettering code with their payment.
 */

/** The 18 columns of the legal FEC layout, in order. */
export const fecColumns = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/** The FEC's legal name: `<SIREN>FEC<closing date>.txt`. */
export function fecFileName(company: Company, ledgerDate: string): string {
  return `${company.siren}FEC${compactDate(ledgerDate)}.txt`;
}

const journals = { VT: 'Ventes', BQ: 'Banque' } as const;

/** FEC fields may not hold the separator or line breaks. */
function clean(text: string): string {
  return /[\t\r\n]/.test(text) ? text.replace(/[\t\r\n]/g, ' ') : text;
}

/** "1234,56\t0,00" for a debit, "0,00\t1234,56" for a credit. */
function debitCredit(cents: number): string {
  const absolute = Math.abs(cents);
  const amount = `${Math.trunc(absolute / 100)},${absolute % 100 < 10 ? '0' : ''}${absolute % 100}`;
  return cents >= 0 ? `${amount}\t0,00` : `0,00\t${amount}`;
}

/** What the rows of one entry share: journal, entry number and date. */
interface EntryHead {
  journal: keyof typeof journals;
  number: string;
  date: string;
}

/**
 * One FEC row. Written as a single template: ledgers have a million rows at scale, and
 * building them from arrays doubled the writer's peak memory.
 */
function row(
  head: EntryHead,
  account: string,
  accountLabel: string,
  customer: Customer | undefined,
  piece: string,
  pieceDate: string,
  label: string,
  cents: number,
  lettering: { code: string; date: string } | undefined,
): string {
  const auxiliary = customer ? `${customer.code}\t${clean(customer.name)}` : '\t';
  const letter = lettering ? `${lettering.code}\t${compactDate(lettering.date)}` : '\t';
  return (
    `${head.journal}\t${journals[head.journal]}\t${head.number}\t${head.date}\t${account}\t` +
    `${accountLabel}\t${auxiliary}\t${clean(piece)}\t${compactDate(pieceDate)}\t${clean(label)}\t` +
    `${debitCredit(cents)}\t${letter}\t${head.date}\t\t`
  );
}

/**
 * The FEC rows, header first, entries in date order (sales before bank on the same day).
 * Rows are produced one entry at a time so a ledger of 100,000 items never sits in memory
 * as one string.
 */
export function* fecRows(
  company: Company,
  customers: readonly Customer[],
  invoices: readonly Invoice[],
  payments: readonly LedgerPayment[],
): Generator<string> {
  const byCode = new Map(customers.map((customer) => [customer.code, customer]));
  const lettered = new Map<string, { code: string; date: string }>();
  for (const payment of payments) {
    if (payment.lettering === null) continue;
    const letter = { code: payment.lettering, date: payment.date };
    for (const number of payment.settles) lettered.set(number, letter);
  }

  // Sort keys only; the rows are built when their entry is written.
  const order = [
    ...invoices.map((invoice, index) => ({ date: invoice.issueDate, journal: 0, index })),
    ...payments.map((payment, index) => ({ date: payment.date, journal: 1, index })),
  ].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.journal - b.journal || a.index - b.index,
  );

  yield fecColumns.join('\t');
  const counters = { VT: 0, BQ: 0 };
  for (const { journal, index } of order) {
    const code: EntryHead['journal'] = journal === 0 ? 'VT' : 'BQ';
    counters[code] += 1;
    const number = `${code}${String(counters[code]).padStart(6, '0')}`;
    if (journal === 0) {
      const invoice = invoices[index] as Invoice;
      const head = { journal: code, number, date: compactDate(invoice.issueDate) };
      yield* salesRows(head, invoice, byCode.get(invoice.customer), company, lettered);
    } else {
      const payment = payments[index] as LedgerPayment;
      const head = { journal: code, number, date: compactDate(payment.date) };
      yield* bankRows(head, payment, byCode.get(payment.customer), company);
    }
  }
}

/** Customer debit, sales and VAT credits of an invoice (the reverse for a credit note). */
function salesRows(
  head: EntryHead,
  invoice: Invoice,
  customer: Customer | undefined,
  company: Company,
  lettered: ReadonlyMap<string, { code: string; date: string }>,
): string[] {
  const { accounts } = company;
  const word = invoice.kind === 'creditNote' ? 'Avoir' : 'Facture';
  const label = `${word} ${invoice.number} ${customer?.name ?? ''}`.trim();
  const { number, issueDate } = invoice;
  return [
    row(
      head,
      accounts.customers,
      'Clients',
      customer,
      number,
      issueDate,
      label,
      invoice.amountCents,
      lettered.get(number),
    ),
    row(
      head,
      accounts.sales,
      'Prestations de services',
      undefined,
      number,
      issueDate,
      label,
      -invoice.netCents,
      undefined,
    ),
    row(
      head,
      accounts.vat,
      'TVA collectée',
      undefined,
      number,
      issueDate,
      label,
      -invoice.vatCents,
      undefined,
    ),
  ];
}

/** Bank debit and one customer credit per document paid, lettered unless partial. */
function bankRows(
  head: EntryHead,
  payment: LedgerPayment,
  customer: Customer | undefined,
  company: Company,
): string[] {
  const total = payment.lines.reduce((sum, line) => sum + line.amountCents, 0);
  const lettering =
    payment.lettering === null ? undefined : { code: payment.lettering, date: payment.date };
  const { accounts } = company;
  const bank = `Banque ${company.bankName}`;
  const first = payment.lines[0]?.invoice ?? '';
  return [
    row(head, accounts.bank, bank, undefined, first, payment.date, payment.label, total, undefined),
    ...payment.lines.map((paid) =>
      row(
        head,
        accounts.customers,
        'Clients',
        customer,
        paid.invoice,
        payment.date,
        payment.label,
        -paid.amountCents,
        lettering,
      ),
    ),
  ];
}
