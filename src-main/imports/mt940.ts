import { InputError } from '../errors/lettra-error.js';
import { compactIban, looksLikeIban } from './iban-shape.js';
import { readMt940Fields, type Mt940Field } from './mt940-fields.js';
import { findCharges, readInformation } from './mt940-information.js';
import { readBalance, readStatementLine } from './mt940-statement-line.js';
import type {
  AccountReference,
  ParsedStatement,
  ParsedStatementFile,
  ParsedTransaction,
} from './statement-types.js';
import { decodeText } from './text-decoding.js';

/** A statement while its fields are read. */
interface StatementDraft {
  statement: ParsedStatement;
  /** Line where the statement starts, for errors about a field it lacks. */
  line: number;
  reference?: string;
  number?: string;
}

interface Reading {
  file: string;
  statements: ParsedStatement[];
  open?: StatementDraft;
  /** The last :61: movement and which side it is on, for the :86: that follows it. */
  movement?: { transaction: ParsedTransaction; creditSide: boolean };
  previousTag?: string;
  count: number;
}

/**
 * Reads a SWIFT MT940 statement file: one or more messages, each with its account (:25:),
 * balances (:60F:, :62F:) and movements (:61:, each followed by its :86: information). Anything
 * malformed is an InputError naming the file, the line and the field.
 */
export function parseMt940(bytes: Uint8Array, fileName: string): ParsedStatementFile {
  const fields = readMt940Fields(decodeText(bytes));
  if (!fields.some((field) => field.tag === '61' || field.tag === '20')) {
    throw new InputError('file.empty', 'the file holds no MT940 statement', { file: fileName });
  }

  const reading: Reading = { file: fileName, statements: [], count: 0 };
  for (const field of fields) {
    readField(reading, field);
    reading.previousTag = field.tag;
  }
  closeStatement(reading);
  return { format: 'mt940', statements: reading.statements };
}

function readField(reading: Reading, field: Mt940Field): void {
  const context = { file: reading.file, line: field.line };
  const value = field.lines.join(' ').trim();
  switch (field.tag) {
    case '-':
      closeStatement(reading);
      break;
    case '20':
      closeStatement(reading);
      openStatement(reading, field).reference = value;
      break;
    case '25':
      openStatement(reading, field).statement.account = readAccount(value);
      break;
    case '28':
    case '28C':
      openStatement(reading, field).number = value;
      break;
    case '60F':
    case '60M': {
      const { statement } = openStatement(reading, field);
      const { currency, ...balance } = readBalance(field.lines, field.tag, context);
      // A statement over several messages repeats :60M:; the first one opens it.
      statement.openingBalance ??= balance;
      if (statement.currency === '') statement.currency = currency;
      break;
    }
    case '61':
      readMovement(reading, field);
      break;
    case '86':
      // Only the :86: right after a :61: describes it; after :62F: it describes the statement.
      if (reading.previousTag === '61' && reading.movement !== undefined) {
        addInformation(reading.movement, field);
      }
      break;
    case '62F':
    case '62M': {
      const { statement } = openStatement(reading, field);
      const { currency, ...balance } = readBalance(field.lines, field.tag, context);
      statement.closingBalance = balance;
      if (statement.currency === '') statement.currency = currency;
      break;
    }
    default:
      // :13D:, :21:, :64:, :65: and the statement-level :86: say nothing Lettra uses.
      break;
  }
}

/**
 * The statement being read, or a new one when a field comes after the end of a message with no
 * :20: before it. Such a stray field continues the account of the statement before it, as in a
 * file where a bank appended a movement after the final "-".
 */
function openStatement(reading: Reading, field: Mt940Field): StatementDraft {
  if (reading.open !== undefined) return reading.open;
  const previous = field.tag === '20' ? undefined : reading.statements.at(-1);
  reading.open = {
    statement: {
      account: { ...previous?.account },
      currency: previous?.currency ?? '',
      transactions: [],
    },
    line: field.line,
  };
  return reading.open;
}

