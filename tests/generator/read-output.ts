import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './types.js';

/**
 * Minimal readers of the generated files, for the generator's own tests. They read the files
 * as written, so a writer bug shows even when the in-memory group is right. They are not the
 * product's parsers and know only what the generator writes.
 */

/** UTF-8 when the bytes are valid UTF-8, Latin-1 otherwise (FEC files come in both). */
export function readText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** "1234,56" or "-1234.56" to cents; the generator always writes two decimals. */
export function decimalToCents(text: string): number {
  const negative = text.startsWith('-');
  const digits = text.replace(/[-.,]/g, '');
  return (negative ? -1 : 1) * Number(digits);
}

/** One open item or settled document of a ledger file. */
export interface LedgerDocument {
  customer: string;
  amountCents: number;
  openCents: number;
}

/** The documents of a FEC, by number: the sales line gives the customer, unlettered lines the open amount. */
export function readFecDocuments(text: string): Map<string, LedgerDocument> {
  const documents = new Map<string, LedgerDocument>();
  const rows = text.split(/\r?\n/).slice(1).filter(Boolean);
  for (const row of rows) {
    const cells = row.split('\t');
    const [journal, , , , account, , auxiliary, , piece, , , debit, credit, lettering] = cells;
    if (!account?.startsWith('411') || piece === undefined) continue;
    const signed = decimalToCents(debit ?? '0') - decimalToCents(credit ?? '0');
    const document = documents.get(piece) ?? { customer: '', amountCents: 0, openCents: 0 };
    if (journal === 'VT') {
      document.customer = auxiliary ?? '';
      document.amountCents = signed;
    }
    if (!lettering) document.openCents += signed;
    documents.set(piece, document);
  }
  return documents;
}

/** Entry numbers whose debits and credits differ, with the difference. */
export function unbalancedFecEntries(text: string): string[] {
  const totals = new Map<string, number>();
  for (const row of text.split(/\r?\n/).slice(1).filter(Boolean)) {
    const cells = row.split('\t');
    const key = `${cells[0]}/${cells[2]}`;
    const signed = decimalToCents(cells[11] ?? '0') - decimalToCents(cells[12] ?? '0');
    totals.set(key, (totals.get(key) ?? 0) + signed);
  }
  return [...totals].filter(([, total]) => total !== 0).map(([key, total]) => `${key}: ${total}`);
}

/** Splits one CSV line, honouring quoted fields. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const character = line[i];
    if (quoted && character === '"' && line[i + 1] === '"') {
      current += '"';
      i += 1;
    } else if (character === '"') quoted = !quoted;
    else if (character === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else current += character;
  }
  cells.push(current);
  return cells;
}

/** The open items of a CSV export, by number. */
export function readCsvDocuments(text: string): Map<string, LedgerDocument> {
  const documents = new Map<string, LedgerDocument>();
  for (const line of text.split(/\r?\n/).slice(1).filter(Boolean)) {
    const [, customer, , invoice, , , amount, open] = csvCells(line);
    documents.set(invoice ?? '', {
      customer: customer ?? '',
      amountCents: decimalToCents(amount ?? '0'),
      openCents: decimalToCents(open ?? '0'),
    });
  }
  return documents;
}

/** The documents of every company's ledger, keyed by company code then number. */
export function readLedgers(
  folder: string,
  manifest: Manifest,
): Map<string, Map<string, LedgerDocument>> {
  const ledgers = new Map<string, Map<string, LedgerDocument>>();
  for (const ledger of manifest.ledgers) {
    const text = readText(join(folder, ledger.file));
    ledgers.set(
      ledger.company,
      ledger.format === 'fec' ? readFecDocuments(text) : readCsvDocuments(text),
    );
  }
  return ledgers;
}

/** CFONB amount field (positions 91-104) to signed cents. */
export function cfonbCents(field: string): number {
  const last = field.charCodeAt(13);
  const positive = field[13] === '{' || (last >= 65 && last <= 73);
  const digit = field[13] === '{' || field[13] === '}' ? 0 : positive ? last - 64 : last - 73;
  const cents = Number(`${field.slice(0, 13)}${digit}`);
  return positive ? cents : -cents;
}

/** Signed amounts of the transactions of a statement file, in file order. */
export function readStatementAmounts(text: string, format: string): number[] {
  if (format === 'cfonb120') {
    return text
      .split(/\r?\n/)
      .filter((line) => line.startsWith('04'))
      .map((line) => cfonbCents(line.slice(90, 104)));
  }
  if (format === 'mt940') {
    return [...text.matchAll(/^:61:\d{10}([CD])([\d,]+)/gm)].map(
      ([, mark, amount]) => (mark === 'D' ? -1 : 1) * decimalToCents(amount ?? '0'),
    );
  }
  const amounts: number[] = [];
  for (const entry of text.split('<Ntry>').slice(1)) {
    const entryAmount = decimalToCents(/<Amt Ccy="EUR">([\d.]+)<\/Amt>/.exec(entry)?.[1] ?? '0');
    const sign = entry.includes('<CdtDbtInd>DBIT</CdtDbtInd>') ? -1 : 1;
    for (const details of entry.split('<TxDtls>').slice(1)) {
      const own = /<Amt Ccy="EUR">([\d.]+)<\/Amt>/.exec(details.split('</TxDtls>')[0] ?? '')?.[1];
      amounts.push(sign * (own === undefined ? entryAmount : decimalToCents(own)));
    }
  }
  return amounts;
}
