import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../src-main/accounting/export-batch.js';
import { parseFec } from '../../src-main/imports/fec.js';
import { loadOpenBook } from '../../src-main/matching/open-items.js';
import { fecText, standardColumns } from '../support/fec-text.js';
import { accountingGroup } from './accounting-fixture.js';
import {
  importFec as importLedger,
  ledgerAfterImporting,
  sale,
  type FecRow,
} from './accounting-ledger.js';

let group: Awaited<ReturnType<typeof accountingGroup>>;

const salesJournal = [
  ...sale('F1', '2026-10-05', '411ACME', 'ACME INDUSTRIE', 100_000),
  ...sale('F2', '2026-10-10', '411ACME', 'ACME INDUSTRIE', 200_000),
  ...sale('F3', '2026-10-12', '411MART', 'COMMUNE DE SAINT-MARTIN', 50_000),
];

function importFec(name: string, rows: FecRow[]): void {
  importLedger(group.api, group.store.folder, name, rows);
}

function remaining(): Record<string, number> {
  return Object.fromEntries(
    loadOpenBook(group.store).items.map((item) => [item.number, item.remainingCents]),
  );
}

beforeEach(async () => {
  group = await accountingGroup([
    { company: 'C02', customer: '411BETA', customerName: 'BETA', number: 'G1', amount: '300.00' },
  ]);
  importFec('111111118FEC20261031.txt', salesJournal);
  const [full, partial] = group.arrive([{ amount: '1000.00' }, { amount: '800.00' }]) as [
    number,
    number,
  ];
  group.validate(full, [{ invoice: 'F1', amount: '1000.00', kind: 'invoice' }]);
  group.validate(partial, [{ invoice: 'F2', amount: '800.00', kind: 'partial' }]);
  group.post();
});

afterEach(async () => {
  await group.dispose();
});

describe('round trip through the accounting', () => {
  it('posts on the collective account the ledger books the customer on', async () => {
    const [id] = group.arrive([{ amount: '500.00' }]) as [number];
    group.validate(id, [{ invoice: 'F3', amount: '500.00', kind: 'invoice' }]);
    group.post();
    expect(group.entries(id)[0]?.lines[1]).toEqual(['411100', '411MART', 'F3', 0, 50_000, 'A']);
  });

  it('reads a Lettra FEC batch back with Lettra’s own FEC import', () => {
    const { text, batch } = exportBatch(group.store, { company: 'C01', format: 'fec' });
    const parsed = parseFec(new TextEncoder().encode(text), batch?.fileName ?? '');
    expect(parsed.siren).toBe('111111118');
    expect(parsed.lineCount).toBe(4);
    // The full code settles F1's line; the partial one leaves F2's payment open until the
    // package letters it with the invoice.
    expect(parsed.items).toMatchObject([
      { customerCode: '411ACME', number: 'F2', kind: 'payment', openAmountCents: -80_000 },
    ]);
    expect(parsed.highestLettering).toEqual(new Map([['411ACME', 1]]));
  });

  it('subtracts Lettra’s allocations while the ledger does not show them yet', () => {
    exportBatch(group.store, { company: 'C01', format: 'fec' });
    importFec('111111118FEC20261118.txt', salesJournal);
    expect(remaining()).toEqual({ F2: 120_000, F3: 50_000, G1: 30_000 });
    expect(
      group.store.sql.prepare('SELECT count(reflected_import_id) FROM journal_entry').pluck().get(),
    ).toBe(0);
  });

  it('counts no receipt twice once the accounting’s ledger shows the lettered lines', () => {
    const { text } = exportBatch(group.store, { company: 'C01', format: 'fec' });
    const [result] = group.api['imports.ledgers']({
      paths: [writeLedger(ledgerAfterImporting(salesJournal, text))],
    });
    expect(result).toMatchObject({ openItems: 2, closedItems: 1 });
    const open = group.store.sql
      .prepare(`SELECT number, ledger_open_cents FROM invoice WHERE company_id = 1 ORDER BY number`)
      .raw()
      .all();
    expect(open).toEqual([
      ['F1', 0],
      ['F2', 120_000],
      ['F3', 50_000],
    ]);
    expect(remaining()).toEqual({ F2: 120_000, F3: 50_000, G1: 30_000 });
    expect(
      group.store.sql.prepare('SELECT count(reflected_import_id) FROM journal_entry').pluck().get(),
    ).toBe(2);

    // The rest of F2 completes the partial lettrage the accounting already holds.
    const [rest] = group.arrive([{ amount: '1200.00' }]) as [number];
    group.validate(rest, [{ invoice: 'F2', amount: '1200.00', kind: 'invoice' }]);
    group.post();
    expect(group.entries(rest)[0]?.lines[1]).toEqual(['411000', '411ACME', 'F2', 0, 120_000, 'B']);
    expect(group.lettering('411ACME')).toEqual([
      { code: 'A', state: 'full', documents: 'F1' },
      { code: 'B', state: 'full', documents: 'F2' },
    ]);
    expect(remaining()).toEqual({ F3: 50_000, G1: 30_000 });
  });

  it('tells from a CSV of open items whether it reflects the exported entries', () => {
    const [id] = group.arrive([{ amount: '100.00' }], 'C02') as [number];
    group.validate(id, [{ company: 'C02', invoice: 'G1', amount: '100.00', kind: 'partial' }]);
    group.post();
    exportBatch(group.store, { company: 'C02', format: 'csv' });
    const csv = (open: string) => {
      const path = join(group.store.folder, `c02-${open}.csv`);
      writeFileSync(
        path,
        'company,customer,customer_name,invoice,issue_date,due_date,amount,open_amount\n' +
          `C02,411BETA,BETA,G1,2026-10-01,2026-10-31,300.00,${open}\n`,
      );
      return path;
    };
    group.api['imports.ledgers']({ paths: [csv('300.00')] });
    expect(remaining().G1).toBe(20_000);
    group.api['imports.ledgers']({ paths: [csv('200.00')] });
    expect(remaining().G1).toBe(20_000);
  });
});

function writeLedger(rows: Array<Record<string, string>>): string {
  const path = join(group.store.folder, '111111118FEC20261120.txt');
  writeFileSync(path, fecText(rows, { columns: standardColumns }));
  return path;
}
