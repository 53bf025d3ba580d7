import { InputError, type ErrorContext } from '../errors/lettra-error.js';
import { checkFieldCount, detectSeparator } from './delimited-columns.js';
import { decodeLatin9Text } from './latin9-decoding.js';
import { fecSeparators, resolveFecColumns, type FecColumns } from './fec-columns.js';
import { letteringState } from './fec-lettering.js';
import { FecLedgerFacts } from './fec-ledger-facts.js';
import {
  collectOpenItems,
  collectSettledInvoices,
  type OpenLine,
  type SettledLine,
} from './fec-open-items.js';
import { FecValueReader } from './fec-values.js';
import type { LedgerCustomer, ParsedLedger } from './ledger-types.js';
import { isBlankLine, LineReader } from './text-lines.js';

export interface FecOptions {
  /** Collective accounts holding customers; a line is a customer's when CompteNum starts so. */
  customerAccountPrefixes?: string[];
}

/**
 * Reads a FEC (fichier des écritures comptables, article A47 A-1 of the LPF) into the open
 * items of its customer accounts. Every line is checked (field count, dates, amounts) so that
 * a shifted or corrupt export is refused with its file, line and field rather than half
 * read. A customer-account line is open while it carries no lettering code, or a partial one
 * (see `letteringState`); open lines are grouped per customer and PieceRef. Pieces whose
 * lines are all fully lettered give the settled invoices (see `collectSettledInvoices`).
 */
export function parseFec(
  bytes: Uint8Array,
  fileName: string,
  options: FecOptions = {},
): ParsedLedger {
  const prefixes = options.customerAccountPrefixes ?? ['411'];
  const reader = new LineReader(decodeLatin9Text(bytes));
  const { separator, columns } = readHeader(reader, fileName);
  const customers = new Map<string, LedgerCustomer>();
  const openLines: OpenLine[] = [];
  const settledLines: SettledLine[] = [];
  const isSalesJournal = journalTest(
    (code, label) => code.startsWith('VT') || code.startsWith('VE') || label.includes('vente'),
  );
  // Bank and cash journals (BQ, BNP, CA, "Banque", "Caisse"): a credit there is a payment.
  const isTreasuryJournal = journalTest(
    (code, label) =>
      /^(B|CA|CAI|TR)/.test(code) || /banque|bank|caisse|tresorerie|cheque|virement/.test(label),
  );
  const values = new FecValueReader(fileName, columns);
  const facts = new FecLedgerFacts();
  let lineCount = 0;
  const treasuryJournals = new Set<string>();

  for (let read = reader.read(); read !== undefined; read = reader.read()) {
    // DOS tools end a file with Ctrl-Z (0x1A): it is no line.
    const text = read.endsWith(endOfFile) ? read.slice(0, read.indexOf(endOfFile)) : read;
    if (isBlankLine(text)) continue;
    lineCount += 1;
    const line = reader.line;
    // Spreadsheets re-save a FEC with every field in double quotes.
    const fields = text.includes('"') ? text.split(separator).map(unquote) : text.split(separator);
    if (fields.length !== columns.count) {
      checkFieldCount(fields, columns.count, { file: fileName, line });
    }
    const cents = values.amount(fields, line);
    const entryDate = values.date(fields[columns.entryDate], line, 'EcritureDate');
    const issueDate = values.date(fields[columns.pieceDate], line, 'PieceDate', entryDate);

    const account = field(fields, columns.account);
    // Every line of a FEC books an account: one without is a broken line, not one to skip.
    if (account === '') {
      throw new InputError('input.missingField', 'the line has no account number', {
        file: fileName,
        line,
        field: 'CompteNum',
      });
    }
    const journalCode = field(fields, columns.journalCode);
    // A journal booking on bank (51) or cash (53) accounts is a treasury journal, whatever
    // its code ("CIC", "LCL", "BQ1").
    if (/^5[13]/.test(account)) treasuryJournals.add(journalCode);
    const fromTreasuryJournal = isTreasuryJournal(journalCode, field(fields, columns.journalLabel));
    facts.addAny({
      journalCode,
      entryNumber: fieldOrEmpty(fields, columns.entryNumber),
      entryDate,
      account,
      cents,
      fromTreasuryJournal,
    });
    if (!prefixes.some((prefix) => account.startsWith(prefix))) continue;

    const customerCode = field(fields, columns.auxiliaryAccount) || account;
    registerCustomer(customers, customerCode, account, fields, columns);
    const lettering = field(fields, columns.lettering);
    const number = field(fields, columns.pieceRef) || fieldOrEmpty(fields, columns.entryNumber);
    const fromSalesJournal = isSalesJournal(journalCode, field(fields, columns.journalLabel));
    facts.add({ entryDate, customerCode, pieceRef: number, cents, lettering, fromSalesJournal });
    const state = letteringState(lettering);
    if (state === 'settled') {
      settledLines.push({
        line,
        customerCode,
        number,
        issueDate,
        fromTreasuryJournal,
        fromSalesJournal,
        journalCode,
        cents,
      });
      continue;
    }

    const dueDateText = columns.dueDate === undefined ? '' : field(fields, columns.dueDate);
    openLines.push({
      line,
      customerCode,
      account,
      number,
      label: field(fields, columns.entryLabel),
      issueDate,
      dueDate: dueDateText === '' ? undefined : values.date(dueDateText, line, 'DateEcheance'),
      fromTreasuryJournal,
      journalCode,
      cents,
      lettering: state === 'partial' ? lettering : '',
    });
  }
  for (const open of openLines) open.fromTreasuryJournal ||= treasuryJournals.has(open.journalCode);
  for (const settled of settledLines) {
    settled.fromTreasuryJournal ||= treasuryJournals.has(settled.journalCode);
  }

  const names = new Map([...customers.values()].map((customer) => [customer.code, customer.name]));
  const ledger: ParsedLedger = {
    format: 'fec',
    customers: [...customers.values()],
    items: collectOpenItems(openLines, names),
    settledInvoices: collectSettledInvoices(settledLines, openLines),
    lineCount,
  };
  facts.applyTo(ledger);
  const siren = sirenFromFecFileName(fileName);
  if (siren !== undefined) ledger.siren = siren;
  const named = dateFromFecFileName(fileName);
  if (ledger.ledgerDate === undefined && named !== undefined) ledger.ledgerDate = named;
  return ledger;
}

