import { InputError } from '../../src-main/errors/lettra-error.js';
import { parseCamt } from '../../src-main/imports/camt.js';
import type { ParsedStatementFile } from '../../src-main/imports/statement-types.js';

/** Hand-written camt messages for the cases the real sample files do not cover. */
export const namespaces = {
  camt053v02: 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
  camt053v08: 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08',
  camt054v02: 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.02',
};

/** One Stmt (or Ntfctn) around the given entries, on a French account. */
export function statement(entries: string, tag: 'Stmt' | 'Ntfctn' = 'Stmt'): string {
  return `    <${tag}>
      <Id>${tag}-1</Id>
      <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
${entries}
    </${tag}>`;
}

/** A whole camt.053 document (or camt.054 when the statements are Ntfctn) around statements. */
export function camtDocument(
  statements: string,
  namespace = namespaces.camt053v02,
  message: 'BkToCstmrStmt' | 'BkToCstmrDbtCdtNtfctn' = 'BkToCstmrStmt',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${namespace}">
  <${message}>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-03-01T08:00:00</CreDtTm></GrpHdr>
${statements}
  </${message}>
</Document>
`;
}

/**
 * An Ntry; `details` goes inside NtryDtls, `extra` after the bank reference and `after` after
 * NtryDtls (where AddtlNtryInf sits).
 */
export function entry(options: {
  amount?: string;
  indicator?: string;
  reversal?: boolean;
  booking?: string;
  details?: string;
  extra?: string;
  after?: string;
}): string {
  const {
    amount = '100.00',
    indicator = 'CRDT',
    booking = '<Dt>2024-03-01</Dt>',
    details = '',
    extra = '',
    after = '',
  } = options;
  return `      <Ntry>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>${indicator}</CdtDbtInd>${options.reversal ? '\n        <RvslInd>true</RvslInd>' : ''}
        <Sts>BOOK</Sts>
        <BookgDt>${booking}</BookgDt>
        <ValDt><Dt>2024-03-01</Dt></ValDt>
        <AcctSvcrRef>BANKREF-1</AcctSvcrRef>
        ${extra}
        <NtryDtls>${details}</NtryDtls>${after}
      </Ntry>`;
}

/** Parses a message given as text, the way the importer would from the file's bytes. */
export function parseText(xml: string, fileName = 'test.xml'): ParsedStatementFile {
  return parseCamt(new TextEncoder().encode(xml), fileName);
}

/** The 1-based line of the n-th occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let offset = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  return text.slice(0, offset).split('\n').length;
}

/** The InputError that `run` throws; any other outcome fails the test. */
export function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, nothing was thrown');
}
