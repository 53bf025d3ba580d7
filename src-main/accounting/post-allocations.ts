import type { Store } from '../db/store.js';
import { createLogger } from '../log/logger.js';
import type { AllocationKind } from '../matching/allocation-kinds.js';
import { JournalWriter } from './journal-writer.js';
import { Letterer } from './lettering.js';
import { localDate } from './undo-allocation.js';
import {
  planEntries,
  type AllocationToPost,
  type CompanyRef,
  type ReceiptToPost,
} from './posting-lines.js';
import { loadPostingSettings, type PostingSettings } from './posting-settings.js';

const log = createLogger('accounting');

/** Why a validated receipt was not posted; it waits for a clerk. */
export type HoldReason = 'allocationsDoNotAddUp' | 'writeOffAboveThreshold';

export interface PostingSummary {
  /** Receipts posted by this call. */
  receipts: number;
  /** Entries written: one per receipt, plus one per other company of the group it paid. */
  entries: number;
  held: Array<{ transactionId: number; reason: HoldReason }>;
}

export interface PostingOptions {
  /** The decision behind each transaction's allocation, when the caller logged one. */
  decisionIds?: ReadonlyMap<number, number>;
}

/**
 * Posts every receipt whose allocation is validated (automatically or by a clerk) and that
 * has no live entry yet, with its lettrage, in one transaction. Calling it again posts only
 * what is new. An automatic allocation writing off more than the company's threshold is held
 * for a clerk; a clerk's is posted as decided.
 */
export function postValidatedAllocations(
  store: Store,
  options: PostingOptions = {},
): PostingSummary {
  const { sql } = store;
  const receipts = loadReceiptsToPost(store);
  const settings = new Map<number, PostingSettings>();
  const settingsOf = (companyId: number): PostingSettings => {
    let found = settings.get(companyId);
    if (found === undefined) {
      found = loadPostingSettings(store, companyId);
      settings.set(companyId, found);
    }
    return found;
  };
  const writer = new JournalWriter(sql);
  const letterer = new Letterer(sql);
  const summary: PostingSummary = { receipts: 0, entries: 0, held: [] };

  sql.transaction(() => {
    for (const { receipt, status } of receipts) {
      const reason = holdReason(receipt, status, settingsOf);
      if (reason !== undefined) {
        summary.held.push({ transactionId: receipt.transactionId, reason });
        continue;
      }
      const byClerk = receipt.allocations.some((allocation) => allocation.decidedBy !== 'engine');
      const decidedBy = byClerk ? 'clerk' : 'engine';
      const decidedAt = receipt.allocations
        .map((allocation) => allocation.decidedAt)
        .reduce((latest, at) => (at > latest ? at : latest), '');
      for (const planned of planEntries(receipt, settingsOf)) {
        const entryId = writer.post(
          {
            companyId: planned.companyId,
            transactionId: receipt.transactionId,
            kind: planned.kind,
            journalCode: planned.journalCode,
            journalLabel: planned.journalLabel,
            entryDate: receipt.entryDate,
            label: planned.label,
            decidedBy,
            decidedAt,
            ...optional(
              'decisionId',
              options.decisionIds?.get(receipt.transactionId) ?? receipt.decisionId,
            ),
          },
          planned.lines,
        );
        letterer.letterEntry(entryId, receipt.entryDate);
        summary.entries += 1;
      }
      summary.receipts += 1;
    }
  })();
  if (summary.receipts > 0 || summary.held.length > 0) {
    log.info('allocations posted', {
      receipts: summary.receipts,
      entries: summary.entries,
      held: summary.held.length,
    });
  }
  return summary;
}

function holdReason(
  receipt: ReceiptToPost,
  status: string,
  settingsOf: (companyId: number) => PostingSettings,
): HoldReason | undefined {
  const total = receipt.allocations.reduce((sum, allocation) => sum + allocation.amountCents, 0);
  if (total !== receipt.amountCents) return 'allocationsDoNotAddUp';
  if (status !== 'auto') return undefined;
  const bigWriteOff = receipt.allocations.some(
    (allocation) =>
      allocation.kind === 'writeOff' &&
      Math.abs(allocation.amountCents) > settingsOf(allocation.company.id).writeOffMaxCents,
  );
  return bigWriteOff ? 'writeOffAboveThreshold' : undefined;
}

interface ReceiptRow {
  id: number;
  status: string;
  companyId: number;
  companyCode: string;
  companyName: string;
  bookingDate: string;
  amountCents: number;
  payerName: string | null;
  bankReference: string | null;
  decisionId: number | null;
  correctedOn: string | null;
}

