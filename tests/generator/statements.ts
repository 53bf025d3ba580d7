import { compactDate } from './dates.js';
import type { DebitDraft } from './noise.js';
import type { Random } from './random.js';
import type { ReceiptDraft } from './receipts.js';
import { bankUpper } from './text.js';
import type {
  BankTransaction,
  Company,
  ExpectedAllocation,
  Statement,
  StatementEntry,
  StatementFormatChoice,
  TransactionTruth,
  TruthRecord,
} from './types.js';

/**
 * One day's statement of one company: receipts and debits in the bank's order, public
 * accountants' transfers sometimes booked as one batch (camt only), balances carried over.
 */

const extensions: Record<StatementFormatChoice, string> = {
  cfonb120: 'cfo',
  'camt.053.001.02': 'xml',
  'camt.053.001.08': 'xml',
  mt940: 'sta',
};

/** "C01_20261102.cfo": unique across the group, as truth.json names files by base name. */
export function statementFileName(company: Company, day: string): string {
  return `${company.code}_${compactDate(day)}.${extensions[company.statementFormat]}`;
}

/** What a day's statement is made of. */
export interface StatementInput {
  company: Company;
  day: string;
  sequence: number;
  openingCents: number;
  receipts: readonly ReceiptDraft[];
  debits: readonly DebitDraft[];
}

function creditTransaction(random: Random, day: string, receipt: ReceiptDraft): BankTransaction {
  if (receipt.amountCents <= 0) {
    throw new Error(
      `receipt of ${receipt.scenario} on ${day} is not positive: ${receipt.amountCents}`,
    );
  }
  const interest = receipt.scenario === 'noise.interest';
  const instant = !interest && !receipt.payer.accountant && random.chance(0.1);
  const name = bankUpper(receipt.payer.name);
  const transaction: BankTransaction = {
    direction: 'credit',
    amountCents: receipt.amountCents,
    bookingDate: day,
    valueDate: day,
    label: interest ? 'INTERETS CREDITEURS' : `${instant ? 'VIR INST' : 'VIR SEPA'} ${name}`,
    counterpartyName: receipt.payer.name,
    remittance: receipt.remittance,
    structuredReferences: receipt.structuredReferences,
    bankReference: '',
    operation: interest ? 'interest' : instant ? 'instantTransfer' : 'transfer',
    variant: random.uint32(),
    truth: { scenario: receipt.scenario, expected: receipt.expected },
  };
  if (receipt.unnamedDueDays) transaction.truth!.unnamedDueDays = receipt.unnamedDueDays;
  if (receipt.payer.iban) transaction.counterpartyIban = receipt.payer.iban;
  // Some accountants' systems fill the SEPA ultimate debtor with the body they pay for.
  if (receipt.payer.bodyShort && random.chance(0.25)) {
    transaction.ultimatePayerName = receipt.payer.bodyShort;
  }
  if (receipt.endToEndId) transaction.endToEndId = receipt.endToEndId;
  return transaction;
}

function debitTransaction(random: Random, day: string, debit: DebitDraft): BankTransaction {
  const name = bankUpper(debit.name);
  const labels = {
    outgoing: `VIR SEPA EMIS ${name}`,
    directDebit: `PRLV SEPA ${name}`,
    fee: debit.remittance,
  };
  const transaction: BankTransaction = {
    direction: 'debit',
    amountCents: debit.amountCents,
    bookingDate: day,
    valueDate: day,
    label: labels[debit.operation],
    counterpartyName: debit.name,
    remittance: debit.operation === 'fee' ? '' : debit.remittance,
    structuredReferences: [],
    bankReference: '',
    operation: debit.operation,
    variant: random.uint32(),
  };
  if (debit.iban) transaction.counterpartyIban = debit.iban;
  return transaction;
}

/**
 * Banks that send camt often book several transfers from one originator as a single entry
 * with one detail each; accountants paying many mandates a day are the usual case.
 */
function batchKeys(random: Random, receipts: readonly ReceiptDraft[]): Array<string | undefined> {
  const byAccountant = new Map<string, number[]>();
  receipts.forEach((receipt, index) => {
    const id = receipt.payer.accountant?.id;
    if (id) byAccountant.set(id, [...(byAccountant.get(id) ?? []), index]);
  });
  const keys: Array<string | undefined> = receipts.map(() => undefined);
  for (const [id, indexes] of byAccountant) {
    if (indexes.length < 2 || !random.chance(0.5)) continue;
    for (const index of indexes.slice(0, 6)) keys[index] = id;
  }
  return keys;
}

