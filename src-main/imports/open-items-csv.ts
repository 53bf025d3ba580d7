import { isValidIban, normalizeIban } from '../companies/iban.js';
import { InputError, type ErrorContext } from '../errors/lettra-error.js';
import { formatCentsPlain, parseDecimalToCents, type Cents } from '../money/cents.js';
import { readCsvRecords, type CsvRecord } from './csv-rows.js';
import { checkFieldCount, detectSeparator, indexColumns } from './delimited-columns.js';
import { parseLedgerDate } from './ledger-dates.js';
import { decodeLatin9Text } from './latin9-decoding.js';
import type { LedgerCustomer, LedgerOpenItem, OpenItemKind, ParsedLedger } from './ledger-types.js';

const requiredColumns = [
  'company',
  'customer',
  'customer_name',
  'invoice',
  'issue_date',
  'due_date',
  'amount',
  'open_amount',
] as const;
const optionalColumns = ['kind', 'customer_siren', 'customer_iban'] as const;
type ColumnName = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];

const kindsByName = new Map<string, OpenItemKind>([
  ['invoice', 'invoice'],
  ['creditnote', 'creditNote'],
  ['payment', 'payment'],
]);
const kindNames: Record<OpenItemKind, string> = {
  invoice: 'an invoice',
  creditNote: 'a credit note',
  payment: 'a payment on account',
};

/**
 * Reads the documented CSV export of open customer items (one line per invoice or credit
 * note). Columns are found by name in any order; the separator (comma, semicolon or tab) is
 * the one the header uses; fields follow RFC 4180 quoting; the text is UTF-8 or, like a
 * FEC, ISO-8859-15. Amounts are signed from the company's side: an invoice positive, a
 * credit note negative, and the open amount of the amount's sign and no larger. Every
 * malformed or contradictory value is an InputError naming the file, the line and the
 * column.
 */
export function parseOpenItemsCsv(bytes: Uint8Array, fileName: string): ParsedLedger {
  const text = decodeLatin9Text(bytes);
  // A header without any separator falls back to commas and fails on its missing columns.
  const headerLine = /^\s*([^\r\n]*)/.exec(text)?.[1] ?? '';
  const separator = detectSeparator(headerLine, [',', ';', '\t']) ?? ',';
  const records = readCsvRecords(text, separator, fileName);
  const header = records.shift();
  if (header === undefined) {
    throw new InputError('file.empty', 'the file holds no header line', { file: fileName });
  }

  const columns = resolveColumns(header, fileName);
  const hint =
    separator === ',' ? ' (with comma separators, a comma-decimal amount must be quoted)' : '';
  const customers = new Map<string, LedgerCustomer>();
  const items = records.map((record) => {
    checkFieldCount(
      record.fields,
      header.fields.length,
      { file: fileName, line: record.line },
      hint,
    );
    const row = new RowReader(record, columns, fileName);
    const item = readItem(row);
    registerCustomer(customers, item, row);
    return item;
  });

  return {
    format: 'csv',
    customers: [...customers.values()],
    items,
    settledInvoices: [],
    lineCount: records.length,
  };
}

function resolveColumns(header: CsvRecord, file: string): Map<ColumnName, number> {
  const positions = indexColumns(header.fields);
  // `indexColumns` folds underscores away, so `open_amount` and `OpenAmount` both match.
  const find = (name: ColumnName) => positions.get(name.replaceAll('_', ''));
  const columns = new Map<ColumnName, number>();
  for (const name of requiredColumns) {
    const position = find(name);
    if (position === undefined) {
      throw new InputError('input.missingField', `the header has no ${name} column`, {
        file,
        line: header.line,
        field: name,
      });
    }
    columns.set(name, position);
  }
  for (const name of optionalColumns) {
    const position = find(name);
    if (position !== undefined) columns.set(name, position);
  }
  return columns;
}

/** The values of one record, by column name, with the context errors need. */
class RowReader {
  constructor(
    readonly record: CsvRecord,
    private readonly columns: Map<ColumnName, number>,
    private readonly file: string,
  ) {}

  context(field: ColumnName): ErrorContext {
    return { file: this.file, line: this.record.line, field };
  }

  text(name: ColumnName): string {
    const position = this.columns.get(name);
    return position === undefined ? '' : (this.record.fields[position] ?? '').trim();
  }

  required(name: ColumnName): string {
    const value = this.text(name);
    if (value === '') {
      throw new InputError('input.missingField', `the ${name} is empty`, this.context(name));
    }
    return value;
  }

