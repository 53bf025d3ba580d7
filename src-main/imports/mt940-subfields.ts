import { compactIban, looksLikeIban } from './iban-shape.js';
import type { Information } from './mt940-information.js';

/**
 * The German banking standard (also used in Luxembourg) writes ?20-?29 and ?32-?33 at most 27
 * characters long, cutting text wherever the limit falls. A piece of exactly that length was cut
 * and the next one continues it with no space; a shorter one ended where its writer ended it.
 */
const cutWidth = 27;

/** SEPA keywords that German banks put inside the remittance subfields. */
const sepaKeywordPattern = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT)\+/g;

/**
 * Reads a :86: made of ?NN subfields, after an optional three-digit business code:
 * "020?00VIREMENT?20INVOICE 12?32DUPONT SA?38FR76...". ?20-?29 and ?60-?65 are the remittance,
 * ?30 the counterparty's bank, ?31 its account, ?32-?33 its name, ?38 its IBAN; the
 * counterparty is the payer only on the credit side.
 */
export function readQuestionMarkSubfields(text: string, creditSide: boolean): Information {
  const information: Information = { remittance: [], references: [], details: [] };
  const [prefix = '', ...parts] = text.split(/\?(\d{2})/);
  if (prefix.trim() !== '') information.details.push({ label: 'GVC', text: prefix.trim() });

  const remittance: string[] = [];
  const name: string[] = [];
  const accounts: string[] = [];
  for (let at = 0; at + 1 < parts.length; at += 2) {
    const code = Number(parts[at]);
    const value = parts[at + 1] ?? '';
    const label = `?${parts[at]}`;
    if (value.trim() !== '') information.details.push({ label, text: value.trim() });
    if ((code >= 20 && code <= 29) || (code >= 60 && code <= 65)) remittance.push(value);
    if (code === 32 || code === 33) name.push(value);
    if (code === 31 || code === 38) accounts.push(value.trim());
  }

  const remittanceText = joinCutPieces(remittance);
  if (remittanceText !== '') readSepaKeywords(information, remittanceText);
  const payerName = joinCutPieces(name);
  if (creditSide && payerName !== '') information.payerName = payerName;
  // ?38 (the IBAN) comes after ?31 (a domestic account number) but is the better of the two.
  const iban = accounts.reverse().find((account) => looksLikeIban(account));
  if (creditSide && iban !== undefined) information.payerIban = compactIban(iban);
  return information;
}

function joinCutPieces(pieces: string[]): string {
  let joined = '';
  let previous: string | undefined;
  for (const piece of pieces) {
    joined += previous === undefined || previous.length === cutWidth ? piece : ` ${piece}`;
    previous = piece;
  }
  return joined.trim();
}

/**
 * "EREF+123 SVWZ+RE 2024-001 ABWA+DUPONT": the SVWZ value is the remittance proper, EREF the
 * end-to-end id and ABWA the ultimate debtor. Text without those keywords is the remittance.
 */
function readSepaKeywords(information: Information, text: string): void {
  const matches = [...text.matchAll(sepaKeywordPattern)];
  if (matches[0]?.index !== 0) {
    information.remittance.push(text);
    return;
  }
  for (const [position, match] of matches.entries()) {
    const start = (match.index ?? 0) + match[0].length;
    const value = text.slice(start, matches[position + 1]?.index ?? text.length).trim();
    if (value === '') continue;
    if (match[1] === 'SVWZ') information.remittance.push(value);
    if (match[1] === 'EREF' && value.toUpperCase() !== 'NOTPROVIDED') {
      information.endToEndId = value;
    }
    if (match[1] === 'ABWA') information.ultimatePayerName = value;
  }
}