/** Builds the statement of one company for one day. */
export function assembleStatement(random: Random, input: StatementInput): Statement {
  const { company, day } = input;
  const isCamt = company.statementFormat.startsWith('camt');
  const keys = isCamt ? batchKeys(random, input.receipts) : [];
  const movements = random.shuffle([
    ...input.receipts.map((receipt, i) => ({
      key: keys[i],
      tx: creditTransaction(random, day, receipt),
    })),
    ...input.debits.map((debit) => ({ key: undefined, tx: debitTransaction(random, day, debit) })),
  ]);

  const entries: StatementEntry[] = [];
  const batches = new Map<string, StatementEntry>();
  for (const { key, tx } of movements) {
    const open = key === undefined ? undefined : batches.get(key);
    if (open) {
      open.batch = true;
      open.transactions.push(tx);
      continue;
    }
    const entry: StatementEntry = { batch: false, bankReference: '', transactions: [tx] };
    if (key !== undefined) batches.set(key, entry);
    entries.push(entry);
  }

  imputeInBookingOrder(entries.flatMap((entry) => entry.transactions));

  let closingCents = input.openingCents;
  entries.forEach((entry, position) => {
    entry.bankReference = `${compactDate(day).slice(2)}${String(position + 1).padStart(4, '0')}${random.digits(6)}`;
    entry.transactions.forEach((tx, i) => {
      tx.bankReference = entry.batch ? `${entry.bankReference}/${i + 1}` : entry.bankReference;
      closingCents += tx.direction === 'credit' ? tx.amountCents : -tx.amountCents;
    });
  });
  return {
    company: company.code,
    day,
    file: statementFileName(company, day),
    format: company.statementFormat,
    sequence: input.sequence,
    openingCents: input.openingCents,
    closingCents,
    entries,
  };
}

/**
 * Payments of one customer that name no invoice settle, in the order the bank books them,
 * the oldest due of the invoices owing each amount (Code civil, art. 1342-10). They were
 * drawn in another order than the statement's, so among the invoices they settle together,
 * twins are handed out again: the earlier booked payment gets the earlier due invoice.
 */
function imputeInBookingOrder(transactions: BankTransaction[]): void {
  const unnamed = transactions.filter((tx) => tx.truth?.unnamedDueDays && tx.truth.expected);
  const twins = new Map<string, Array<{ invoice: string; dueDay: number }>>();
  const keyOf = (line: ExpectedAllocation) =>
    `${line.company}:${line.customer}:${line.amountCents}`;
  for (const tx of unnamed) {
    const { expected, unnamedDueDays } = tx.truth as Required<TransactionTruth>;
    (expected as ExpectedAllocation[]).forEach((line, index) => {
      const list = twins.get(keyOf(line)) ?? [];
      list.push({ invoice: line.invoice, dueDay: unnamedDueDays[index] as number });
      twins.set(keyOf(line), list);
    });
  }
  // Twins due the same day go in the ledger's order, which is their numbers'.
  const byDue = (a: { invoice: string; dueDay: number }, b: { invoice: string; dueDay: number }) =>
    a.dueDay - b.dueDay || a.invoice.localeCompare(b.invoice, 'en', { numeric: true });
  for (const list of twins.values()) list.sort(byDue);
  for (const tx of unnamed) {
    for (const line of (tx.truth as TransactionTruth).expected as ExpectedAllocation[]) {
      const next = twins.get(keyOf(line))?.shift();
      if (next !== undefined) line.invoice = next.invoice;
    }
  }
}

/** One truth record per credit transaction, indexed as a parser numbers them. */
export function truthOf(statement: Statement): TruthRecord[] {
  const records: TruthRecord[] = [];
  let index = 0;
  for (const entry of statement.entries) {
    for (const tx of entry.transactions) {
      index += 1;
      if (tx.direction !== 'credit' || !tx.truth) continue;
      records.push({
        file: statement.file,
        index,
        company: statement.company,
        scenario: tx.truth.scenario,
        expected: tx.truth.expected,
      });
    }
  }
  return records;
}
