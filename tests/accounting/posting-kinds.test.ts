import { afterEach, describe, expect, it } from 'vitest';
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

describe('posting a validated allocation', () => {
  it('posts an automatic allocation when matching runs: bank debit, customer credit, lettered', async () => {
    const { receive, store, entries } = await group([
      { ...acme, number: 'FA2026-000124', amount: '1200.00' },
    ]);
    const [receipt] = receive([
      { amount: '1200.00', payerName: 'ACME INDUSTRIE', text: 'FACTURE FA2026-000124' },
    ]);
    expect(receipt?.status).toBe('auto');
    expect(entries(receipt?.id as number)).toEqual([
      {
        company: 'C01',
        kind: 'receipt',
        journal: 'BQ',
        lines: [
          ['512000', null, 'REF1-1', 120_000, 0, null],
          ['411000', '411ACME', 'FA2026-000124', 0, 120_000, 'A'],
        ],
      },
    ]);
    const entry = store.sql
      .prepare('SELECT decided_by, entry_date, status FROM journal_entry')
      .get() as Record<string, string>;
    expect(entry).toEqual({ decided_by: 'engine', entry_date: '2026-11-16', status: 'posted' });
  });

  it('credits each invoice and debits a netted credit note, all lettered with one code', async () => {
    const { arrive, validate, post, entries, lettering } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
      { ...acme, number: 'F2', amount: '250.50' },
      { ...acme, number: 'AV1', amount: '-100.00' },
    ]);
    const [id] = arrive([{ amount: '1150.50' }]);
    validate(id as number, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'F2', amount: '250.50', kind: 'invoice' },
      { invoice: 'AV1', amount: '-100.00', kind: 'creditNote' },
    ]);
    expect(post()).toEqual({ receipts: 1, entries: 1, held: [] });
    expect(entries(id as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-1', 115_050, 0, null],
      ['411000', '411ACME', 'F1', 0, 100_000, 'A'],
      ['411000', '411ACME', 'F2', 0, 25_050, 'A'],
      ['411000', '411ACME', 'AV1', 10_000, 0, 'A'],
    ]);
    expect(lettering('411ACME')).toEqual([{ code: 'A', state: 'full', documents: 'AV1 F1 F2' }]);
  });

  it('keeps a price revision on the customer account, unlettered, under the receipt piece', async () => {
    const { arrive, validate, post, entries } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
    ]);
    const [id] = arrive([{ amount: '1030.00' }]);
    validate(id as number, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'F1', amount: '30.00', kind: 'priceRevision' },
    ]);
    post();
    expect(entries(id as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-1', 103_000, 0, null],
      ['411000', '411ACME', 'F1', 0, 100_000, 'A'],
      ['411000', '411ACME', 'REF101-1', 0, 3_000, null],
    ]);
  });

  it('debits bank fees deducted by the payer bank and credits the invoice in full', async () => {
    const { arrive, validate, post, entries } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
    ]);
    const [id] = arrive([{ amount: '985.00' }]);
    validate(id as number, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'F1', amount: '-15.00', kind: 'bankFee' },
    ]);
    post();
    expect(entries(id as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-1', 98_500, 0, null],
      ['411000', '411ACME', 'F1', 0, 100_000, 'A'],
      ['627000', null, 'REF101-1', 1_500, 0, null],
    ]);
  });

  it('writes off a small short payment to 658 and a small overpayment to 758', async () => {
    const { arrive, validate, post, entries } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
      { ...acme, number: 'F2', amount: '500.00' },
    ]);
    const [short, over] = arrive([{ amount: '998.50' }, { amount: '501.20' }]);
    validate(short as number, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'F1', amount: '-1.50', kind: 'writeOff' },
    ]);
    validate(over as number, [
      { invoice: 'F2', amount: '500.00', kind: 'invoice' },
      { invoice: 'F2', amount: '1.20', kind: 'writeOff' },
    ]);
    post();
    expect(entries(short as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-1', 99_850, 0, null],
      ['411000', '411ACME', 'F1', 0, 100_000, 'A'],
      ['658000', null, 'REF101-1', 150, 0, null],
    ]);
    expect(entries(over as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-2', 50_120, 0, null],
      ['411000', '411ACME', 'F2', 0, 50_000, 'B'],
      ['758000', null, 'REF101-2', 0, 120, null],
    ]);
  });

  it('puts money on account on 4191 with the customer, or on 471 when nobody is known', async () => {
    const { arrive, validate, post, entries } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
    ]);
    const [known, unknown] = arrive([{ amount: '1500.00' }, { amount: '80.00' }]);
    validate(known as number, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { customer: '411ACME', amount: '500.00', kind: 'onAccount' },
    ]);
    validate(unknown as number, [{ amount: '80.00', kind: 'onAccount' }]);
    post();
    expect(entries(known as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-1', 150_000, 0, null],
      ['411000', '411ACME', 'F1', 0, 100_000, 'A'],
      ['419100', '411ACME', 'REF101-1', 0, 50_000, null],
    ]);
    expect(entries(unknown as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-2', 8_000, 0, null],
      ['471000', null, 'REF101-2', 0, 8_000, null],
    ]);
  });

  it('marks a partial payment with a lowercase code', async () => {
    const { arrive, validate, post, entries, lettering } = await group([
      { ...martin, number: 'F1', amount: '1000.00' },
    ]);
    const [id] = arrive([{ amount: '400.00' }]);
    validate(id as number, [{ invoice: 'F1', amount: '400.00', kind: 'partial' }]);
    post();
    expect(entries(id as number)[0]?.lines).toEqual([
      ['512000', null, 'REF101-1', 40_000, 0, null],
      ['411000', '411MART', 'F1', 0, 40_000, 'a'],
    ]);
    expect(lettering('411MART')).toEqual([{ code: 'A', state: 'partial', documents: 'F1' }]);
  });

  it('moves money received for another group company through the group account', async () => {
    const { arrive, validate, post, entries, lettering } = await group([
      { ...acme, number: 'F1', amount: '100.00' },
      {
        company: 'C02',
        customer: '411BETA',
        customerName: 'BETA CLIENT',
        number: 'G7',
        amount: '640.00',
      },
    ]);
    const [id] = arrive([{ amount: '640.00' }]);
    validate(id as number, [
      { company: 'C02', invoice: 'G7', amount: '640.00', kind: 'otherCompany' },
    ]);
    post();
    expect(entries(id as number)).toEqual([
      {
        company: 'C01',
        kind: 'receipt',
        journal: 'BQ',
        lines: [
          ['512000', null, 'REF101-1', 64_000, 0, null],
          ['451000', 'C02', 'REF101-1', 0, 64_000, null],
        ],
      },
      {
        company: 'C02',
        kind: 'intercompany',
        journal: 'OD',
        lines: [
          ['451000', 'C01', 'REF101-1', 64_000, 0, null],
          ['411000', '411BETA', 'G7', 0, 64_000, 'A'],
        ],
      },
    ]);
    expect(lettering('411BETA', 'C02')).toEqual([{ code: 'A', state: 'full', documents: 'G7' }]);
  });

  it('uses the accounts and journal the company set', async () => {
    const { api, arrive, validate, post, entries } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
    ]);
    api['accounting.updateSettings']({
      company: 'C01',
      settings: { journalCode: 'BNP', bankAccount: '512100', bankFeeAccount: '627800' },
    });
    const [id] = arrive([{ amount: '990.00' }]);
    validate(id as number, [
      { invoice: 'F1', amount: '1000.00', kind: 'invoice' },
      { invoice: 'F1', amount: '-10.00', kind: 'bankFee' },
    ]);
    post();
    expect(entries(id as number)).toEqual([
      {
        company: 'C01',
        kind: 'receipt',
        journal: 'BNP',
        lines: [
          ['512100', null, 'REF101-1', 99_000, 0, null],
          ['411000', '411ACME', 'F1', 0, 100_000, 'A'],
          ['627800', null, 'REF101-1', 1_000, 0, null],
        ],
      },
    ]);
    expect(() =>
      api['accounting.updateSettings']({ company: 'C01', settings: { bankFeeAccount: '411000' } }),
    ).toThrow(/bankFeeAccount "411000": this account must start with 6/);
  });

  it('holds an automatic write-off above the threshold for a clerk, and posts a clerk’s', async () => {
    const { api, arrive, validate, post, entries } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
      { ...acme, number: 'F2', amount: '1000.00' },
    ]);
    const [byEngine, byClerk] = arrive([{ amount: '993.00' }, { amount: '993.00' }]);
    const lines = (invoice: string) => [
      { invoice, amount: '1000.00', kind: 'invoice' as const },
      { invoice, amount: '-7.00', kind: 'writeOff' as const },
    ];
    validate(byEngine as number, lines('F1'), 'engine');
    validate(byClerk as number, lines('F2'));
    expect(post()).toEqual({
      receipts: 1,
      entries: 1,
      held: [{ transactionId: byEngine, reason: 'writeOffAboveThreshold' }],
    });
    expect(entries(byEngine as number)).toEqual([]);
    expect(api['accounting.status']({})[0]?.notPosted).toBe(1);
    expect(entries(byClerk as number)[0]?.lines.at(-1)).toEqual([
      '658000',
      null,
      'REF101-2',
      700,
      0,
      null,
    ]);
  });

  it('posts nothing twice and holds allocations that do not add up to the receipt', async () => {
    const { arrive, validate, post, store } = await group([
      { ...acme, number: 'F1', amount: '1000.00' },
      { ...acme, number: 'F2', amount: '300.00' },
    ]);
    const [good, bad] = arrive([{ amount: '1000.00' }, { amount: '310.00' }]);
    validate(good as number, [{ invoice: 'F1', amount: '1000.00', kind: 'invoice' }]);
    validate(bad as number, [{ invoice: 'F2', amount: '300.00', kind: 'invoice' }]);
    expect(post().receipts).toBe(1);
    expect(post()).toEqual({
      receipts: 0,
      entries: 0,
      held: [{ transactionId: bad, reason: 'allocationsDoNotAddUp' }],
    });
    expect(store.sql.prepare('SELECT count(*) FROM journal_entry').pluck().get()).toBe(1);
  });
});
