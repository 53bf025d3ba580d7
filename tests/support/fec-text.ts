import { fecBatchColumns } from '../../src-main/accounting/fec-batch.js';

/** Builds FEC files for parser tests: any columns, separator and line ends. */

/** The 18 columns of the FEC, in their legal order. */
export const standardColumns: readonly string[] = fecBatchColumns;

const defaults: Record<string, string> = {
  JournalCode: 'VT',
  JournalLib: 'Journal des ventes',
  EcritureNum: 'VT1',
  EcritureDate: '20250115',
  CompteNum: '411000',
  CompteLib: 'Clients',
  PieceDate: '20250115',
  Debit: '0,00',
  Credit: '0,00',
  ValidDate: '20250120',
};

export interface FecShape {
  columns?: readonly string[];
  /** How the header spells each column. */
  headerName?: (column: string) => string;
  separator?: string;
  lineEnd?: string;
}

/** A FEC text: a header of `columns` and one line per row, unnamed columns taking defaults. */
export function fecText(rows: Record<string, string>[], shape: FecShape = {}): string {
  const { columns = standardColumns, separator = '\t', lineEnd = '\r\n' } = shape;
  const header = columns.map(shape.headerName ?? ((column) => column)).join(separator);
  const lines = rows.map((row) =>
    columns.map((column) => row[column] ?? defaults[column] ?? '').join(separator),
  );
  return [header, ...lines].join(lineEnd) + lineEnd;
}

/** The UTF-8 bytes of `fecText`. */
export function fec(rows: Record<string, string>[], shape: FecShape = {}): Uint8Array {
  return new TextEncoder().encode(fecText(rows, shape));
}

/** An open invoice of a public customer, on the default sales journal. */
export const invoice = {
  CompAuxNum: 'C0001',
  CompAuxLib: 'Commune de Saint-Agrève',
  PieceRef: 'FA2025-001',
  EcritureLib: 'Facture FA2025-001',
  Debit: '1200,00',
};