function readMovement(reading: Reading, field: Mt940Field): void {
  const { statement } = openStatement(reading, field);
  const line = readStatementLine(field.lines, { file: reading.file, line: field.line });
  reading.count += 1;
  const transaction: ParsedTransaction = {
    index: reading.count,
    line: field.line,
    bookingDate: line.bookingDate,
    valueDate: line.valueDate,
    amountCents: line.amountCents,
    currency: statement.currency,
    remittance: '',
    references: line.customerReference === undefined ? [] : [line.customerReference],
    operationCode: line.operationCode,
    reversal: line.reversal,
    details: [],
  };
  if (line.customerReference !== undefined) {
    transaction.details.push({ label: 'customer reference', text: line.customerReference });
  }
  if (line.bankReference !== undefined) transaction.bankReference = line.bankReference;
  const supplementary = line.supplementary ?? '';
  if (supplementary !== '') {
    transaction.details.push({ label: 'supplementary details', text: supplementary });
    // Rabobank writes the counterparty's IBAN there.
    if (line.creditSide && looksLikeIban(supplementary)) {
      transaction.payerIban = compactIban(supplementary);
    }
  }
  const charges = findCharges(supplementary);
  if (charges !== undefined) transaction.chargesCents = charges;

  statement.transactions.push(transaction);
  reading.movement = { transaction, creditSide: line.creditSide };
}

function addInformation(movement: NonNullable<Reading['movement']>, field: Mt940Field): void {
  const { transaction } = movement;
  const information = readInformation(field.lines, movement.creditSide);
  transaction.remittance = information.remittance.join(' ').replace(/\s+/g, ' ').trim();
  transaction.references.push(...information.references);
  transaction.details.push(...information.details);
  if (information.payerName !== undefined) transaction.payerName = information.payerName;
  if (information.payerIban !== undefined) transaction.payerIban = information.payerIban;
  if (information.ultimatePayerName !== undefined) {
    transaction.ultimatePayerName = information.ultimatePayerName;
  }
  if (information.endToEndId !== undefined) transaction.endToEndId = information.endToEndId;
  const charges = findCharges(field.lines.join(''));
  if (charges !== undefined) transaction.chargesCents ??= charges;
}

/**
 * :25: names the account as an IBAN, as "BIC/account" or as a bare account number, sometimes
 * followed by its currency; an account that is not an IBAN is kept as the bank's own identifier.
 */
function readAccount(value: string): AccountReference {
  const withoutBic = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?\//.test(value)
    ? value.slice(value.indexOf('/') + 1)
    : value;
  const account = withoutBic.trim();
  const withoutCurrency = account.replace(/\s*[A-Z]{3}$/, '');
  if (looksLikeIban(account)) return { iban: compactIban(account) };
  if (looksLikeIban(withoutCurrency)) return { iban: compactIban(withoutCurrency) };
  return { otherId: account };
}

function closeStatement(reading: Reading): void {
  const draft = reading.open;
  reading.open = undefined;
  reading.movement = undefined;
  if (draft === undefined) return;

  const { statement } = draft;
  const context = { file: reading.file, line: draft.line };
  if (Object.keys(statement.account).length === 0) {
    throw new InputError('input.missingField', 'the statement names no account', {
      ...context,
      field: ':25:',
    });
  }
  if (statement.currency === '') {
    throw new InputError('input.missingField', 'the statement has no balance giving its currency', {
      ...context,
      field: ':60F:',
    });
  }
  // Banks that do not number their statements write 0 or 000 in :28C:.
  const statementId =
    draft.number !== undefined && /[1-9]/.test(draft.number) ? draft.number : draft.reference;
  if (statementId !== undefined && statementId !== '') statement.statementId = statementId;
  for (const transaction of statement.transactions) {
    if (transaction.currency === '') transaction.currency = statement.currency;
  }
  reading.statements.push(statement);
}
