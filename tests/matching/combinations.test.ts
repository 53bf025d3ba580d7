import { describe, expect, it } from 'vitest';
import { findExactCombinations } from '../../src-main/matching/combinations.js';
import type { OpenItem } from '../../src-main/matching/open-items.js';

function item(id: number, remainingCents: number): OpenItem {
  return {
    id,
    companyId: 1,
    companyCode: 'C01',
    customerId: 1,
    number: `F${id}`,
    kind: remainingCents < 0 ? 'creditNote' : 'invoice',
    issueDate: '2026-10-01',
    dueDate: `2026-10-${String(id).padStart(2, '0')}`,
    remainingCents,
  };
}

const numbers = (sets: OpenItem[][]) => sets.map((set) => set.map((entry) => entry.number));

describe('findExactCombinations', () => {
  it('prefers one item, then fewer items, oldest first', () => {
    const items = [item(1, 300), item(2, 700), item(3, 1000), item(4, 400), item(5, 600)];
    expect(numbers(findExactCombinations(items, 1000))).toEqual([
      ['F3'],
      ['F1', 'F2'],
      ['F4', 'F5'],
    ]);
  });

  it('takes only the oldest of items owing the same amount, so each way is given once', () => {
    const items = [item(1, 500), item(2, 500), item(3, 500), item(4, 250), item(5, 750)];
    expect(numbers(findExactCombinations(items, 1000))).toEqual([
      ['F1', 'F2'],
      ['F4', 'F5'],
    ]);
    expect(numbers(findExactCombinations(items, 500))).toEqual([['F1']]);
  });

  it('keeps identical amounts of two customers apart', () => {
    const other = { ...item(2, 500), customerId: 2 };
    expect(numbers(findExactCombinations([item(1, 500), other], 500))).toEqual([['F1'], ['F2']]);
  });

  it('nets a credit note against the invoices it reduces', () => {
    const items = [item(1, 50_000), item(2, 12_345), item(3, -2_345)];
    expect(numbers(findExactCombinations(items, 60_000))).toEqual([['F1', 'F2', 'F3']]);
  });

  it('finds four items meeting in the middle', () => {
    const items = [item(1, 101), item(2, 202), item(3, 404), item(4, 808), item(5, 1616)];
    expect(numbers(findExactCombinations(items, 101 + 202 + 808 + 1616))).toEqual([
      ['F1', 'F2', 'F4', 'F5'],
    ]);
  });
});
