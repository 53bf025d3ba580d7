import { afterEach, describe, expect, it } from 'vitest';
import { exportBatch, rewriteBatch } from '../../src-main/accounting/export-batch.js';
import { undoAllocation } from '../../src-main/accounting/undo-allocation.js';
import { accountingGroup, acme, martin } from './accounting-fixture.js';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

async function paidGroup() {
  const group = await accountingGroup([
    { ...acme, number: 'F1', amount: '1000.00' },
    { ...acme, number: 'F2', amount: '200.00' },
  ]);
  disposers.push(group.dispose);
  const [id] = group.arrive([{ amount: '1200.00' }]) as [number];
  group.validate(id, [
    { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
    { invoice: 'F2', amount: '200.00', kind: 'invoice' },
  ]);
  group.post();
  return { ...group, id };
}

function transactionState(group: Awaited<ReturnType<typeof paidGroup>>) {
  return {
    status: group.store.sql
      .prepare('SELECT match_status FROM bank_transaction WHERE id = ?')
      .pluck()
      .get(group.id),
    allocations: group.store.sql
      .prepare('SELECT count(*) FROM allocation WHERE transaction_id = ?')
      .pluck()
      .get(group.id),
  };
}

describe('undoing an allocation', () => {
  it('before export, deletes the entry and its lettrage and leaves the receipt waiting', async () => {
    const group = await paidGroup();
    const result = undoAllocation(group.store, group.id, 'clerk');
    expect(result).toEqual({
      transactionId: group.id,
      allocationsRemoved: 2,
      entriesDeleted: [1],
      reversals: [],
      letteringCancelled: ['A'],
      letteringReopened: [],
    });
    expect(group.entries(group.id)).toEqual([]);
    expect(group.store.sql.prepare('SELECT count(*) FROM journal_line').pluck().get()).toBe(0);
    expect(group.lettering('411ACME')).toEqual([
      { code: 'A', state: 'cancelled', documents: null },
    ]);
    expect(transactionState(group)).toEqual({ status: 'pending', allocations: 0 });
    expect(exportBatch(group.store, { company: 'C01', format: 'fec' })).toEqual({
      batch: null,
      text: '',
    });
  });

  it('after export, keeps the bank line and moves the customer side to suspense in a correction', async () => {
    const group = await paidGroup();
    const first = exportBatch(group.store, { company: 'C01', format: 'fec' });
    const result = undoAllocation(group.store, group.id, 'clerk', { date: '2026-11-20' });
    expect(result).toMatchObject({
      entriesDeleted: [],
      reversals: [{ entryId: 2, reversesEntryId: 1 }],
      letteringCancelled: ['A'],
    });
    expect(group.entries(group.id)).toEqual([
      {
        company: 'C01',
        kind: 'receipt',
        journal: 'BQ',
        lines: [
          ['512000', null, 'REF101-1', 120_000, 0, null],
          ['411000', '411ACME', 'F1', 0, 100_000, 'A'],
          ['411000', '411ACME', 'F2', 0, 20_000, 'A'],
        ],
      },
      {
        company: 'C01',
        kind: 'reversal',
        journal: 'BQ',
        lines: [
          ['471000', null, 'REF101-1', 0, 120_000, null],
          ['411000', '411ACME', 'F1', 100_000, 0, null],
          ['411000', '411ACME', 'F2', 20_000, 0, null],
        ],
      },
    ]);
    expect(transactionState(group)).toEqual({ status: 'pending', allocations: 0 });
    expect(rewriteBatch(group.store, 'C01', 1).text).toBe(first.text);

    const second = exportBatch(group.store, { company: 'C01', format: 'csv' });
    expect(second.batch).toMatchObject({ number: 2, entryCount: 1, debitCents: 120_000 });
    const rows = second.text.trim().split('\r\n').slice(1);
    expect(rows).toEqual([
      '2,BQ,Banque,LBQ000002,2026-11-20,471000,Compte d’attente,,,REF101-1,Encaissement à réaffecter,0.00,1200.00,,,,,,suspense,reversal,LBQ000001,1',
      '2,BQ,Banque,LBQ000002,2026-11-20,411000,Clients,411ACME,ACME INDUSTRIE SAS,F1,Annulation Règlement F1,1000.00,0.00,,,,,A,invoice,reversal,LBQ000001,1',
      '2,BQ,Banque,LBQ000002,2026-11-20,411000,Clients,411ACME,ACME INDUSTRIE SAS,F2,Annulation Règlement F2,200.00,0.00,,,,,A,invoice,reversal,LBQ000001,1',
    ]);
  });

  it('allocates a corrected receipt again from suspense, never debiting the bank twice', async () => {
    const group = await paidGroup();
    exportBatch(group.store, { company: 'C01', format: 'fec' });
    undoAllocation(group.store, group.id, 'clerk', { date: '2099-01-02' });
    group.validate(group.id, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'F2', amount: '200.00', kind: 'invoice' },
    ]);
    group.post();
    const entries = group.entries(group.id);
    expect(entries[2]?.lines).toEqual([
      ['471000', null, 'REF101-1', 120_000, 0, null],
      ['411000', '411ACME', 'F1', 0, 100_000, 'B'],
      ['411000', '411ACME', 'F2', 0, 20_000, 'B'],
    ]);
    const bankDebits = entries
      .flatMap((entry) => entry.lines)
      .filter((line) => line[0] === '512000')
      .reduce((sum, line) => sum + line[3] - line[4], 0);
    expect(bankDebits).toBe(120_000);
    const dates = group.store.sql
      .prepare('SELECT entry_date FROM journal_entry WHERE transaction_id = ? ORDER BY id')
      .pluck()
      .all(group.id);
    expect(dates).toEqual(['2026-11-16', '2099-01-02', '2099-01-02']);
  });

  it('lets the receipt be allocated and posted again after a correction', async () => {
    const group = await paidGroup();
    exportBatch(group.store, { company: 'C01', format: 'fec' });
    undoAllocation(group.store, group.id, 'clerk', { date: '2026-11-20' });
    group.validate(group.id, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'F2', amount: '200.00', kind: 'invoice' },
    ]);
    expect(group.post()).toMatchObject({ receipts: 1, entries: 1 });
    expect(group.entries(group.id).map((entry) => entry.lines[1]?.[5])).toEqual(['A', null, 'B']);
  });

  it('puts a full lettrage back to partial when the payment that completed it is undone', async () => {
    const group = await accountingGroup([{ ...martin, number: 'F1', amount: '1000.00' }]);
    disposers.push(group.dispose);
    const [first, second] = group.arrive([{ amount: '400.00' }, { amount: '600.00' }]) as [
      number,
      number,
    ];
    group.validate(first, [{ invoice: 'F1', amount: '400.00', kind: 'partial' }]);
    group.validate(second, [{ invoice: 'F1', amount: '600.00', kind: 'invoice' }]);
    group.post();
    expect(undoAllocation(group.store, second, 'clerk').letteringReopened).toEqual(['A']);
    expect(group.entries(first)[0]?.lines[1]?.[5]).toBe('a');
    expect(group.lettering('411MART')).toEqual([{ code: 'A', state: 'partial', documents: 'F1' }]);
  });

  it('says when there is nothing to undo or no such transaction', async () => {
    const group = await paidGroup();
    undoAllocation(group.store, group.id, 'clerk');
    expect(() => undoAllocation(group.store, group.id, 'clerk')).toThrow(
      /transaction \d+ has no allocation to undo/,
    );
    expect(() => undoAllocation(group.store, 999, 'clerk')).toThrow(
      /no transaction has the id 999/,
    );
  });
});
