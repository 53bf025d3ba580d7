import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBatch } from '../../src-main/accounting/export-batch.js';
import {
  letteringCode,
  letteringIndex,
  writtenCode,
} from '../../src-main/accounting/lettering-codes.js';
import { undoAllocation } from '../../src-main/accounting/undo-allocation.js';
import { fecText } from '../support/fec-text.js';
import { accountingGroup, acme, martin } from './accounting-fixture.js';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

async function group(...args: Parameters<typeof accountingGroup>) {
  const created = await accountingGroup(...args);
  disposers.push(created.dispose);
  return created;
}

describe('lettrage codes', () => {
  it('run A to Z, then AA to ZZ, then AAA, and read back whatever their case', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letteringCode)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    for (const index of [0, 25, 26, 701, 702, 18_277]) {
      expect(letteringIndex(letteringCode(index))).toBe(index);
    }
    expect(letteringIndex('ab')).toBe(27);
    expect(letteringIndex('ab*')).toBe(27);
    expect(letteringIndex('12')).toBeUndefined();
    expect(writtenCode('AB', 'partial')).toBe('ab');
    expect(writtenCode('AB', 'full')).toBe('AB');
  });

  it('follow each other per customer account: Z is followed by AA, another customer starts at A', async () => {
    const invoices = Array.from({ length: 27 }, (_, index) => ({
      ...acme,
      number: `F${String(index + 1).padStart(2, '0')}`,
      amount: `${100 + index}.00`,
    }));
    const { arrive, validate, post, lettering } = await group([
      ...invoices,
      { ...martin, number: 'M1', amount: '50.00' },
    ]);
    const ids = arrive([
      ...invoices.map((invoice) => ({ amount: invoice.amount })),
      { amount: '50.00' },
    ]);
    invoices.forEach((invoice, index) =>
      validate(ids[index] as number, [
        { invoice: invoice.number, amount: invoice.amount, kind: 'invoice' },
      ]),
    );
    validate(ids[27] as number, [{ invoice: 'M1', amount: '50.00', kind: 'invoice' }]);
    post();
    const codes = lettering('411ACME').map((group) => group.code);
    expect(codes.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(codes.slice(-2)).toEqual(['Z', 'AA']);
    expect(lettering('411MART')).toEqual([{ code: 'A', state: 'full', documents: 'M1' }]);
  });

  it('never hands a code out again once an allocation was undone', async () => {
    const { store, arrive, validate, post, entries, lettering } = await group([
      { ...acme, number: 'F1', amount: '100.00' },
    ]);
    const [first] = arrive([{ amount: '100.00' }]) as [number];
    validate(first, [{ invoice: 'F1', amount: '100.00', kind: 'invoice' }]);
    post();
    expect(undoAllocation(store, first, 'clerk').letteringCancelled).toEqual(['A']);
    validate(first, [{ invoice: 'F1', amount: '100.00', kind: 'invoice' }]);
    post();
    expect(entries(first)[0]?.lines[1]?.[5]).toBe('B');
    expect(lettering('411ACME')).toEqual([
      { code: 'A', state: 'cancelled', documents: null },
      { code: 'B', state: 'full', documents: 'F1' },
    ]);
  });

  it('letters a partial payment in lowercase, then in full when the rest arrives', async () => {
    const { arrive, validate, post, entries, lettering } = await group([
      { ...martin, number: 'F1', amount: '1000.00' },
    ]);
    const [first, second] = arrive([{ amount: '400.00' }, { amount: '600.00' }]) as [
      number,
      number,
    ];
    validate(first, [{ invoice: 'F1', amount: '400.00', kind: 'partial' }]);
    post();
    expect(entries(first)[0]?.lines[1]).toEqual(['411000', '411MART', 'F1', 0, 40_000, 'a']);
    validate(second, [{ invoice: 'F1', amount: '600.00', kind: 'invoice' }]);
    post();
    // Neither line was exported yet: both now carry the full code.
    expect(entries(first)[0]?.lines[1]?.[5]).toBe('A');
    expect(entries(second)[0]?.lines[1]).toEqual(['411000', '411MART', 'F1', 0, 60_000, 'A']);
    expect(lettering('411MART')).toEqual([{ code: 'A', state: 'full', documents: 'F1' }]);
  });

  it('keeps the partial code a line was exported with, and letters the rest in full', async () => {
    const { store, arrive, validate, post, entries } = await group([
      { ...martin, number: 'F1', amount: '1000.00' },
    ]);
    const [first, second] = arrive([{ amount: '400.00' }, { amount: '600.00' }]) as [
      number,
      number,
    ];
    validate(first, [{ invoice: 'F1', amount: '400.00', kind: 'partial' }]);
    post();
    exportBatch(store, { company: 'C01', format: 'fec' });
    validate(second, [{ invoice: 'F1', amount: '600.00', kind: 'invoice' }]);
    post();
    expect(entries(first)[0]?.lines[1]?.[5]).toBe('a');
    expect(entries(second)[0]?.lines[1]?.[5]).toBe('A');
  });

  it('letters a credit note netted in a partial payment with the invoice it reduces', async () => {
    const { arrive, validate, post, entries, lettering } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
      { ...acme, number: 'AV1', amount: '-200.00' },
    ]);
    const [id] = arrive([{ amount: '300.00' }]) as [number];
    validate(id, [
      { invoice: 'AV1', amount: '-200.00', kind: 'creditNote' },
      { invoice: 'F1', amount: '500.00', kind: 'partial' },
    ]);
    post();
    expect(entries(id)[0]?.lines).toEqual([
      ['512000', null, 'REF101-1', 30_000, 0, null],
      ['411000', '411ACME', 'AV1', 20_000, 0, 'a'],
      ['411000', '411ACME', 'F1', 0, 50_000, 'a'],
    ]);
    expect(lettering('411ACME')).toEqual([{ code: 'A', state: 'partial', documents: 'AV1 F1' }]);
  });

  it('starts above the codes the accounting already used for the customer', async () => {
    const { store, api, arrive, validate, post, entries } = await group([]);
    const ledger = join(store.folder, '111111118FEC20261031.txt');
    writeFileSync(
      ledger,
      fecText([
        { CompAuxNum: '411ACME', CompAuxLib: 'ACME', PieceRef: 'F0', Debit: '50,00' },
        { CompAuxNum: '411ACME', CompAuxLib: 'ACME', PieceRef: 'F0', EcritureLet: 'AC' },
        { CompAuxNum: '411ACME', CompAuxLib: 'ACME', PieceRef: 'F1', Debit: '80,00' },
      ]),
    );
    api['imports.ledgers']({ paths: [ledger] });
    const [id] = arrive([{ amount: '80.00' }]) as [number];
    validate(id, [{ invoice: 'F1', amount: '80.00', kind: 'invoice' }]);
    post();
    expect(entries(id)[0]?.lines[1]).toEqual(['411000', '411ACME', 'F1', 0, 8_000, 'AD']);
  });
});
