import type { Detail } from './camt-parties.js';
import { nodesAt, textAt, textsAt, type XmlNode } from './camt-xml.js';

/** What a TxDtls says about what it pays: labelled texts, and the references among them. */
export interface Remittance {
  /** Every remittance text in file order; all of it goes into the searchable remittance. */
  texts: Detail[];
  /** Creditor references and referred document numbers, exactly as written (leading zeros kept). */
  references: string[];
}

// Identifiers the bank and the payer's bank give a transaction. The end-to-end id has its own
// field; these go to the details for the clerk and for support.
const referenceLabels = [
  'MsgId',
  'AcctSvcrRef',
  'PmtInfId',
  'InstrId',
  'TxId',
  'UETR',
  'MndtId',
  'ChqNb',
  'Prtry/Ref',
];

/**
 * Reads the unstructured lines, the structured references and the additional information of a
 * TxDtls. Structured references are repeated in the texts because some clerk searches and the
 * reference finder read only the text.
 */
export function readRemittance(transaction: XmlNode): Remittance {
  const texts: Detail[] = textsAt(transaction, 'RmtInf/Ustrd').map((text) => ({
    label: 'Ustrd',
    text,
  }));
  const references: string[] = [];

  for (const structured of nodesAt(transaction, 'RmtInf/Strd')) {
    for (const number of textsAt(structured, 'RfrdDocInf/Nb')) {
      texts.push({ label: 'Strd/RfrdDocInf/Nb', text: number });
      references.push(number);
    }
    for (const reference of textsAt(structured, 'CdtrRefInf/Ref')) {
      texts.push({ label: 'Strd/CdtrRefInf/Ref', text: reference });
      references.push(reference);
    }
    for (const text of textsAt(structured, 'AddtlRmtInf')) {
      texts.push({ label: 'Strd/AddtlRmtInf', text });
    }
  }

  for (const text of textsAt(transaction, 'AddtlTxInf')) {
    texts.push({ label: 'AddtlTxInf', text });
  }
  return { texts, references };
}

/**
 * The end-to-end id the payer gave, unless it is the NOTPROVIDED placeholder that SEPA puts
 * there when the payer gave none.
 */
export function readEndToEndId(transaction: XmlNode): string | undefined {
  const id = textAt(transaction, 'Refs/EndToEndId');
  return id === undefined || id.trim().toUpperCase() === 'NOTPROVIDED' ? undefined : id;
}

/** The bank's identifiers of a TxDtls and, for a returned payment, the reason it came back. */
export function readTransactionDetails(transaction: XmlNode): Detail[] {
  const details = referenceLabels.flatMap((label) =>
    textsAt(transaction, `Refs/${label}`).map((text) => ({ label: `Refs/${label}`, text })),
  );

  const returnReason =
    textAt(transaction, 'RtrInf/Rsn/Cd') ?? textAt(transaction, 'RtrInf/Rsn/Prtry');
  if (returnReason !== undefined) details.push({ label: 'RtrInf/Rsn', text: returnReason });
  for (const text of textsAt(transaction, 'RtrInf/AddtlInf')) {
    details.push({ label: 'RtrInf/AddtlInf', text });
  }
  return details;
}

/**
 * Joins remittance texts into one line: single spaces, and a text repeated word for word
 * (several TxDtls merged, AddtlTxInf copying Ustrd) kept once.
 */
export function joinRemittance(texts: Detail[]): string {
  const pieces = texts.map((detail) => detail.text.replace(/\s+/g, ' ').trim());
  return [...new Set(pieces.filter((piece) => piece !== ''))].join(' ');
}
