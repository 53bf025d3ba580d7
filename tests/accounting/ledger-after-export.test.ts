import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../src-main/accounting/export-batch.js';
import { undoAllocation } from '../../src-main/accounting/undo-allocation.js';
import { loadOpenBook } from '../../src-main/matching/open-items.js';
import { accountingGroup, acme } from './accounting-fixture.js';
import {
  fecAmount,
  importFec,
  ledgerAfterImporting,
  sale,
  type FecRow,
} from './accounting-ledger.js';

let group: Awaited<ReturnType<typeof accountingGroup>>;

const salesJournal: FecRow[] = [
  ...sale('FA-0101', '2026-10-05', acme.customer, acme.customerName, 120_000),
  ...sale('FA-0110', '2026-10-12', acme.customer, acme.customerName, 42_000),
];

// A payment the accountant booked and lettered by hand with `code` on the invoice's lines.
function handPayment(invoice: string, cents: number, code: string, bank = '512000'): FecRow[] {
  const common = {
    JournalCode: 'BQ',
    JournalLib: 'Banque',
    EcritureNum: `BQ-${invoice}`,
    EcritureDate: '20261118',
    PieceRef: invoice,
  };
  return [
    { ...common, CompteNum: bank, Debit: fecAmount(cents) },
    {
      ...common,
      CompteNum: '411000',
      CompAuxNum: acme.customer,
      CompAuxLib: acme.customerName,
      Credit: fecAmount(cents),
      EcritureLet: code,
      DateLet: '20261118',
    },
  ];
}

function letteredByHand(invoice: string, code: string): FecRow[] {
  return salesJournal.map((row) =>
    row.PieceRef === invoice && row.CompAuxNum !== undefined
      ? { ...row, EcritureLet: code, DateLet: '20261118' }
      : row,
  );
}

function remaining(): Record<string, number> {
  return Object.fromEntries(
    loadOpenBook(group.store).items.map((item) => [item.number, item.remainingCents]),
  );
}

beforeEach(async () => {
  group = await accountingGroup([]);
  importFec(group.api, group.store.folder, '111111118FEC20261031.txt', salesJournal);
});

afterEach(async () => {
  await group.dispose();
});

describe('a receipt moved after the round trip', () => {
  it('takes the moved amount off the new invoice until a ledger reflects the new entry', () => {
    const [t1] = group.arrive([{ amount: '1200.00' }]) as [number];
    group.validate(t1, [{ invoice: 'FA-0101', amount: '1200.00', kind: 'invoice' }]);
    group.post();
    const { text } = exportBatch(group.store, { company: 'C01', format: 'fec' });
    importFec(
      group.api,
      group.store.folder,
      '111111118FEC20261120.txt',
      ledgerAfterImporting(salesJournal, text),
    );
    expect(remaining()).toEqual({ 'FA-0110': 42_000 });

    undoAllocation(group.store, t1, 'clerk', { date: '2026-11-21' });
    group.validate(t1, [
      { invoice: 'FA-0110', amount: '420.00', kind: 'invoice' },
      { customer: acme.customer, amount: '780.00', kind: 'onAccount' },
    ]);
    group.post();
    expect(remaining()).toEqual({});
  });
});

