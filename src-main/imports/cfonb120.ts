import { InputError } from '../errors/lettra-error.js';
import { addComplement, type MovementDraft } from './cfonb120-complements.js';
import {
  field,
  readAccount,
  readAmount,
  readCurrency,
  readDate,
  readOptionalDate,
  readRecordCode,
  splitCfonbRecords,
  type CfonbRecord,
} from './cfonb120-records.js';
import type {
  Balance,
  ParsedStatement,
  ParsedStatementFile,
  ParsedTransaction,
} from './statement-types.js';
import { decodeText } from './text-decoding.js';

/** What is being built while the records are read in order. */
interface Reading {
  file: string;
  statements: ParsedStatement[];
  /** The statement between its 01 and its 07. */
  open?: ParsedStatement;
  /** The last 04 of the open statement, which the following 05 complement. */
  movement?: MovementDraft;
  movements: MovementDraft[];
}

/**
 * Reads a CFONB 120 statement file (the French banks' fixed-width format). A file may hold
 * several accounts and several days, each an 01 (old balance), 04 movements with their 05
 * complements, and an 07 (new balance). Any malformed record is an InputError naming the file,
 * the line and the field.
 */
export function parseCfonb120(bytes: Uint8Array, fileName: string): ParsedStatementFile {
  const records = splitCfonbRecords(decodeText(bytes));
  if (records.length === 0) {
    throw new InputError('file.empty', 'the file holds no CFONB 120 record', { file: fileName });
  }

  const reading: Reading = { file: fileName, statements: [], movements: [] };
  for (const record of records) readRecord(reading, record);
  closeStatement(reading);

  for (const draft of reading.movements) {
    draft.transaction.remittance = draft.pieces.join(' ').replace(/\s+/g, ' ').trim();
  }
  return { format: 'cfonb120', statements: reading.statements };
}

function readRecord(reading: Reading, record: CfonbRecord): void {
  switch (readRecordCode(record, reading.file)) {
    case '01':
      closeStatement(reading);
      reading.open = startStatement(reading, record);
      reading.open.openingBalance = readBalance(reading, record);
      break;
    case '04':
      readMovement(reading, record);
      break;
    case '05':
      if (reading.movement === undefined) {
        throw new InputError('input.malformed', 'a 05 complement must follow a 04 movement', {
          file: reading.file,
          line: record.line,
          field: 'record code',
          value: '05',
        });
      }
      addComplement(reading.movement, record);
      break;
    case '07':
      reading.open ??= startStatement(reading, record);
      reading.open.closingBalance = readBalance(reading, record);
      closeStatement(reading);
      break;
  }
}

function readMovement(reading: Reading, record: CfonbRecord): void {
  // Bank and branch codes of a movement may name the bank that handled it, so only the account
  // number tells that a movement belongs to another account than the open statement's.
  const accountNumber = field(record, 22, 32).trim();
  let statement = reading.open;
  if (statement === undefined || (statement.account.accountNumber ?? '') !== accountNumber) {
    closeStatement(reading);
    statement = startStatement(reading, record);
    reading.open = statement;
  }

  const transaction = readTransaction(reading, record, reading.movements.length + 1);
  statement.transactions.push(transaction);
  reading.movement = { transaction, pieces: [field(record, 49, 79)] };
  reading.movements.push(reading.movement);
}

function readTransaction(reading: Reading, record: CfonbRecord, index: number): ParsedTransaction {
  const { file } = reading;
  const transaction: ParsedTransaction = {
    index,
    line: record.line,
    bookingDate: readDate(record, 35, 'booking date', file),
    amountCents: readAmount(record, file),
    currency: readCurrency(record, file),
    remittance: '',
    references: [],
    reversal: false,
    details: [],
  };
  const valueDate = readOptionalDate(record, 43, 'value date', file);
  if (valueDate !== undefined) transaction.valueDate = valueDate;
  const operationCode = field(record, 33, 34).trim();
  if (operationCode !== '') transaction.operationCode = operationCode;
  const bankReference = field(record, 105, 120).trim();
  if (!/^0*$/.test(bankReference)) transaction.bankReference = bankReference;

  // Positions 41-42 hold a reject reason when the movement returns an earlier one (an unpaid
  // direct debit, a transfer sent back): it cancels that movement rather than settling anything.
  const rejectReason = field(record, 41, 42).trim();
  if (rejectReason !== '') {
    transaction.reversal = true;
    transaction.details.push({ label: 'reject reason', text: rejectReason });
  }
  return transaction;
}

function startStatement(reading: Reading, record: CfonbRecord): ParsedStatement {
  return {
    account: readAccount(record),
    currency: readCurrency(record, reading.file),
    transactions: [],
  };
}

function readBalance(reading: Reading, record: CfonbRecord): Balance {
  return {
    date: readDate(record, 35, 'balance date', reading.file),
    amountCents: readAmount(record, reading.file),
  };
}

function closeStatement(reading: Reading): void {
  if (reading.open !== undefined) reading.statements.push(reading.open);
  reading.open = undefined;
  reading.movement = undefined;
}
