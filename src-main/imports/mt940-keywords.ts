import { compactIban, looksLikeIban } from './iban-shape.js';
import type { Counterparty, Information } from './mt940-information.js';

/**
 * Keywords of the Dutch-style :86: (Rabobank, ING, ABN AMRO). Only these split the text, so a
 * slash inside a value ("F239765/F237654") stays in it.
 */
const keywords = (
  'ADDR BENM BIC BUSP CDTRREFTP CDTRREF CHGS CNTP CSID EREF EXCH IBAN ID IREF ISDT KREF MARF ' +
  'NAME OCMT ORDP PREF PURP REMI RTRN SVCL TRCD TRTP ULTB ULTC ULTD'
).split(' ');
const keywordPattern = new RegExp(`/(${keywords.join('|')})/`, 'g');

/** Keywords that open a party, and those that describe the party opened last. */
const parties = new Set(['ORDP', 'BENM', 'CNTP', 'ULTD', 'ULTC', 'ULTB']);
const partyMembers = new Set(['NAME', 'IBAN', 'BIC', 'ADDR', 'ID']);

/**
 * Reads a :86: made of /KEYWORD/value pairs, e.g. "/EREF/123/BENM//NAME/J DOE/REMI/F2301".
 * ORDP is the ordering party, hence the payer; BENM the beneficiary, never the payer; CNTP (ING)
 * and a NAME outside any party are the counterparty, the payer only on the credit side.
 */
export function readSlashKeywords(text: string, creditSide: boolean): Information {
  const information: Information = { remittance: [], references: [], details: [] };
  const named = new Map<string, Counterparty>();
  const matches = [...text.matchAll(keywordPattern)];
  const prefix = text.slice(0, matches[0]?.index ?? text.length).trim();
  if (prefix !== '') information.remittance.push(prefix);

  let party = '';
  for (const [position, match] of matches.entries()) {
    const key = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[position + 1]?.index ?? text.length;
    // ING ends each value with a slash before the next keyword ("/EREF/123//CNTP/...").
    const value = text.slice(start, end).replace(/\/+$/, '').trim();

    if (parties.has(key)) party = key;
    else if (!partyMembers.has(key)) party = '';
    const label = partyMembers.has(key) && party !== '' ? `${party}/${key}` : key;
    if (value !== '') information.details.push({ label, text: value });
    readKeyword(information, named, party === '' ? 'CNTP' : party, key, value);
  }

  const payer = named.get('ORDP') ?? (creditSide ? named.get('CNTP') : undefined);
  if (payer?.name !== undefined) information.payerName = payer.name;
  if (payer?.account !== undefined && looksLikeIban(payer.account)) {
    information.payerIban = compactIban(payer.account);
  }
  const ultimate = named.get('ULTD')?.name;
  if (ultimate !== undefined) information.ultimatePayerName = ultimate;
  return information;
}

function readKeyword(
  information: Information,
  named: Map<string, Counterparty>,
  party: string,
  key: string,
  value: string,
): void {
  const counterparty = named.get(party) ?? {};
  named.set(party, counterparty);
  switch (key) {
    case 'EREF':
      if (value !== '' && value.toUpperCase() !== 'NOTPROVIDED') information.endToEndId = value;
      break;
    case 'REMI':
      readRemittance(information, value);
      break;
    case 'CNTP': {
      // ING writes the counterparty as account/BIC/name/city in one value.
      const [account = '', , name = ''] = value.split('/').map((part) => part.trim());
      if (account !== '') counterparty.account = account;
      if (name !== '') counterparty.name = name;
      break;
    }
    case 'NAME':
      if (value !== '') counterparty.name ??= value;
      break;
    case 'IBAN':
      if (value !== '') counterparty.account ??= value;
      break;
    case 'ORDP':
    case 'BENM':
    case 'ULTD':
    case 'ULTC':
    case 'ULTB':
      // Written without its sub-fields ("/ORDP/DURAND SA/"): the value is the party's name, or
      // its account.
      if (value === '') break;
      if (looksLikeIban(value)) counterparty.account ??= value;
      else counterparty.name ??= value;
      break;
    default:
      break;
  }
}

/**
 * "/REMI/" holds free text, or at ING "USTD//text" (unstructured) and "STRD/CUR/RF18..."
 * (a structured creditor reference, which is a reference as much as text).
 */
function readRemittance(information: Information, value: string): void {
  const structured = /^STRD\/(?:CUR|ISO)?\/?(.*)$/.exec(value);
  if (structured !== null) {
    const reference = (structured[1] ?? '').replace(/\//g, ' ').trim();
    if (reference !== '') {
      information.references.push(reference);
      information.remittance.push(reference);
    }
    return;
  }
  const text = value.replace(/^USTD\/\//, '').trim();
  if (text !== '') information.remittance.push(text);
}
