import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fecText } from '../support/fec-text.js';
import { accountingGroup, acme } from './accounting-fixture.js';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

// One sales-journal invoice per month from 2025-11 to 2026-10, 3 650,00 EUR each, and a credit
// note in October: 12 months of 3 650,00 less 365,00 = 43 435,00 over the 365 days of the window.
function yearOfSales(): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  for (let month = 0; month < 12; month += 1) {
    const year = 2025 + Math.floor((10 + month) / 12);
    const day = `${year}${String(((10 + month) % 12) + 1).padStart(2, '0')}15`;
    rows.push({
      EcritureDate: day,
      PieceDate: day,
      CompAuxNum: '411ACME',
      CompAuxLib: 'ACME',
      PieceRef: `F${month}`,
      Debit: '3650,00',
      EcritureLet: month < 11 ? 'AA' : '',
    });
  }
  rows.push({
    EcritureDate: '20261020',
    CompAuxNum: '411ACME',
    CompAuxLib: 'ACME',
    PieceRef: 'AV1',
    Credit: '365,00',
  });
  return rows;
}

describe('status', () => {
  it('gives unallocated cash in days of the last 12 months of revenue, rates and entries to export', async () => {
    const group = await accountingGroup([]);
    disposers.push(group.dispose);
    const ledger = join(group.store.folder, '111111118FEC20261031.txt');
    writeFileSync(ledger, fecText(yearOfSales()));
    group.api['imports.ledgers']({ paths: [ledger] });
    const [auto, validated, waiting, proposedLater] = group.arrive([
      { amount: '3650.00' },
      { amount: '500.00' },
      { amount: '476.00' },
      { amount: '119.00' },
    ]) as [number, number, number, number];
    group.validate(auto, [{ invoice: 'F11', amount: '3650.00', kind: 'invoice' }], 'engine');
    group.validate(validated, [{ customer: '411ACME', amount: '500.00', kind: 'onAccount' }]);
    group.store.sql
      .prepare(`UPDATE bank_transaction SET match_status = 'proposed' WHERE id = ?`)
      .run(proposedLater);
    group.post();
    expect(waiting).toBeGreaterThan(0);

    const [c01, c02] = group.api['accounting.status']({});
    expect(c01).toEqual({
      company: 'C01',
      name: 'Alpha Nettoyage',
      receipts: {
        total: 4,
        auto: 1,
        validated: 1,
        proposed: 1,
        unmatched: 0,
        pending: 1,
        rejected: 0,
      },
      automationRate: 0.25,
      proposalRate: 0.25,
      // 595,00 EUR unallocated at 43 435,00 / 365 = 119,00 EUR a day: exactly 5 days.
      unallocated: { count: 2, amountCents: 59_500, daysOfRevenue: 5 },
      revenue: {
        amountCents: 4_343_500,
        firstMonth: '2025-11',
        lastMonth: '2026-10',
        source: 'fec',
      },
      notPosted: 0,
      setAside: 0,
      entriesToExport: { count: 2, debitCents: 415_000 },
      batches: 0,
    });
    expect(c02).toMatchObject({
      company: 'C02',
      unallocated: { count: 0, amountCents: 0, daysOfRevenue: null },
      revenue: { source: 'none' },
    });
  });

  it('counts the open items of a CSV ledger as a lower bound of the revenue', async () => {
    const group = await accountingGroup([
      { ...acme, number: 'F1', amount: '1000.00', issueDate: '2026-09-10' },
      { ...acme, number: 'F2', amount: '860.00', issueDate: '2026-10-02' },
    ]);
    disposers.push(group.dispose);
    group.arrive([{ amount: '124.00' }]);
    const [c01] = group.api['accounting.status']({});
    // 1 860,00 EUR over September and October (61 days): 30,49 EUR a day.
    expect(c01?.revenue).toEqual({
      amountCents: 186_000,
      firstMonth: '2026-09',
      lastMonth: '2026-10',
      source: 'csv',
    });
    expect(c01?.unallocated).toEqual({ count: 1, amountCents: 12_400, daysOfRevenue: 4.1 });
  });
});
