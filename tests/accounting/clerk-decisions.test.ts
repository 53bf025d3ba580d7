import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../src-main/accounting/export-batch.js';
import { accountingDecisionHooks } from '../../src-main/api/accounting-methods.js';
import { applyDecisions } from '../../src-main/matching/apply-decisions.js';
import { accountingGroup, acme } from './accounting-fixture.js';

let group: Awaited<ReturnType<typeof accountingGroup>>;
let receiptId: number;

beforeEach(async () => {
  group = await accountingGroup([
    { ...acme, number: 'FA2026-000124', amount: '1200.00' },
    { ...acme, number: 'FA2026-000125', amount: '1200.00' },
  ]);
  const [receipt] = group.receive([
    { amount: '1200.00', payerName: 'ACME INDUSTRIE', text: 'FACTURE FA2026-000124' },
  ]);
  receiptId = receipt?.id as number;
});

afterEach(async () => {
  await group.dispose();
});

// The clerk says the transfer paid the other invoice.
function reallocate() {
  return applyDecisions(
    group.store,
    [
      {
        id: receiptId,
        action: 'allocate',
        allocations: [{ company: 'C01', invoice: 'FA2026-000125', amount: '1200.00' }],
      },
    ],
    'marie',
    accountingDecisionHooks(group.store, 'marie'),
  );
}

describe('the accounting follows clerks’ decisions', () => {
  it('replaces an engine posting not exported yet with the clerk’s, linked to the decision', () => {
    expect(group.entries(receiptId)[0]?.lines[1]?.[2]).toBe('FA2026-000124');
    expect(reallocate()).toMatchObject([{ applied: true, status: 'validated' }]);
    expect(group.entries(receiptId)).toEqual([
      {
        company: 'C01',
        kind: 'receipt',
        journal: 'BQ',
        lines: [
          ['512000', null, 'REF1-1', 120_000, 0, null],
          ['411000', '411ACME', 'FA2026-000125', 0, 120_000, 'B'],
        ],
      },
    ]);
    const entry = group.store.sql
      .prepare('SELECT decided_by, decision_id FROM journal_entry')
      .get() as { decided_by: string; decision_id: number };
    const logged = group.store.sql
      .prepare(`SELECT max(id) FROM decision_log WHERE actor = 'marie'`)
      .pluck()
      .get();
    expect(entry).toEqual({ decided_by: 'clerk', decision_id: logged });
  });

  it('reverses an exported engine posting and posts the clerk’s in the next batch', () => {
    exportBatch(group.store, { company: 'C01', format: 'fec' });
    reallocate();
    expect(group.entries(receiptId).map((entry) => [entry.kind, entry.lines[1]?.[2]])).toEqual([
      ['receipt', 'FA2026-000124'],
      ['reversal', 'FA2026-000124'],
      ['receipt', 'FA2026-000125'],
    ]);
    const next = exportBatch(group.store, { company: 'C01', format: 'fec' });
    expect(next.batch).toMatchObject({ number: 2, entryCount: 2 });
  });
});
