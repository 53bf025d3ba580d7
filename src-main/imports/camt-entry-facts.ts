import type { Cents } from '../money/cents.js';
import type { Detail } from './camt-parties.js';
import {
  isTrue,
  missing,
  readAmount,
  readDate,
  readRequiredAmount,
  readRequiredSign,
  readSign,
  type Money,
  type Where,
} from './camt-values.js';
import { nodesAt, textAt, textsAt, type XmlNode } from './camt-xml.js';

/** What an Ntry says for all the transactions it holds. */
export interface EntryFacts {
  where: Where & { line: number };
  /** The entry's unsigned amount; a batch entry's total. */
  amount: Money;
  sign: 1 | -1;
  reversal: boolean;
  bookingDate: string;
  valueDate?: string;
  bankReference?: string;
  operationCode?: string;
  charges?: Cents;
  /** Identification of the entry: NtryRef, status, batch, proprietary bank code. */
  details: Detail[];
  /** AddtlNtryInf: some banks write the only readable text of a transfer there. */
  texts: Detail[];
}

/**
 * Reads the mandatory amount, indicator and date of an Ntry and what else it says about all
 * its transactions. A missing or unreadable one is an InputError pointing at the entry's line.
 */
export function readEntryFacts(entry: XmlNode, where: Where & { line: number }): EntryFacts {
  const amount = readRequiredAmount(entry, 'Amt', where, 'Ntry/Amt');
  const sign = readRequiredSign(entry, where, 'Ntry/CdtDbtInd');
  const valueDate = readDate(entry, 'ValDt', where, 'Ntry/ValDt');
  // A pending entry (camt.054 mostly) may have no booking date yet; its value date is the
  // closest day the bank gives.
  const bookingDate = readDate(entry, 'BookgDt', where, 'Ntry/BookgDt') ?? valueDate;
  if (bookingDate === undefined) throw missing(where, 'Ntry/BookgDt');

  const operation = readOperationCode(entry);
  return {
    where,
    amount,
    sign,
    reversal: isTrue(textAt(entry, 'RvslInd')),
    bookingDate,
    valueDate,
    bankReference: textAt(entry, 'AcctSvcrRef'),
    operationCode: operation.code,
    charges: readCharges(entry, where, 'Ntry'),
    details: [...readEntryIdentification(entry), ...operation.details],
    texts: textsAt(entry, 'AddtlNtryInf').map((text) => ({ label: 'AddtlNtryInf', text })),
  };
}

function readEntryIdentification(entry: XmlNode): Detail[] {
  const details: Detail[] = [];
  const entryReference = textAt(entry, 'NtryRef');
  if (entryReference !== undefined) details.push({ label: 'NtryRef', text: entryReference });

  // v02 writes the status as text, v08 as Sts/Cd; only an unusual one is worth the clerk's eye.
  const status = textAt(entry, 'Sts') ?? textAt(entry, 'Sts/Cd') ?? textAt(entry, 'Sts/Prtry');
  if (status !== undefined && status !== 'BOOK') details.push({ label: 'Sts', text: status });

  for (const name of ['MsgId', 'PmtInfId', 'NbOfTxs']) {
    for (const text of textsAt(entry, `NtryDtls/Btch/${name}`)) {
      details.push({ label: `Btch/${name}`, text });
    }
  }
  return details;
}

/**
 * The bank transaction code of an Ntry or TxDtls: the ISO domain, family and sub-family
 * joined with slashes, or the proprietary code when there is no ISO one. A proprietary code
 * given besides the ISO one (French banks put the CFONB operation code there) is kept as a
 * detail.
 */
export function readOperationCode(node: XmlNode): { code?: string; details: Detail[] } {
  const iso = [
    textAt(node, 'BkTxCd/Domn/Cd'),
    textAt(node, 'BkTxCd/Domn/Fmly/Cd'),
    textAt(node, 'BkTxCd/Domn/Fmly/SubFmlyCd'),
  ].filter((part) => part !== undefined);
  const proprietary = textAt(node, 'BkTxCd/Prtry/Cd');

  if (iso.length === 0) return { code: proprietary, details: [] };
  const details = proprietary === undefined ? [] : [{ label: 'BkTxCd/Prtry', text: proprietary }];
  return { code: iso.join('/'), details };
}

/**
 * The charges reported on an Ntry or TxDtls, positive when the bank took money: the total when
 * given, else the sum of the records (v04+ `Chrgs/Rcrd`, v02 repeated `Chrgs`), a record
 * marked CRDT being a refund.
 */
export function readCharges(node: XmlNode, where: Where, prefix: string): Cents | undefined {
  const total = readAmount(
    node,
    'Chrgs/TtlChrgsAndTaxAmt',
    where,
    `${prefix}/Chrgs/TtlChrgsAndTaxAmt`,
  );
  if (total !== undefined) return total.cents;

  const records = [
    ...nodesAt(node, 'Chrgs/Rcrd').map((record) => ({ record, field: `${prefix}/Chrgs/Rcrd` })),
    ...nodesAt(node, 'Chrgs').map((record) => ({ record, field: `${prefix}/Chrgs` })),
  ];
  let sum: Cents | undefined;
  for (const { record, field } of records) {
    const amount = readAmount(record, 'Amt', where, `${field}/Amt`);
    if (amount === undefined) continue;
    const sign = readSign(record, where, `${field}/CdtDbtInd`) === 1 ? -1 : 1;
    sum = (sum ?? 0) + sign * amount.cents;
  }
  return sum;
}
