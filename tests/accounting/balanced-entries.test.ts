import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../src-main/accounting/export-batch.js';
import { accountingGroup, acme } from './accounting-fixture.js';

let group: Awaited<ReturnType<typeof accountingGroup>>;
let transactionId: number;

beforeEach(async () => {
  group = await accountingGroup([{ ...acme, number: 'F1', amount: '100.00' }]);
  [transactionId] = group.arrive([{ amount: '100.00' }]) as [number];
});

afterEach(async () => {
  await group.dispose();
});

function draftEntry(): number {
  const { lastInsertRowid } = group.store.sql
    .prepare(
      `INSERT INTO journal_entry (company_id, transaction_id, kind, journal_code, journal_label,
         entry_date, label, decided_by, decided_at)
       VALUES (1, ?, 'receipt', 'BQ', 'Banque', '2026-11-16', 'test', 'clerk', '2026-11-16')`,
    )
    .run(transactionId);
  return Number(lastInsertRowid);
}

function addLine(entryId: number, position: number, debit: number, credit: number): void {
  group.store.sql
    .prepare(
      `INSERT INTO journal_line (entry_id, position, role, account, account_label, piece_ref,
         label, debit_cents, credit_cents) VALUES (?, ?, 'bank', '512000', 'Banques', 'P', 'x', ?, ?)`,
    )
    .run(entryId, position, debit, credit);
}

const post = (entryId: number) =>
  group.store.sql.prepare(`UPDATE journal_entry SET status = 'posted' WHERE id = ?`).run(entryId);

describe('the database keeps every entry balanced', () => {
  it('refuses to post an entry whose debits differ from its credits by a cent', () => {
    const entryId = draftEntry();
    addLine(entryId, 1, 10_000, 0);
    addLine(entryId, 2, 0, 9_999);
    expect(() => post(entryId)).toThrow(/unbalanced, its debits differ from its credits/);
    addLine(entryId, 3, 0, 1);
    post(entryId);
  });

  it('refuses an entry inserted as posted, a line added to a posted entry, a line on both sides', () => {
    expect(() =>
      group.store.sql
        .prepare(
          `INSERT INTO journal_entry (company_id, transaction_id, kind, journal_code,
             journal_label, entry_date, label, decided_by, decided_at, status)
           VALUES (1, ?, 'receipt', 'BQ', 'Banque', '2026-11-16', 'x', 'clerk', 'now', 'posted')`,
        )
        .run(transactionId),
    ).toThrow(/insert it as a draft/);
    const entryId = draftEntry();
    expect(() => addLine(entryId, 1, 100, 100)).toThrow(/CHECK constraint failed/);
    expect(() => post(entryId)).toThrow(/at least two lines/);
    addLine(entryId, 1, 100, 0);
    addLine(entryId, 2, 0, 100);
    post(entryId);
    expect(() => addLine(entryId, 3, 0, 0)).toThrow(/its entry is already posted/);
    expect(() =>
      group.store.sql
        .prepare('UPDATE journal_line SET debit_cents = 200 WHERE entry_id = ?')
        .run(entryId),
    ).toThrow(/its entry is posted/);
  });

  it('freezes an exported entry: no change, no deletion, no going back to draft', () => {
    group.validate(transactionId, [{ invoice: 'F1', amount: '100.00', kind: 'invoice' }]);
    group.post();
    exportBatch(group.store, { company: 'C01', format: 'fec' });
    const { sql } = group.store;
    const entryId = sql.prepare('SELECT id FROM journal_entry').pluck().get() as number;
    for (const statement of [
      `UPDATE journal_entry SET status = 'draft' WHERE id = ?`,
      `UPDATE journal_entry SET entry_date = '2026-12-01' WHERE id = ?`,
      'DELETE FROM journal_entry WHERE id = ?',
    ]) {
      expect(() => sql.prepare(statement).run(entryId)).toThrow(/exported, only a reversing entry/);
    }
    expect(() =>
      sql.prepare(`UPDATE journal_line SET lettering_code = 'Z' WHERE entry_id = ?`).run(entryId),
    ).toThrow(/exported, only a reversing entry/);
    expect(() => sql.prepare(`UPDATE export_batch SET file_name = 'other.txt'`).run()).toThrow(
      /sealed once written/,
    );
  });
});
