import { afterEach, describe, expect, it } from 'vitest';
import { accountingGroup, martin } from './accounting-fixture.js';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

// The commune is booked on 411100 in the ledger, not on the default 411000.
async function communeGroup() {
  const group = await accountingGroup([{ ...martin, number: 'M1', amount: '1000.00' }]);
  disposers.push(group.dispose);
  group.store.sql
    .prepare(`UPDATE customer SET account = '411100' WHERE code = ?`)
    .run(martin.customer);
  return group;
}

describe('the customer’s own collective account', () => {
  it('keeps a price revision on the customer’s collective account, unlettered', async () => {
    const group = await communeGroup();
    const [id] = group.arrive([{ amount: '1030.00' }]) as [number];
    group.validate(id, [
      { invoice: 'M1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'M1', amount: '30.00', kind: 'priceRevision' },
    ]);
    group.post();
    expect(group.entries(id)[0]?.lines.slice(1)).toEqual([
      ['411100', martin.customer, 'M1', 0, 100_000, 'A'],
      ['411100', martin.customer, 'REF101-1', 0, 3_000, null],
    ]);
  });

  it('books what the engine puts on account as an overpayment on the customer’s account, a clerk’s advance on 4191', async () => {
    const group = await communeGroup();
    const [engine, clerk] = group.arrive([{ amount: '1050.00' }, { amount: '200.00' }]) as [
      number,
      number,
    ];
    group.validate(
      engine,
      [
        { invoice: 'M1', amount: '1000.00', kind: 'invoice' },
        { customer: martin.customer, amount: '50.00', kind: 'onAccount' },
      ],
      'engine',
    );
    group.validate(clerk, [{ customer: martin.customer, amount: '200.00', kind: 'onAccount' }]);
    group.post();
    expect(group.entries(engine)[0]?.lines[2]).toEqual([
      '411100',
      martin.customer,
      'REF101-1',
      0,
      5_000,
      null,
    ]);
    expect(group.entries(clerk)[0]?.lines[1]).toEqual([
      '419100',
      martin.customer,
      'REF101-2',
      0,
      20_000,
      null,
    ]);
  });
});