  cents(name: ColumnName): Cents {
    return parseDecimalToCents(this.required(name), this.context(name));
  }

  date(name: ColumnName): string {
    return parseLedgerDate(this.required(name), this.context(name));
  }
}

function readItem(row: RowReader): LedgerOpenItem {
  const amountCents = row.cents('amount');
  const openAmountCents = row.cents('open_amount');
  const kind = readKind(row, amountCents);
  checkOpenAmount(row, amountCents, openAmountCents);

  const item: LedgerOpenItem = {
    line: row.record.line,
    company: row.required('company'),
    customerCode: row.required('customer'),
    customerName: row.text('customer_name'),
    number: row.required('invoice'),
    kind,
    issueDate: row.date('issue_date'),
    amountCents,
    openAmountCents,
  };
  if (row.text('due_date') !== '') item.dueDate = row.date('due_date');
  return item;
}

function readKind(row: RowReader, amountCents: Cents): OpenItemKind {
  const written = row.text('kind');
  if (written === '') return amountCents < 0 ? 'creditNote' : 'invoice';

  const kind = kindsByName.get(written.replaceAll('_', '').toLowerCase());
  if (kind === undefined) {
    throw new InputError(
      'input.malformed',
      `"${written}" is not a kind (invoice, credit_note or payment)`,
      { ...row.context('kind'), value: written },
    );
  }
  // Guessing which of the sign and the kind is wrong would put money on the wrong side of
  // the customer's account, so a line where they disagree is refused.
  const [found, expected] =
    kind === 'invoice' ? ['negative', 'positive'] : ['positive', 'negative'];
  if (kind === 'invoice' ? amountCents < 0 : amountCents > 0) {
    throw new InputError(
      'input.badAmount',
      `the amount ${formatCentsPlain(amountCents)} is ${found} but the kind is ` +
        `${written}: ${kindNames[kind]}'s amount is ${expected}`,
      { ...row.context('amount'), value: row.text('amount') },
    );
  }
  return kind;
}

// What is still to be paid is a part of the amount: of its sign, and no larger.
function checkOpenAmount(row: RowReader, amountCents: Cents, openAmountCents: Cents): void {
  const open = formatCentsPlain(openAmountCents);
  const amount = formatCentsPlain(amountCents);
  const context = { ...row.context('open_amount'), value: row.text('open_amount') };
  if (Math.sign(openAmountCents) * Math.sign(amountCents) < 0) {
    throw new InputError(
      'input.badAmount',
      `the open amount ${open} does not have the sign of the amount ${amount}`,
      context,
    );
  }
  if (Math.abs(openAmountCents) > Math.abs(amountCents)) {
    throw new InputError(
      'input.badAmount',
      `the open amount ${open} is larger than the amount ${amount}`,
      context,
    );
  }
}

function registerCustomer(
  customers: Map<string, LedgerCustomer>,
  item: LedgerOpenItem,
  row: RowReader,
): void {
  const key = `${item.company ?? ''}\u0000${item.customerCode}`;
  const customer = customers.get(key) ?? {
    company: item.company,
    code: item.customerCode,
    name: item.customerName,
  };
  // Every line's identifiers are checked, even when an earlier line gave the customer's.
  const siren = readSiren(row);
  const iban = readIban(row);
  if (customer.name === '') customer.name = item.customerName;
  if (customer.siren === undefined && siren !== undefined) customer.siren = siren;
  if (customer.iban === undefined && iban !== undefined) customer.iban = iban;
  customers.set(key, customer);
}

// A SIRET (14 digits) starts with the SIREN of its company; both are accepted.
function readSiren(row: RowReader): string | undefined {
  const digits = row.text('customer_siren').replace(/[\s.]/g, '');
  if (digits === '') return undefined;
  if (!/^\d{9}(\d{5})?$/.test(digits)) {
    throw new InputError('input.malformed', `"${digits}" is not a SIREN or SIRET`, {
      ...row.context('customer_siren'),
      value: digits,
    });
  }
  return digits.slice(0, 9);
}

function readIban(row: RowReader): string | undefined {
  const written = row.text('customer_iban');
  if (written === '') return undefined;
  if (!isValidIban(written)) {
    throw new InputError('input.malformed', `"${written}" is not a valid IBAN`, {
      ...row.context('customer_iban'),
      value: written,
    });
  }
  return normalizeIban(written);
}