/** The closing date of a FEC file name `<SIREN>FEC<YYYYMMDD>`, as YYYY-MM-DD. */
export function dateFromFecFileName(fileName: string): string | undefined {
  const found = /\d{9}FEC(\d{4})(\d{2})(\d{2})/i.exec(fileName);
  return found === null ? undefined : `${found[1]}-${found[2]}-${found[3]}`;
}

/**
 * The SIREN a FEC file name starts with: the specification names the file
 * `<SIREN>FEC<closing date YYYYMMDD>`. Directories in front of the name are ignored.
 */
export function sirenFromFecFileName(fileName: string): string | undefined {
  const baseName = fileName.slice(
    Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1,
  );
  return /^(\d{9})(?!\d)/.exec(baseName)?.[1];
}

function readHeader(reader: LineReader, file: string): { separator: string; columns: FecColumns } {
  let header = reader.read();
  while (header !== undefined && isBlankLine(header)) header = reader.read();
  if (header === undefined) {
    throw new InputError('file.empty', 'the file holds no FEC header line', { file });
  }

  const context: ErrorContext = { file, line: reader.line };
  const separator = detectSeparator(header, fecSeparators);
  if (separator === undefined) {
    throw new InputError(
      'file.unknownFormat',
      'the first line is not a FEC header: no tab, pipe or semicolon separates its columns',
      context,
    );
  }
  return { separator, columns: resolveFecColumns(header.split(separator), context) };
}

function registerCustomer(
  customers: Map<string, LedgerCustomer>,
  code: string,
  account: string,
  fields: readonly string[],
  columns: FecColumns,
): void {
  const known = customers.get(code);
  if (known !== undefined && known.name !== '') return;

  // Without an auxiliary account the collective account is the customer, named by its label.
  const auxiliaryCode = field(fields, columns.auxiliaryAccount);
  const name =
    (auxiliaryCode === '' ? '' : field(fields, columns.auxiliaryLabel)) ||
    field(fields, columns.accountLabel);
  if (known !== undefined) known.name = name;
  else customers.set(code, { code, name, account });
}

/**
 * Tells a kind of journal by its code and label, remembering the answer per journal since a
 * FEC has few journals and many lines.
 */
function journalTest(
  test: (upperCode: string, plainLabel: string) => boolean,
): (code: string, label: string) => boolean {
  const known = new Map<string, boolean>();
  return (code, label) => {
    const key = `${code}\u0000${label}`;
    let answer = known.get(key);
    if (answer === undefined) {
      const plainLabel = label
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
      answer = test(code.toUpperCase(), plainLabel);
      known.set(key, answer);
    }
    return answer;
  };
}

function field(fields: readonly string[], position: number): string {
  return (fields[position] ?? '').trim();
}

function fieldOrEmpty(fields: readonly string[], position: number | undefined): string {
  return position === undefined ? '' : field(fields, position);
}

const endOfFile = String.fromCharCode(0x1a);

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replace(/""/g, '"')
    : value;
}
