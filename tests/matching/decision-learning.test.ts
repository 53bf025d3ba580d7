import { describe, expect, it } from 'vitest';
import { PayerDirectory } from '../../src-main/matching/payer-directory.js';
import { trainWeights, type TrainingExample } from '../../src-main/matching/scoring-model.js';
import { defaultWeights, featureNames, type FeatureName } from '../../src-main/matching/scoring.js';
import { disposeAfterEach } from '../support/dispose-after-each.js';
import { testGroup } from '../support/test-group.js';

const track = disposeAfterEach();
const group = async (...args: Parameters<typeof testGroup>) => track(await testGroup(...args));

const zeta = { customer: '411ZETA', customerName: 'ZETA BATIMENT SARL' };
const acme = { customer: '411ACME', customerName: 'ACME INDUSTRIE SAS' };
const dupont = { payerName: 'M DUPONT JEAN', text: 'VIREMENT' };
const dupontIban = 'FR7616606100200001234567896';

const allocate = (id: number, invoice: string, amount: string) => ({
  id,
  action: 'allocate',
  allocations: [{ company: 'C01', invoice, amount }],
});

// What the engine learned, as `lettra learned` lists it, without ids and dates.
function learned(api: Awaited<ReturnType<typeof testGroup>>['api']) {
  return api['learned.list']({}).map(({ kind, key, customer, source, hits }) => ({
    kind,
    key,
    customer,
    source,
    hits,
  }));
}

describe('what a reversed decision taught', () => {
  it('is withdrawn when the clerk decides the receipt again, so the next one is not automatic', async () => {
    const { api, receive } = await group([
      { ...zeta, number: 'Z-1', amount: '800.00' },
      { ...acme, number: 'A-1', amount: '800.00' },
    ]);
    const [first] = receive([{ amount: '800.00', ...dupont }]);
    api['decisions.apply']({ decisions: [allocate(first!.id, 'Z-1', '800.00')], actor: 'claire' });
    expect(learned(api)).toEqual([
      { kind: 'name', key: 'DUPONT JEAN', customer: '411ZETA', source: 'clerk', hits: 1 },
    ]);

    api['decisions.apply']({ decisions: [allocate(first!.id, 'A-1', '800.00')], actor: 'claire' });
    expect(learned(api)).toEqual([
      { kind: 'name', key: 'DUPONT JEAN', customer: '411ACME', source: 'clerk', hits: 1 },
    ]);

    const [next] = receive([{ amount: '800.00', ...dupont }]);
    expect(next?.status).not.toBe('auto');
    expect(next?.explanation ?? '').not.toMatch(/ZETA BATIMENT SARL \(411ZETA\) by name/);
  });

  it('is withdrawn when the clerk rejects the receipt, and accepting again counts once', async () => {
    const { api, receive } = await group([{ ...zeta, number: 'Z-1', amount: '800.00' }]);
    const [first] = receive([{ amount: '800.00', ...dupont, payerIban: dupontIban }]);
    const decide = (action: string) =>
      api['decisions.apply']({ decisions: [{ id: first!.id, action }], actor: 'claire' })[0];
    expect(decide('accept')).toMatchObject({ applied: true });
    expect(decide('accept')).toMatchObject({ applied: true });
    expect(learned(api).map((fact) => [fact.kind, fact.hits])).toEqual([
      ['iban', 1],
      ['name', 1],
    ]);
    expect(decide('reject')).toMatchObject({ applied: true, status: 'rejected' });
    expect(learned(api)).toEqual([]);
  });

  it('is withdrawn too for a decision logged before decisions kept what they taught', async () => {
    const { api, store, receive } = await group([
      { ...zeta, number: 'Z-1', amount: '800.00' },
      { ...acme, number: 'A-1', amount: '800.00' },
    ]);
    const [first] = receive([{ amount: '800.00', ...dupont }]);
    api['decisions.apply']({ decisions: [allocate(first!.id, 'Z-1', '800.00')], actor: 'claire' });
    // As an older Lettra logged it: the status and the lines only.
    store.sql
      .prepare(`UPDATE decision_log SET after_json = json_remove(after_json, '$.taught')`)
      .run();
    api['decisions.apply']({ decisions: [allocate(first!.id, 'A-1', '800.00')], actor: 'claire' });
    expect(learned(api).map((fact) => fact.customer)).toEqual(['411ACME']);
  });

  it('keeps what other decisions confirmed, one confirmation less', async () => {
    const { api, receive } = await group([
      { ...zeta, number: 'Z-1', amount: '800.00' },
      { ...zeta, number: 'Z-2', amount: '300.00' },
      { ...acme, number: 'A-1', amount: '800.00' },
    ]);
    const [first, second] = receive([
      { amount: '800.00', ...dupont },
      { amount: '300.00', ...dupont },
    ]);
    api['decisions.apply']({
      decisions: [allocate(first!.id, 'Z-1', '800.00'), allocate(second!.id, 'Z-2', '300.00')],
      actor: 'claire',
    });
    expect(learned(api)).toEqual([
      { kind: 'name', key: 'DUPONT JEAN', customer: '411ZETA', source: 'clerk', hits: 2 },
    ]);
    api['decisions.apply']({ decisions: [allocate(first!.id, 'A-1', '800.00')], actor: 'claire' });
    expect(learned(api)).toEqual([
      { kind: 'name', key: 'DUPONT JEAN', customer: '411ZETA', source: 'clerk', hits: 1 },
      { kind: 'name', key: 'DUPONT JEAN', customer: '411ACME', source: 'clerk', hits: 1 },
    ]);
  });

  it('gives an engine fact back to the engine once the clerk who confirmed it changes their mind', async () => {
    const { api, receive } = await group([
      { ...zeta, number: 'FA2026-000801', amount: '800.00' },
      { ...zeta, number: 'Z-2', amount: '300.00' },
      { ...acme, number: 'A-1', amount: '300.00' },
    ]);
    // The engine learns the IBAN from a transfer naming its invoice.
    const [named] = receive([
      { amount: '800.00', ...dupont, payerIban: dupontIban, text: 'FACTURE FA2026-000801' },
    ]);
    expect(named?.status).toBe('auto');
    expect(learned(api)).toEqual([
      { kind: 'iban', key: dupontIban, customer: '411ZETA', source: 'engine', hits: 1 },
    ]);
    const [unnamed] = receive([{ amount: '300.00', ...dupont, payerIban: dupontIban }]);
    api['decisions.apply']({ decisions: [allocate(unnamed!.id, 'Z-2', '300.00')], actor: 'a' });
    expect(learned(api)[0]).toMatchObject({ kind: 'iban', source: 'clerk', hits: 2 });
    api['decisions.apply']({ decisions: [allocate(unnamed!.id, 'A-1', '300.00')], actor: 'a' });
    expect(learned(api).filter((fact) => fact.customer === '411ZETA')).toEqual([
      { kind: 'iban', key: dupontIban, customer: '411ZETA', source: 'engine', hits: 1 },
    ]);
  });
});

