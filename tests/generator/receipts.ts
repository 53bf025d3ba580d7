import { messyReference } from './numbering.js';
import type { CompanyPool, CustomerFilter, OpenEntry } from './pool.js';
import type { Random } from './random.js';
import {
  bareRemittance,
  endToEndIdFor,
  joinReferences,
  limitRemittance,
  mandateOnlyRemittance,
  payerOf,
  referencedRemittance,
  type Payer,
} from './remittance.js';
import type { Scenario } from './scenarios.js';
import type { AllocationKind, Company, ExpectedAllocation, PublicAccountant } from './types.js';

/**
 * Draws one receipt of a given scenario from the open items: which invoices it pays, how
 * much arrives, who shows as payer and what they wrote. Invoices are settled in the pool as
 * they are drawn, so no invoice is paid twice.
 */

/** A receipt before it is placed on a statement. */
export interface ReceiptDraft {
  scenario: string;
  amountCents: number;
  payer: Payer;
  remittance: string;
  structuredReferences: string[];
  endToEndId?: string;
  expected: ExpectedAllocation[] | null;
  /** See TransactionTruth.unnamedDueDays. */
  unnamedDueDays?: number[];
}

/** Everything a scenario needs to draw from. */
export interface ReceiptContext {
  random: Random;
  day: string;
  /** The company whose account receives the money. */
  company: Company;
  pool: CompanyPool;
  pools: readonly CompanyPool[];
  accountants: ReadonlyMap<string, PublicAccountant>;
}

function allocation(
  entry: OpenEntry,
  amountCents: number,
  kind: AllocationKind,
): ExpectedAllocation {
  const { invoice, customer } = entry;
  return {
    company: invoice.company,
    invoice: invoice.number,
    customer: customer.code,
    amountCents,
    kind,
  };
}

/** Open invoices of one customer meeting `accept`, trying a few customers before giving up. */
function drawEntries(
  context: ReceiptContext,
  count: number,
  accept: (entries: OpenEntry[]) => boolean,
  filter: CustomerFilter = 'any',
  pool: CompanyPool = context.pool,
): OpenEntry[] | undefined {
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const customer = pool.randomCustomer(context.random, filter);
    if (!customer) return undefined;
    const entries = pool.choose(context.random, customer, count, context.day);
    if (entries.length > 0 && accept(entries)) return entries;
  }
  return undefined;
}

/** Assembles the draft, with the end-to-end id and, sometimes, structured references. */
function finish(
  context: ReceiptContext,
  scenario: string,
  payer: Payer,
  amountCents: number,
  remittance: string,
  expected: ExpectedAllocation[] | null,
  typedReferences: readonly string[],
): ReceiptDraft {
  const { random } = context;
  // Some payers' software also sends the numbers as structured references (camt Strd).
  const share = payer.accountant ? 0.1 : 0.2;
  const structured = typedReferences.length > 0 && random.chance(share) ? [...typedReferences] : [];
  const draft: ReceiptDraft = {
    scenario,
    amountCents,
    payer,
    remittance: limitRemittance(remittance),
    structuredReferences: structured,
    expected,
  };
  const endToEndId = endToEndIdFor(random, payer, typedReferences[0]);
  if (endToEndId !== undefined) draft.endToEndId = endToEndId;
  return draft;
}

/** The text of a receipt that names `references`, in the style of its payer. */
export function named(
  context: ReceiptContext,
  entry: OpenEntry,
  references: string,
  payer: Payer,
): string {
  const owner = context.pools.find((pool) => pool.company.code === entry.invoice.company)?.company;
  const company = owner ?? context.company;
  return referencedRemittance(
    context.random,
    payer,
    company,
    references,
    entry.invoice.issueDate,
    context.day,
  );
}

/**
 * One invoice paid, its number written by `reference`. `adjust` gives what arrives and the
 * allocations that explain a difference; `pool` draws from another company's open items.
 */
export function singlePayment(
  context: ReceiptContext,
  scenario: Scenario,
  reference: (number: string) => string,
  options: {
    filter?: CustomerFilter;
    pool?: CompanyPool;
    accept?: (entry: OpenEntry) => boolean;
    adjust?: (entry: OpenEntry) => { paid: number; extra: Array<[number, AllocationKind]> };
    text?: (entry: OpenEntry, typed: string, payer: Payer) => string;
  } = {},
): ReceiptDraft | undefined {
  const { random, accountants } = context;
  const accept = options.accept ?? (() => true);
  const entries = drawEntries(
    context,
    1,
    ([entry]) => entry !== undefined && accept(entry),
    options.filter,
    options.pool,
  );
  const entry = entries?.[0];
  if (!entry) return undefined;
  const payer = payerOf(random, entry.customer, accountants);
  const typed = reference(entry.invoice.number);
  const text = options.text
    ? options.text(entry, typed, payer)
    : named(context, entry, typed, payer);
  const { paid, extra } = options.adjust?.(entry) ?? { paid: entry.remaining, extra: [] };
  const expected =
    scenario === 'partialPayment'
      ? [allocation(entry, paid, 'partial')]
      : [
          allocation(entry, entry.remaining, 'invoice'),
          ...extra.map(([amount, kind]) => allocation(entry, amount, kind)),
        ];
  const owner = options.pool ?? context.pool;
  owner.settle(entry, scenario === 'partialPayment' ? paid : entry.remaining);
  return finish(context, scenario, payer, paid, text, expected, [typed]);
}