describe('a ledger import after Lettra posted', () => {
  it('sets aside a receipt whose invoice the accounting settled by hand before the export', () => {
    const [t1] = group.arrive([{ amount: '1200.00' }]) as [number];
    group.validate(t1, [{ invoice: 'FA-0101', amount: '1200.00', kind: 'invoice' }]);
    group.post();
    const result = importFec(group.api, group.store.folder, '111111118FEC20261118.txt', [
      ...letteredByHand('FA-0101', 'A'),
      ...handPayment('FA-0101', 120_000, 'A'),
    ]);
    expect(result.setAside).toBe(1);
    expect(group.entries(t1)).toEqual([]);
    expect(
      group.store.sql
        .prepare('SELECT match_status, explanation FROM bank_transaction WHERE id = ?')
        .get(t1),
    ).toEqual({
      match_status: 'unmatched',
      explanation: expect.stringMatching(/^settled in the accounting meanwhile/) as string,
    });
    expect(exportBatch(group.store, { company: 'C01', format: 'fec' }).batch).toBeNull();
    expect(group.api['accounting.status']({})[0]?.setAside).toBe(1);
    // The engine leaves it to the clerk, however sure it would be.
    group.api['matching.run']({});
    expect(group.entries(t1)).toEqual([]);
    expect(group.api['allocations.export']({}).find((row) => row.id === t1)?.status).toBe(
      'unmatched',
    );
  });

  it('renumbers an unexported code the accounting used meanwhile above the package’s codes', () => {
    const [t1] = group.arrive([{ amount: '1200.00' }]) as [number];
    group.validate(t1, [{ invoice: 'FA-0101', amount: '1200.00', kind: 'invoice' }]);
    group.post();
    expect(group.entries(t1)[0]?.lines[1]?.[5]).toBe('A');
    const result = importFec(group.api, group.store.folder, '111111118FEC20261118.txt', [
      ...letteredByHand('FA-0110', 'A'),
      ...handPayment('FA-0110', 42_000, 'A'),
    ]);
    expect(result).toMatchObject({ renumbered: 1, setAside: 0 });
    expect(group.entries(t1)[0]?.lines[1]?.[5]).toBe('B');
    expect(group.lettering(acme.customer)).toEqual([
      { code: 'B', state: 'full', documents: 'FA-0101' },
    ]);
  });

  it('takes the bank account of the ledger’s bank journal when the company kept the default', () => {
    importFec(group.api, group.store.folder, '111111118FEC20261118.txt', [
      ...salesJournal,
      ...handPayment('FA-0110', 42_000, 'A', '512100'),
    ]);
    expect(group.api['accounting.settings']({ company: 'C01' }).bankAccount).toBe('512100');
  });

  it('warns about each entry of the ledger whose debits and credits differ', () => {
    const unbalanced = handPayment('FA-0110', 42_000, 'A').map((row) =>
      row.CompteNum === '512000' ? { ...row, Debit: '400,00' } : row,
    );
    const result = importFec(group.api, group.store.folder, '111111118FEC20261118.txt', [
      ...salesJournal,
      ...unbalanced,
    ]);
    expect(result.warnings).toEqual([
      'entry BQ BQ-FA-0110 does not balance: its debits differ from its credits',
    ]);
  });
});

describe('ledgers refused', () => {
  it('refuses a ledger older than the last one imported, naming the file and both dates', () => {
    importFec(group.api, group.store.folder, '111111118FEC20261118.txt', [
      ...letteredByHand('FA-0110', 'A'),
      ...handPayment('FA-0110', 42_000, 'A'),
    ]);
    expect(() =>
      importFec(group.api, group.store.folder, '111111118FEC20261031-old.txt', salesJournal),
    ).toThrow(
      /111111118FEC20261031-old\.txt.*stands at 2026-10-12, before 2026-11-18 of 111111118FEC20261118\.txt/,
    );
    expect(remaining()).toEqual({ 'FA-0101': 120_000 });
  });

  it('refuses Lettra’s own export batch offered as a ledger, even re-saved', () => {
    const [t1] = group.arrive([{ amount: '1200.00' }]) as [number];
    group.validate(t1, [{ invoice: 'FA-0101', amount: '1200.00', kind: 'invoice' }]);
    group.post();
    const { text } = exportBatch(group.store, { company: 'C01', format: 'fec' });
    const path = join(group.store.folder, '111111118FEC20261116-B1.txt');
    writeFileSync(path, text);
    expect(() => group.api['imports.ledgers']({ paths: [path] })).toThrow(
      /batch Lettra exported \(batch 1 of C01\), not a ledger/,
    );
    writeFileSync(path, text.replaceAll('\r\n', '\n'));
    expect(() => group.api['imports.ledgers']({ paths: [path] })).toThrow(
      /batch Lettra exported, not a ledger/,
    );
    expect(remaining()).toEqual({ 'FA-0110': 42_000 });
  });
});
