import { describe, expect, it } from 'vitest';
import type { ClerkLine } from '../../src-main/matching/clerk-decision.js';
import { disposeAfterEach } from '../support/dispose-after-each.js';
import { testGroup } from '../support/test-group.js';

const track = disposeAfterEach();
const group = async (...args: Parameters<typeof testGroup>) => track(await testGroup(...args));

const acme = { customer: '411ACME', customerName: 'ACME INDUSTRIE SAS' };
const north = { customer: '411N', customerName: 'NORD LOGISTIQUE' };
const zeta = { customer: '411ZETA', customerName: 'ZETA BATIMENT SARL' };

// One receipt of `amount`, and a clerk's `allocate` on it with the lines given.
async function receiptOf(amount: string, invoices: Parameters<typeof testGroup>[0]) {
  const made = await group(invoices);
  const [receipt] = made.receive([{ amount, payerName: 'X', text: 'VIREMENT' }]);
  const id = receipt!.id;
  const allocate = (lines: Array<Partial<ClerkLine> & { amount: string }>) =>
    made.api['decisions.apply']({
      decisions: [
        { id, action: 'allocate', allocations: lines.map((line) => ({ company: 'C01', ...line })) },
      ],
      actor: 'claire',
    })[0];
  const lines = () =>
    made.store.sql
      .prepare(
        `SELECT i.number AS invoice, cu.code AS customer, a.amount_cents AS cents, a.kind
         FROM allocation a LEFT JOIN invoice i ON i.id = a.invoice_id
         LEFT JOIN customer cu ON cu.id = a.customer_id WHERE a.transaction_id = ? ORDER BY a.id`,
      )
      .all(id);
  return { ...made, id, allocate, lines };
}