describe('a payer name paid for several customers', () => {
  const customers = [
    { id: 1, companyId: 1, companyCode: 'C01', code: '411ZETA', name: 'ZETA BATIMENT SARL' },
    { id: 2, companyId: 1, companyCode: 'C01', code: '411ACME', name: 'ACME INDUSTRIE SAS' },
  ];

  it('is a sure guess for one customer, a weak one for each of several', () => {
    const one = new PayerDirectory(customers, [
      { kind: 'name', key: 'M DUPONT JEAN', customerId: 1 },
    ]);
    expect(one.identify('M DUPONT JEAN', undefined, 'VIREMENT')[0]?.certainty).toBe(0.93);
    const both = new PayerDirectory(customers, [
      { kind: 'name', key: 'M DUPONT JEAN', customerId: 1 },
      { kind: 'name', key: 'DUPONT JEAN', customerId: 2 },
    ]);
    const guesses = both.identify('M DUPONT JEAN', undefined, 'VIREMENT');
    expect(guesses.map((guess) => guess.customerId).sort()).toEqual([1, 2]);
    expect(Math.max(...guesses.map((guess) => guess.certainty))).toBeLessThan(0.5);
  });

  it('does not carry an exact amount of one of them to an automatic allocation', async () => {
    const { api, receive } = await group([
      { ...zeta, number: 'Z-1', amount: '800.00' },
      { ...acme, number: 'A-1', amount: '500.00' },
      { ...zeta, number: 'Z-2', amount: '312.45' },
    ]);
    const [first, second] = receive([
      { amount: '800.00', ...dupont },
      { amount: '500.00', ...dupont },
    ]);
    api['decisions.apply']({
      decisions: [allocate(first!.id, 'Z-1', '800.00'), allocate(second!.id, 'A-1', '500.00')],
      actor: 'claire',
    });
    expect(learned(api).map((fact) => fact.customer)).toEqual(['411ZETA', '411ACME']);
    const [third] = receive([{ amount: '312.45', ...dupont }]);
    expect(third?.status).toBe('proposed');
    expect(third?.proposals[0]?.allocations.map((line) => line.invoice)).toEqual(['Z-2']);
  });
});

describe('the scoring model a clerk can read', () => {
  it('shows the default weights before any decision, and the trained ones after', async () => {
    const { api, receive } = await group([
      { ...zeta, number: 'Z-1', amount: '800.00' },
      { ...acme, number: 'A-1', amount: '800.00' },
    ]);
    const before = api['learned.model']({});
    expect(before.examples).toBe(0);
    expect(before.thresholds).toEqual({});
    expect(before.weights.every((weight) => weight.trained === weight.default)).toBe(true);
    expect(before.weights.map((weight) => weight.feature)).toContain('payerCertainty');

    const [first] = receive([{ amount: '800.00', ...dupont }]);
    api['decisions.apply']({ decisions: [allocate(first!.id, 'Z-1', '800.00')], actor: 'claire' });
    const after = api['learned.model']({});
    expect(after.examples).toBeGreaterThan(0);
    // One decision adjusts the weights; it does not overturn them.
    for (const weight of after.weights) {
      expect(Math.abs(weight.trained - weight.default), weight.feature).toBeLessThan(0.05);
    }
  });
});

describe('training the scoring weights', () => {
  // Decisions where the candidate clerks chose was always long overdue, which the default
  // weights count against it; one rival each, not overdue, rejected.
  const decided = (count: number): TrainingExample[] =>
    Array.from({ length: count }, () => [
      { features: features({ bias: 1, amountExact: 1, yearsOverdue: 1 }), label: 1 as const },
      { features: features({ bias: 1, amountExact: 1 }), label: 0 as const },
    ]).flat();

  it('moves a weight as far as many decisions say, hardly for a few', () => {
    const few = trainWeights(decided(5), 5);
    const many = trainWeights(decided(2000), 2000);
    expect(Math.abs(few.yearsOverdue - defaultWeights.yearsOverdue)).toBeLessThan(0.05);
    expect(many.yearsOverdue).toBeGreaterThan(defaultWeights.yearsOverdue + 0.5);
  });

  it('keeps the default intercept, learned on the hard receipts alone', () => {
    expect(trainWeights(decided(2000), 2000).bias).toBe(defaultWeights.bias);
  });
});

function features(values: Partial<Record<FeatureName, number>>): number[] {
  return featureNames.map((name) => values[name] ?? 0);
}
