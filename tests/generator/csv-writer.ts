import { formatCentsPlain } from '../../src-main/money/cents.js';
import { compactDate } from './dates.js';
import type { Company, Customer, Invoice } from './types.js';

/**
 * Writes the open items of a company as the CSV some accounting packages export instead of
 * a FEC: one line per open invoice or credit note, dot decimals, comma-separated.
 */

/** The column header, in order. */
export const csvColumns = [
  'company',
  'customer',
  'customer_name',
  'invoice',
  'issue_date',
  'due_date',
  'amount',
  'open_amount',
] as const;

/** "C04_open_items_20261030.csv". */
export function csvFileName(company: Company, ledgerDate: string): string {
  return `${company.code}_open_items_${compactDate(ledgerDate)}.csv`;
}

/** Quotes a field when it holds a comma, a quote or a line break (RFC 4180). */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV rows of the open items at the ledger date, header first, by customer then date. */
export function* openItemRows(
  company: Company,
  customers: readonly Customer[],
  invoices: readonly Invoice[],
): Generator<string> {
  const names = new Map(customers.map((customer) => [customer.code, customer.name]));
  const key = (invoice: Invoice) =>
    `${invoice.customer}\u0000${invoice.issueDate}\u0000${invoice.number}`;
  const open = invoices
    .filter((invoice) => invoice.company === company.code && invoice.openCents !== 0)
    .map((invoice) => ({ invoice, key: key(invoice) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  yield csvColumns.join(',');
  for (const { invoice } of open) {
    yield [
      company.code,
      invoice.customer,
      names.get(invoice.customer) ?? '',
      invoice.number,
      invoice.issueDate,
      invoice.dueDate,
      formatCentsPlain(invoice.amountCents),
      formatCentsPlain(invoice.openCents),
    ]
      .map(field)
      .join(',');
  }
}