describe('the lines of a clerk’s allocation', () => {
  it('refuses bank fees credited instead of deducted, naming the line', async () => {
    const { allocate, lines } = await receiptOf('1215.00', [
      { ...acme, number: 'F-1', amount: '1200.00' },
    ]);
    const outcome = allocate([
      { invoice: 'F-1', amount: '1200.00' },
      { invoice: 'F-1', amount: '15.00', kind: 'bankFee' },
    ]);
    expect(outcome?.applied).toBe(false);
    expect(outcome?.error).toBe(
      'field allocations[1].amount: bank fees on F-1 are deducted from the payment: -15.00, not 15.00',
    );
    expect(lines()).toEqual([]);
  });

  it('takes bank fees deducted, and refuses a negative price revision or money on account', async () => {
    const { allocate, lines } = await receiptOf('1185.00', [
      { ...acme, number: 'F-1', amount: '1200.00' },
      { ...acme, number: 'F-2', amount: '30.00' },
    ]);
    expect(
      allocate([
        { invoice: 'F-1', amount: '1200.00' },
        { invoice: 'F-2', amount: '30.00' },
        { invoice: 'F-1', amount: '-45.00', kind: 'priceRevision' },
      ])?.error,
    ).toMatch(/allocations\[2\]\.amount: a price revision on F-1 .* positive, not -45.00/);
    expect(
      allocate([
        { invoice: 'F-1', amount: '1200.00' },
        { invoice: 'F-2', amount: '30.00' },
        { invoice: 'F-1', amount: '-45.00', kind: 'onAccount' },
      ])?.error,
    ).toMatch(/allocations\[2\]\.amount: money put on account is received: positive/);
    expect(
      allocate([
        { invoice: 'F-1', amount: '1200.00' },
        { invoice: 'F-1', amount: '-15.00', kind: 'bankFee' },
      ]),
    ).toMatchObject({ applied: true });
    expect(lines()).toEqual([
      { invoice: 'F-1', customer: '411ACME', cents: 120_000, kind: 'invoice' },
      { invoice: 'F-1', customer: '411ACME', cents: -1_500, kind: 'bankFee' },
    ]);
  });

  it('takes a write-off either way, but not one larger than its invoice, nor a line of nothing', async () => {
    const { allocate } = await receiptOf('50.00', [
      { ...acme, number: 'F-1', amount: '30.00' },
      { ...acme, number: 'F-2', amount: '45.00' },
    ]);
    expect(
      allocate([
        { invoice: 'F-2', amount: '45.00' },
        { invoice: 'F-1', amount: '35.00', kind: 'writeOff' },
        { invoice: 'F-1', amount: '-30.00', kind: 'writeOff' },
      ])?.error,
    ).toBe('field allocations[1].amount: a write-off of 35.00 is more than F-1 itself (30.00)');
    expect(
      allocate([
        { invoice: 'F-2', amount: '45.00' },
        { invoice: 'F-1', amount: '0.00', kind: 'invoice' },
        { invoice: 'F-2', amount: '5.00', kind: 'writeOff' },
      ])?.error,
    ).toBe('field allocations[1].amount: a line of 0.00 allocates nothing');
    expect(
      allocate([
        { invoice: 'F-2', amount: '45.00' },
        { invoice: 'F-2', amount: '5.00', kind: 'writeOff' },
      ]),
    ).toMatchObject({ applied: true });
  });

  it('takes the invoice of the customer named when two customers have its number', async () => {
    const { allocate, lines } = await receiptOf('800.00', [
      { ...acme, number: 'FA2026-009101', amount: '800.00' },
      { ...north, number: 'FA2026-009101', amount: '800.00' },
    ]);
    expect(
      allocate([{ invoice: 'FA2026-009101', customer: '411N', amount: '800.00' }]),
    ).toMatchObject({ applied: true });
    expect(lines()).toEqual([
      { invoice: 'FA2026-009101', customer: '411N', cents: 80_000, kind: 'invoice' },
    ]);
    expect(
      allocate([{ invoice: 'FA2026-009101', customer: '411ACME', amount: '800.00' }]),
    ).toMatchObject({ applied: true });
    expect(lines()).toEqual([
      { invoice: 'FA2026-009101', customer: '411ACME', cents: 80_000, kind: 'invoice' },
    ]);
  });

  it('asks for the customer when two customers have the number, and refuses a wrong one', async () => {
    const { allocate, lines } = await receiptOf('800.00', [
      { ...acme, number: 'FA2026-009101', amount: '800.00' },
      { ...north, number: 'FA2026-009101', amount: '800.00' },
      { ...zeta, number: 'Z-1', amount: '10.00' },
    ]);
    expect(allocate([{ invoice: 'FA2026-009101', amount: '800.00' }])?.error).toBe(
      'field allocations[0].customer: company C01 has FA2026-009101 for several customers ' +
        '(411ACME, 411N): say which with "customer"',
    );
    expect(
      allocate([{ invoice: 'FA2026-009101', customer: '411ZETA', amount: '800.00' }])?.error,
    ).toMatch(/customer 411ZETA of C01 has no invoice FA2026-009101/);
    expect(
      allocate([{ invoice: 'FA2026-009101', customer: '411NOPE', amount: '800.00' }])?.error,
    ).toMatch(/allocations\[0\]\.customer: company C01 has no customer 411NOPE/);
    expect(lines()).toEqual([]);
  });

  it('puts money on account of a customer named without an invoice', async () => {
    const { api, store, allocate, lines, id } = await receiptOf('800.00', [
      { ...zeta, number: 'Z-1', amount: '1500.00' },
    ]);
    expect(allocate([{ customer: '411ZETA', amount: '800.00', kind: 'onAccount' }])).toMatchObject({
      applied: true,
      status: 'validated',
    });
    expect(lines()).toEqual([
      { invoice: null, customer: '411ZETA', cents: 80_000, kind: 'onAccount' },
    ]);
    // Posted as an advance of that customer's.
    const posted = store.sql
      .prepare(
        `SELECT l.account, l.auxiliary_account AS auxiliary, l.debit_cents AS debit,
           l.credit_cents AS credit FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
         WHERE e.transaction_id = ? ORDER BY l.position`,
      )
      .all(id);
    expect(posted).toEqual([
      { account: '512000', auxiliary: null, debit: 80_000, credit: 0 },
      { account: '419100', auxiliary: '411ZETA', debit: 0, credit: 80_000 },
    ]);
    // Exported with the company and customer the line names, though no invoice.
    const exported = api['allocations.export']({}).find((receipt) => receipt.id === id);
    expect(exported?.allocations).toEqual([
      { company: 'C01', invoice: '', customer: '411ZETA', amount: '800.00', kind: 'onAccount' },
    ]);
  });

  it('refuses a line without invoice unless it puts money on account of a named customer', async () => {
    const { api, id } = await receiptOf('800.00', [{ ...zeta, number: 'Z-1', amount: '1500.00' }]);
    const outcomes = api['decisions.apply']({
      decisions: [
        { id, action: 'allocate', allocations: [{ company: 'C01', amount: '800.00' }] },
        {
          id,
          action: 'allocate',
          allocations: [{ company: 'C01', amount: '800.00', kind: 'onAccount' }],
        },
      ],
      actor: 'claire',
    });
    expect(outcomes.map((outcome) => outcome.error)).toEqual([
      'field allocations[0].invoice: missing: only money put on account (onAccount) goes without one',
      'field allocations[0].customer: missing: money put on account names the customer or an invoice',
    ]);
  });
});
