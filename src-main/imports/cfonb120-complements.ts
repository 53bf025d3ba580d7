import { compactIban, looksLikeIban } from './iban-shape.js';
import { field, type CfonbRecord } from './cfonb120-records.js';
import type { ParsedTransaction } from './statement-types.js';

/** A 04 movement while its 05 complements are being read. */
export interface MovementDraft {
  transaction: ParsedTransaction;
  /** Remittance pieces, raw (untrimmed) so that a cut LCC keeps the space it may end with. */
  pieces: string[];
  /** Where the last LCC piece sits in `pieces`, for the LC2 that continues it. */
  lccPiece?: number;
}

/**
 * Adds a 05 complement (qualifier at 46-48, text at 49-118) to its movement. Every qualifier is
 * kept in `details`; the texts of the remittance qualifiers (LIB, LCC, LC2, and any unknown
 * one) join the remittance in file order, as camt's Ustrd does, while those naming a party,
 * an account, a reference or an amount fill their own field and stay out of it. The header of a 05 (bank, branch,
 * operation code) is not compared with its 04: banks are known to get it wrong, and the
 * complement still belongs to the movement it follows.
 */
export function addComplement(draft: MovementDraft, record: CfonbRecord): void {
  const qualifier = field(record, 46, 48).trim().toUpperCase();
  const raw = field(record, 49, 118);
  const text = raw.trim();
  if (qualifier === '' && text === '') return;
  draft.transaction.details.push({ label: qualifier, text });

  // LCC holds the first 70 characters of the remittance and LC2 the next 70, cut anywhere,
  // even inside a word or an invoice number: they are glued back with no separator.
  if (qualifier === 'LC2' && draft.lccPiece !== undefined) {
    draft.pieces[draft.lccPiece] += raw;
  } else if (!notRemittance.has(qualifier)) {
    draft.pieces.push(raw);
    if (qualifier === 'LCC') draft.lccPiece = draft.pieces.length - 1;
  }

  fillTypedField(draft.transaction, qualifier, record, text);
}

// Parties, their accounts and banks, references and amounts: fields of their own, not text
// the payer wrote for the payee.
const notRemittance = new Set([
  'NPY',
  'NPO',
  'NBE',
  'NBU',
  'IPY',
  'IPO',
  'IBE',
  'IBU',
  'BDB',
  'BBE',
  'CBE',
  'RCN',
  'RUM',
  'REF',
  'MMO',
  'ICS',
]);

/**
 * RCN, IPY, RUM and IBE split their text in two zones of 35: the identifier, then its kind
 * (purpose, "IDENTIFIANT CREANCIER SEPA", sequence type). Only the first zone is an identifier.
 */
function firstZone(record: CfonbRecord): string {
  return field(record, 49, 83).trim();
}

function fillTypedField(
  transaction: ParsedTransaction,
  qualifier: string,
  record: CfonbRecord,
  text: string,
): void {
  switch (qualifier) {
    case 'NPY':
      if (text !== '') transaction.payerName ??= text;
      break;
    case 'NPO':
      // The ultimate debtor, on whose behalf the payer paid.
      if (text !== '') transaction.ultimatePayerName ??= text;
      break;
    case 'IPY': {
      const identifier = firstZone(record);
      if (looksLikeIban(identifier)) transaction.payerIban ??= compactIban(identifier);
      break;
    }
    case 'RCN': {
      // The payer's own reference for the transfer, which SEPA carries as the end-to-end id.
      const reference = firstZone(record);
      if (reference === '' || reference.toUpperCase() === 'NOTPROVIDED') break;
      transaction.references.push(reference);
      transaction.endToEndId ??= reference;
      break;
    }
    case 'REF':
      if (text !== '') transaction.references.push(text);
      break;
    default:
      break;
  }
}
