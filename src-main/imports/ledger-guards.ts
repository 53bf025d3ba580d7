import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import type { LedgerOpenItem, ParsedLedger } from './ledger-types.js';

/**
 * Refuses a batch Lettra exported itself, offered as a ledger: it holds Lettra's entries
 * only, not the accounting's open items, so importing it would close every open invoice.
 * It is recognised by its SHA-256 (recorded with each batch) or, for a copy re-saved by a
 * tool, by its lines being all numbered as Lettra numbers them (`LBQ000001`).
 */
export function refuseOwnBatch(
  store: Store,
  file: string,
  sha256: string,
  ledger?: ParsedLedger,
): void {
  const batch = store.sql
    .prepare(
      `SELECT c.code, b.number FROM export_batch b JOIN company c ON c.id = b.company_id
       WHERE b.sha256 = ?`,
    )
    .get(sha256) as { code: string; number: number } | undefined;
  const named = batch === undefined ? '' : ` (batch ${batch.number} of ${batch.code})`;
  if (batch !== undefined || ledger?.lettraNumbersOnly === true) {
    throw new LettraError(
      'ledger.ownBatch',
      `this is a batch Lettra exported${named}, not a ledger: the accounting imports the ` +
        'batch, then Lettra imports the ledger the accounting exports next',
      { file },
    );
  }
}

/**
 * The date a company's part of a ledger stands at: a FEC's (see `ParsedLedger.ledgerDate`);
 * for a CSV of open items, the latest issue date of the company's items, a lower bound since
 * only what is still open is listed; undefined when unknown.
 */
export function ledgerDateOf(
  ledger: ParsedLedger,
  items: readonly LedgerOpenItem[],
): string | undefined {
  if (ledger.format === 'fec') return ledger.ledgerDate;
  const latest = items.reduce((last, item) => (item.issueDate > last ? item.issueDate : last), '');
  return latest === '' ? undefined : latest;
}

/**
 * Refuses a ledger older than the last one imported for the company: its open items would
 * reopen what the newer one showed paid. A ledger whose date is unknown passes.
 */
export function refuseOlderLedger(
  store: Store,
  companyId: number,
  file: string,
  date: string | undefined,
): void {
  if (date === undefined) return;
  const last = store.sql
    .prepare(
      `SELECT ledger_date AS date, file_name AS file FROM import_file
       WHERE kind = 'ledger' AND company_id = ? AND ledger_date IS NOT NULL
       ORDER BY ledger_date DESC, id DESC LIMIT 1`,
    )
    .get(companyId) as { date: string; file: string } | undefined;
  if (last === undefined || date >= last.date) return;
  throw new LettraError(
    'ledger.older',
    `this ledger stands at ${date}, before ${last.date} of ${last.file} imported already: ` +
      'importing it would reopen what the newer one showed paid',
    { file, value: date },
  );
}

/** One warning per entry of a FEC whose debits and credits differ. */
export function unbalancedWarnings(ledger: ParsedLedger): string[] {
  return (ledger.unbalancedEntries ?? []).map(
    (entry) => `entry ${entry} does not balance: its debits differ from its credits`,
  );
}
