import { parseDecimalToCents, type Cents } from '../money/cents.js';
import { readSlashKeywords } from './mt940-keywords.js';
import { readQuestionMarkSubfields } from './mt940-subfields.js';

/** What a :86: field adds to its :61: movement. */
export interface Information {
  /** Remittance pieces in file order, still raw; the caller joins them. */
  remittance: string[];
  payerName?: string;
  payerIban?: string;
  ultimatePayerName?: string;
  endToEndId?: string;
  references: string[];
  details: Array<{ label: string; text: string }>;
}

/** A party named in the information, before we know whether it is the payer. */
export interface Counterparty {
  name?: string;
  account?: string;
}

/**
 * Reads a :86: field of a movement. Banks fill it in one of three ways: German-style numbered
 * subfields (?20-?29 remittance, ?32 name...), Dutch-style /KEYWORD/ subfields (/EREF/, /REMI/,
 * /ORDP//NAME/...), or free text. `creditSide` tells whether an unlabelled counterparty (the
 * German ?32, the Dutch /CNTP/) is the payer: on a debit it is the beneficiary.
 */
export function readInformation(lines: string[], creditSide: boolean): Information {
  // Structured values are wrapped wherever a bank's line width falls, often mid-word, so
  // their lines are glued back with nothing between; free text follows the 65-column rule.
  const raw = lines.join('');
  if (/^\s*(\d{3})?\?\d{2}/.test(raw)) return readQuestionMarkSubfields(raw, creditSide);
  // Keywords may follow a free label ("VIR SEPA RECU /EREF/.../NAME/...").
  if (/^\s*\/[A-Z]{2,9}\//.test(raw) || knownKeyword.test(raw)) {
    return readSlashKeywords(raw.trim(), creditSide);
  }
  return {
    remittance: [joinFreeText(lines)],
    references: [],
    details: [],
  };
}

/**
 * Charges reported as "/CHGS/EUR0,5/", in the :86: or in the :61: supplementary details, in
 * cents; undefined when the bank reports none.
 */
export function findCharges(text: string): Cents | undefined {
  const match = /\/CHGS\/(?:[A-Z]{3})?(\d+(?:,\d{0,2})?)/.exec(text);
  if (match?.[1] === undefined) return undefined;
  return parseDecimalToCents(match[1].replace(/,$/, ''));
}

const knownKeyword = /\/(EREF|REMI|NAME|IBAN|ORDP|BENM|CNTP|ULTD|ULTC|PURP|MARF|CSID|BIC)\//;

// Free text is wrapped at the 65 characters of a SWIFT line (61 after the ":86:" tag): a line
// that fills them was cut where the limit fell, maybe mid-word, and goes on in the next with
// nothing between; a shorter one ended where the bank ended it.
function joinFreeText(lines: string[]): string {
  let text = '';
  for (const [position, line] of lines.entries()) {
    const previous = lines[position - 1];
    const cut = previous !== undefined && previous.length >= (position === 1 ? 61 : 65);
    text += position === 0 ? line.trimStart() : cut ? line : ` ${line.trimStart()}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}
