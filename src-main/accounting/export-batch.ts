import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { requireCompany } from '../companies/company-service.js';
import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import type { Cents } from '../money/cents.js';
import { compactDate, loadBatch } from './batch-lines.js';
import { writeCsvBatch } from './csv-batch.js';
import { writeFecBatch } from './fec-batch.js';

const log = createLogger('accounting');

export type BatchFormat = 'fec' | 'csv';

/** An export batch as recorded. */
export interface BatchSummary {
  company: string;
  number: number;
  format: BatchFormat;
  fileName: string;
  sha256: string;
  entryCount: number;
  lineCount: number;
  debitCents: Cents;
  creditCents: Cents;
  exportedAt: string;
}

/** A batch and its text; no batch and an empty text when there was nothing new to export. */
export interface BatchExport {
  batch: BatchSummary | null;
  text: string;
  /** Where the file was written, when a folder was given. */
  path?: string;
  /**
   * False when an exported batch was written again in the other format than it was recorded
   * in: the same entries, but not the file whose SHA-256 was recorded.
   */
  checked?: boolean;
}

export interface ExportOptions {
  company: string;
  format: BatchFormat;
  /** The name the file is written under; by default `<SIREN>FEC<date>-B<n>.txt` (or .csv). */
  fileName?: string;
  /**
   * The folder to write the file into. The batch is recorded only once the file is written,
   * so a folder that does not exist leaves no batch sealed for a file nobody has.
   */
  folder?: string;
  now?: Date;
}

/**
 * Exports a company's posted entries not exported yet as the next numbered batch: numbers
 * the entries (EcritureNum, continuous per journal), writes the text from the database, and
 * records the file name, SHA-256, entry count and totals. With nothing new it records
 * nothing, so exporting twice never sends an entry twice.
 */
export function exportBatch(store: Store, options: ExportOptions): BatchExport {
  const { sql } = store;
  const company = requireCompany(store, options.company);
  const now = options.now ?? new Date();
  return sql.transaction((): BatchExport => {
    const entries = sql
      .prepare(
        `SELECT id, journal_code AS journalCode, entry_date AS entryDate FROM journal_entry
         WHERE company_id = ? AND batch_id IS NULL AND status = 'posted'
         ORDER BY entry_date, journal_code, id`,
      )
      .all(company.id) as Array<{ id: number; journalCode: string; entryDate: string }>;
    if (entries.length === 0) return { batch: null, text: '' };

    const number = sql
      .prepare('SELECT coalesce(max(number), 0) + 1 FROM export_batch WHERE company_id = ?')
      .pluck()
      .get(company.id) as number;
    const lastDate = entries.reduce(
      (last, entry) => (entry.entryDate > last ? entry.entryDate : last),
      '',
    );
    const fileName =
      options.fileName ?? defaultFileName(sql, company.id, options.format, lastDate, number);
    const batchId = Number(
      sql
        .prepare(
          `INSERT INTO export_batch (company_id, number, format, file_name, sha256, entry_count,
             line_count, debit_cents, credit_cents, exported_at)
           VALUES (?, ?, ?, ?, '', 0, 0, 0, 0, ?)`,
        )
        .run(company.id, number, options.format, fileName, now.toISOString()).lastInsertRowid,
    );
    numberEntries(sql, company.id, batchId, entries);

    const text = writeBatch(sql, batchId);
    // Written inside the transaction: if the file cannot be written, nothing is recorded.
    const path = options.folder === undefined ? undefined : join(options.folder, fileName);
    if (path !== undefined) writeFileSync(path, text);
    const totals = sql
      .prepare(
        `SELECT count(DISTINCT e.id) AS entryCount, count(*) AS lineCount,
           sum(l.debit_cents) AS debitCents, sum(l.credit_cents) AS creditCents
         FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id WHERE e.batch_id = ?`,
      )
      .get(batchId) as {
      entryCount: number;
      lineCount: number;
      debitCents: number;
      creditCents: number;
    };
    // Cents beyond 2^53 would be rounded by JavaScript: refuse rather than record a wrong total.
    if (!Number.isSafeInteger(totals.debitCents) || !Number.isSafeInteger(totals.creditCents)) {
      throw new LettraError(
        'accounting.amountTooLarge',
        `batch ${number} of ${company.code}: its totals exceed what can be counted exactly`,
        { value: String(number) },
      );
    }
    sql
      .prepare(
        `UPDATE export_batch SET sha256 = ?, entry_count = ?, line_count = ?, debit_cents = ?,
           credit_cents = ? WHERE id = ?`,
      )
      .run(
        sha256(text),
        totals.entryCount,
        totals.lineCount,
        totals.debitCents,
        totals.creditCents,
        batchId,
      );
    log.info('batch exported', { company: company.code, number, entries: totals.entryCount });
    return { batch: batchSummary(sql, batchId), text, ...(path === undefined ? {} : { path }) };
  })();
}

/** Which batch to write again, and where. */
export interface RewriteOptions {
  /**
   * The layout to write; the recorded one by default. The other one gives the same entries,
   * lines and numbers, but not the file whose SHA-256 was recorded (`checked` is false).
   */
  format?: BatchFormat;
  fileName?: string;
  /** The folder to write the file into, under `fileName` or the batch's name. */
  folder?: string;
}