/** Several invoices of one customer in one transfer; a long list loses its tail at 140. */
export function multiplePayment(context: ReceiptContext): ReceiptDraft | undefined {
  const { random, accountants } = context;
  const wanted = random.weighted([
    [2, 40],
    [3, 25],
    [4, 15],
    [5, 10],
    [6, 10],
  ] as const);
  const entries = drawEntries(context, wanted, (found) => found.length >= 2);
  if (!entries) return undefined;
  const payer = payerOf(random, (entries[0] as OpenEntry).customer, accountants);
  const typed = entries.map((entry) =>
    random.chance(0.2) ? messyReference(entry.invoice.number, random) : entry.invoice.number,
  );
  let text: string;
  if (entries.length >= 4 && random.chance(0.4)) {
    // Verbose payment software lists every invoice with its date and overflows the field.
    const listed = entries.map(
      (entry, i) => `${typed[i]} DU ${entry.invoice.issueDate.split('-').reverse().join('/')}`,
    );
    text = `REGLEMENT DE VOS FACTURES N ${listed.join(' ')}`;
  } else {
    text = named(context, entries[0] as OpenEntry, joinReferences(random, typed), payer);
  }
  const amount = entries.reduce((sum, entry) => sum + entry.remaining, 0);
  const expected = entries.map((entry) => allocation(entry, entry.remaining, 'invoice'));
  for (const entry of entries) context.pool.settle(entry);
  return finish(context, 'multipleInvoices', payer, amount, text, expected, typed);
}

/** One open item or the sum of a few, and nothing in the text to say which. */
export function unreferencedPayment(
  context: ReceiptContext,
  scenario: 'noReference' | 'publicMandateOnly',
) {
  const { random, accountants, day } = context;
  const count = random.chance(scenario === 'noReference' ? 0.45 : 0.2) ? random.int(2, 3) : 1;
  const filter = scenario === 'publicMandateOnly' ? 'public' : 'any';
  const drawn = drawEntries(context, count, () => true, filter);
  if (!drawn) return undefined;
  const entries = context.pool.legalImputation(drawn);
  const payer = payerOf(random, (entries[0] as OpenEntry).customer, accountants);
  const text =
    scenario === 'publicMandateOnly'
      ? mandateOnlyRemittance(random, payer, context.company, day)
      : bareRemittance(random, payer, day);
  const amount = entries.reduce((sum, entry) => sum + entry.remaining, 0);
  const expected = entries.map((entry) => allocation(entry, entry.remaining, 'invoice'));
  for (const entry of entries) context.pool.settle(entry);
  const draft = finish(context, scenario, payer, amount, text, expected, []);
  draft.unnamedDueDays = entries.map((entry) => entry.dueDay);
  return draft;
}

/** An invoice net of an open credit note of the same customer. */
export function creditNotePayment(context: ReceiptContext): ReceiptDraft | undefined {
  const { random, accountants, pool } = context;
  const note = pool.randomCreditNote(random);
  if (!note) return undefined;
  const open = pool
    .openInvoices(note.customer)
    .filter((entry) => entry.remaining > -note.remaining + 1_000);
  const entry =
    open.find((candidate) => candidate.invoice.number === note.invoice.relatedInvoice) ?? open[0];
  if (!entry) return undefined;
  const payer = payerOf(random, entry.customer, accountants);
  const invoiceNumber = entry.invoice.number;
  const noteNumber = note.invoice.number;
  const references = random.pick([
    `FACT ${invoiceNumber} AVOIR ${noteNumber}`,
    `${invoiceNumber} - ${noteNumber}`,
    `${invoiceNumber} DEDUCTION AVOIR ${noteNumber}`,
    `${invoiceNumber} MOINS AV ${noteNumber}`,
    invoiceNumber,
  ]);
  const expected = [
    allocation(entry, entry.remaining, 'invoice'),
    allocation(note, note.remaining, 'creditNote'),
  ];
  const amount = entry.remaining + note.remaining;
  pool.settle(entry);
  pool.settle(note);
  const text = named(context, entry, references, payer);
  return finish(context, 'creditNoteNetted', payer, amount, text, expected, [invoiceNumber]);
}