interface AllocationRow {
  id: number;
  transactionId: number;
  kind: AllocationKind;
  amountCents: number;
  decidedBy: string;
  decidedAt: string;
  companyId: number;
  companyCode: string;
  companyName: string;
  invoiceId: number | null;
  invoiceNumber: string | null;
  customerId: number | null;
  customerCode: string | null;
  customerName: string | null;
  customerAccount: string | null;
}

/** Validated receipts without a live entry (none, or only ones a reversal undid), oldest first. */
function loadReceiptsToPost(store: Store): Array<{
  receipt: ReceiptToPost & { decisionId?: number; entryDate: string };
  status: string;
}> {
  const { sql } = store;
  // The decision log comes with the learning migration: the latest decision on a receipt is
  // the one its allocation stems from.
  const logged = sql
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decision_log'`)
    .get();
  const decision = logged
    ? '(SELECT max(d.id) FROM decision_log d WHERE d.transaction_id = t.id)'
    : 'NULL';
  const rows = sql
    .prepare(
      `SELECT t.id, t.match_status AS status, c.id AS companyId, c.code AS companyCode,
         c.name AS companyName, t.booking_date AS bookingDate, t.amount_cents AS amountCents,
         t.payer_name AS payerName, t.bank_reference AS bankReference,
         ${decision} AS decisionId,
         (SELECT max(r.entry_date) FROM journal_entry r JOIN journal_entry o
            ON o.id = r.reverses_entry_id
          WHERE r.transaction_id = t.id AND o.kind = 'receipt' AND o.batch_id IS NOT NULL)
           AS correctedOn
       FROM bank_transaction t JOIN company c ON c.id = t.company_id
       WHERE t.match_status IN ('auto', 'validated') AND t.amount_cents > 0
         AND EXISTS (SELECT 1 FROM allocation a WHERE a.transaction_id = t.id)
         AND NOT EXISTS (SELECT 1 FROM journal_entry e
           WHERE e.transaction_id = t.id AND e.kind <> 'reversal'
             AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_entry_id = e.id))
       ORDER BY t.booking_date, t.id`,
    )
    .all() as ReceiptRow[];
  const allocations = sql.prepare(
    `SELECT a.id, a.transaction_id AS transactionId, a.kind, a.amount_cents AS amountCents,
       a.decided_by AS decidedBy, a.created_at AS decidedAt, co.id AS companyId,
       co.code AS companyCode, co.name AS companyName, i.id AS invoiceId,
       i.number AS invoiceNumber, cu.id AS customerId, cu.code AS customerCode,
       cu.name AS customerName, cu.account AS customerAccount
     FROM allocation a
     JOIN company co ON co.id = a.company_id
     LEFT JOIN invoice i ON i.id = a.invoice_id
     LEFT JOIN customer cu ON cu.id = coalesce(a.customer_id, i.customer_id)
     WHERE a.transaction_id = ? ORDER BY a.id`,
  );
  return rows.map((row) => ({
    status: row.status,
    receipt: {
      transactionId: row.id,
      company: { id: row.companyId, code: row.companyCode, name: row.companyName },
      bookingDate: row.bookingDate,
      // A receipt whose exported entry was corrected is allocated again from the suspense
      // account, on the day of the new allocation: never before the correction.
      entryDate:
        row.correctedOn === null ? row.bookingDate : later(localDate(new Date()), row.correctedOn),
      ...(row.correctedOn === null ? {} : { parked: true }),
      amountCents: row.amountCents,
      payerName: row.payerName,
      pieceRef: row.bankReference?.trim() || `T${row.id}`,
      allocations: (allocations.all(row.id) as AllocationRow[]).map(toAllocation),
      ...optional('decisionId', row.decisionId ?? undefined),
    },
  }));
}

function toAllocation(row: AllocationRow): AllocationToPost {
  const company: CompanyRef = { id: row.companyId, code: row.companyCode, name: row.companyName };
  const allocation: AllocationToPost = {
    id: row.id,
    kind: row.kind,
    amountCents: row.amountCents,
    company,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  };
  if (row.invoiceId !== null) {
    allocation.invoice = { id: row.invoiceId, number: row.invoiceNumber ?? '' };
  }
  if (row.customerId !== null) {
    allocation.customer = {
      id: row.customerId,
      code: row.customerCode ?? '',
      name: row.customerName ?? '',
      account: row.customerAccount,
    };
  }
  return allocation;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}