/**
 * Writes an exported batch again from the database, byte for byte as first written; an
 * error if its hash no longer matches, since that would mean the database was altered.
 */
export function rewriteBatch(
  store: Store,
  companyCode: string,
  number: number,
  options: RewriteOptions = {},
): BatchExport {
  const company = requireCompany(store, companyCode);
  const batchId = store.sql
    .prepare('SELECT id FROM export_batch WHERE company_id = ? AND number = ?')
    .pluck()
    .get(company.id, number) as number | undefined;
  if (batchId === undefined) {
    throw new LettraError(
      'accounting.unknownBatch',
      `company ${company.code} has no batch ${number}`,
      {
        value: String(number),
      },
    );
  }
  const batch = batchSummary(store.sql, batchId);
  const recorded = writeBatch(store.sql, batchId);
  if (sha256(recorded) !== batch.sha256) {
    throw new LettraError(
      'accounting.batchAltered',
      `batch ${number} of ${company.code} no longer gives the file recorded (SHA-256 differs)`,
      { value: String(number) },
    );
  }
  const format = options.format ?? batch.format;
  const checked = format === batch.format;
  const text = checked ? recorded : writeBatch(store.sql, batchId, format);
  const fileName =
    options.fileName ??
    (checked ? batch.fileName : otherFormatName(store.sql, batchId, format, number));
  const path = options.folder === undefined ? undefined : join(options.folder, fileName);
  if (path !== undefined) writeFileSync(path, text);
  return {
    batch: checked ? batch : { ...batch, format, fileName },
    text,
    checked,
    ...(path === undefined ? {} : { path }),
  };
}

function otherFormatName(sql: Database, batchId: number, format: BatchFormat, number: number) {
  const row = sql
    .prepare(
      'SELECT company_id AS companyId, max(entry_date) AS lastDate FROM journal_entry WHERE batch_id = ?',
    )
    .get(batchId) as { companyId: number; lastDate: string };
  return defaultFileName(sql, row.companyId, format, row.lastDate, number);
}

/** The batches exported, by company and number; all companies' when `companyCode` is absent. */
export function listBatches(store: Store, companyCode?: string): BatchSummary[] {
  const companyId = companyCode === undefined ? null : requireCompany(store, companyCode).id;
  const ids = store.sql
    .prepare(
      `SELECT b.id FROM export_batch b JOIN company c ON c.id = b.company_id
       WHERE ? IS NULL OR b.company_id = ? ORDER BY c.code, b.number`,
    )
    .pluck()
    .all(companyId, companyId) as number[];
  return ids.map((id) => batchSummary(store.sql, id));
}

// EcritureNum continues per company and journal, in date order, with no gap between batches:
// an entry gets its number only when it leaves, so entries undone before export leave none.
function numberEntries(
  sql: Database,
  companyId: number,
  batchId: number,
  entries: Array<{ id: number; journalCode: string }>,
): void {
  const last = sql
    .prepare(
      `SELECT coalesce(max(entry_sequence), 0) FROM journal_entry
       WHERE company_id = ? AND journal_code = ?`,
    )
    .pluck();
  const assign = sql.prepare(
    'UPDATE journal_entry SET batch_id = ?, entry_sequence = ?, entry_number = ? WHERE id = ?',
  );
  const sequences = new Map<string, number>();
  for (const entry of entries) {
    const previous =
      sequences.get(entry.journalCode) ?? (last.get(companyId, entry.journalCode) as number);
    const sequence = previous + 1;
    sequences.set(entry.journalCode, sequence);
    assign.run(
      batchId,
      sequence,
      `L${entry.journalCode}${String(sequence).padStart(6, '0')}`,
      entry.id,
    );
  }
}

function writeBatch(sql: Database, batchId: number, format?: BatchFormat): string {
  const batch = loadBatch(sql, batchId);
  return (format ?? batch.format) === 'fec' ? writeFecBatch(batch) : writeCsvBatch(batch);
}

function defaultFileName(
  sql: Database,
  companyId: number,
  format: BatchFormat,
  lastDate: string,
  number: number,
): string {
  const company = sql.prepare('SELECT code, siren FROM company WHERE id = ?').get(companyId) as {
    code: string;
    siren: string | null;
  };
  const owner = company.siren ?? company.code;
  const date = compactDate(lastDate);
  return format === 'fec'
    ? `${owner}FEC${date}-B${number}.txt`
    : `${owner}LETTRA${date}-B${number}.csv`;
}

function batchSummary(sql: Database, batchId: number): BatchSummary {
  return sql
    .prepare(
      `SELECT c.code AS company, b.number, b.format, b.file_name AS fileName, b.sha256,
         b.entry_count AS entryCount, b.line_count AS lineCount, b.debit_cents AS debitCents,
         b.credit_cents AS creditCents, b.exported_at AS exportedAt
       FROM export_batch b JOIN company c ON c.id = b.company_id WHERE b.id = ?`,
    )
    .get(batchId) as BatchSummary;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
