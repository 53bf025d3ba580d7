import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LettraApi } from '../../src-main/api/contract.js';
import type { LedgerImportResult } from '../../src-main/imports/import-ledgers.js';
import { fecText, standardColumns } from '../support/fec-text.js';

/** A FEC line as tests write it: column name to text. */
export type FecRow = Record<string, string>;

/** The accounting's sales journal for one invoice: customer debit, sales and VAT credits. */
export function sale(
  number: string,
  date: string,
  customer: string,
  name: string,
  cents: number,
): FecRow[] {
  const common = { JournalCode: 'VT', JournalLib: 'Ventes', EcritureNum: `VT-${number}` };
  const day = date.replaceAll('-', '');
  const net = Math.round(cents / 1.2);
  return [
    {
      ...common,
      EcritureDate: day,
      PieceDate: day,
      PieceRef: number,
      CompteNum: customer === '411MART' ? '411100' : '411000',
      CompAuxNum: customer,
      CompAuxLib: name,
      EcritureLib: `Facture ${number}`,
      Debit: fecAmount(cents),
    },
    { ...common, EcritureDate: day, PieceRef: number, CompteNum: '706000', Credit: fecAmount(net) },
    {
      ...common,
      EcritureDate: day,
      PieceRef: number,
      CompteNum: '445710',
      Credit: fecAmount(cents - net),
    },
  ];
}

/** Cents as a FEC amount: `1234,50`. */
export function fecAmount(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',');
}

/**
 * What the accounting package does with a Lettra batch: it books the lines under its own
 * entry numbers and applies each code to the lines of the same auxiliary account and piece
 * among `journal`, as the README asks. Returns the package's new ledger.
 */
export function ledgerAfterImporting(journal: FecRow[], batchText: string): FecRow[] {
  const [header, ...rows] = batchText.replace(/\r\n$/, '').split('\r\n');
  const columns = (header ?? '').split('\t');
  const batchRows = rows.map((row, index) => {
    const record = Object.fromEntries(row.split('\t').map((value, i) => [columns[i], value]));
    return { ...record, EcritureNum: `BQ${String(900 + index)}` } as FecRow;
  });
  const codes = new Map(
    batchRows
      .filter((row) => row.EcritureLet !== '')
      .map((row) => [`${row.CompAuxNum}|${row.PieceRef}`, row]),
  );
  const lettered = journal.map((row) => {
    const code = codes.get(`${row.CompAuxNum}|${row.PieceRef}`);
    return code === undefined || row.CompAuxNum === undefined
      ? row
      : { ...row, EcritureLet: code.EcritureLet ?? '', DateLet: code.DateLet ?? '' };
  });
  return [...lettered, ...batchRows];
}

/** Writes `rows` as a FEC named `name` in `folder` and imports it as a ledger. */
export function importFec(
  api: LettraApi,
  folder: string,
  name: string,
  rows: FecRow[],
): LedgerImportResult {
  const path = join(folder, name);
  writeFileSync(path, fecText(rows, { columns: standardColumns }));
  return api['imports.ledgers']({ paths: [path] })[0] as LedgerImportResult;
}
