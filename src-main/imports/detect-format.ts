import { basename } from 'node:path';
import { LettraError } from '../errors/lettra-error.js';
import { decodeText } from './text-decoding.js';
import type { LedgerFormat } from './ledger-types.js';
import type { StatementFormat } from './statement-types.js';

export type FileFormat = StatementFormat | LedgerFormat;

/**
 * Tells the format of a statement or ledger from its first bytes, never from its name:
 * clerks rename files, and banks send `.txt` for everything.
 */
export function detectFormat(bytes: Uint8Array, filePath: string): FileFormat {
  // Latin-1 keeps one character per byte, which is all the sniffing below needs; UTF-16
  // (Excel's "Unicode text") is decoded as such first.
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = utf16
    ? decodeText(bytes.subarray(0, 16384))
    : new TextDecoder('latin1').decode(bytes.subarray(0, 8192)).replace(/^\uFEFF|^ï»¿/, '');
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) {
    if (/BkToCstmrDbtCdtNtfctn|camt\.054/.test(head)) return 'camt.054';
    if (/BkToCstmrStmt|camt\.053|camt\.052/.test(head)) return 'camt.053';
  }
  if (/(^|\n|\r|\}):20:/.test(head) && /(^|\n|\r):(25|60[FM]|61):/.test(head)) return 'mt940';
  const firstLine = trimmed.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (/^"?journalcode"?\s*[\t|;]/i.test(firstLine)) return 'fec';
  // The open-items CSV by its columns; its parser then names any column missing.
  if (
    /(^|[,;\t"])\s*invoice\s*"?\s*([,;\t]|$)/i.test(firstLine) &&
    /open_amount|customer/i.test(firstLine)
  ) {
    return 'csv';
  }
  if (looksLikeCfonb120(trimmed)) return 'cfonb120';
  throw new LettraError(
    'file.unknownFormat',
    'not a statement or ledger Lettra can read (CFONB 120, camt.053/054, MT940, FEC or the ' +
      'open-items CSV)',
    { file: basename(filePath) },
  );
}

function looksLikeCfonb120(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  const first = lines[0] ?? '';
  // A file without line breaks is one long line of 120-character records.
  const records = first.length > 120 ? (first.match(/.{1,120}/g) ?? []) : lines.slice(0, 20);
  return (
    records.length > 0 &&
    // Some banks leave the bank and branch of 05 records blank.
    records.every(
      (record) => /^(01|04|05|07)[\d ]{5}/.test(record) && record.trimEnd().length <= 120,
    )
  );
}
