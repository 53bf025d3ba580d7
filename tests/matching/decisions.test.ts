import { describe, expect, it } from 'vitest';
import { loadScoringModel, loadWeights } from '../../src-main/matching/scoring-model.js';
import { defaultWeights } from '../../src-main/matching/scoring.js';
import { disposeAfterEach } from '../support/dispose-after-each.js';
import { testGroup } from '../support/test-group.js';

const track = disposeAfterEach();
const group = async (...args: Parameters<typeof testGroup>) => track(await testGroup(...args));

const durand = { customer: '411DURA', customerName: 'DURAND ET FILS SARL' };
const acme = { customer: '411ACME', customerName: 'ACME INDUSTRIE SAS' };
const martin = { customer: '411MART', customerName: 'COMMUNE DE SAINT-MARTIN-D-HERES' };
const vif = { customer: '411VIF', customerName: 'COMMUNE DE VIF' };
const durandIban = 'FR7616606100200001234567896';

describe('clerk decisions', () => {
  it('accepts the best proposal and logs who decided, with before and after', async () => {
    const { api, store, receive } = await group([
      { ...durand, number: 'V26-1001', amount: '845.10' },
      { ...acme, number: 'V26-1003', amount: '845.10' },
    ]);
    const [receipt] = receive([{ amount: '845.10', payerName: 'M JEAN DUPONT', text: 'PAIEMENT' }]);
    expect(receipt?.status).toBe('proposed');
    const best = receipt?.proposals[0]?.allocations[0]?.invoice;

    const [outcome] = api['decisions.apply']({
      decisions: [{ id: receipt!.id, action: 'accept' }],
      actor: 'claire',
    });
    expect(outcome).toMatchObject({ applied: true, status: 'validated' });
    const exported = api['allocations.export']({}).find((row) => row.id === receipt!.id);
    expect(exported?.status).toBe('validated');
    expect(exported?.allocations.map((line) => line.invoice)).toEqual([best]);
    const logged = store.sql
      .prepare(
        `SELECT actor, action, before_json, after_json FROM decision_log WHERE actor = 'claire'`,
      )
      .get() as { actor: string; action: string; before_json: string; after_json: string };
    expect(logged.action).toBe('accept');
    expect(JSON.parse(logged.before_json)).toMatchObject({ status: 'proposed', lines: [] });
    expect(JSON.parse(logged.after_json).status).toBe('validated');
  });

  it('reports an unknown receipt or invoice and applies nothing of that decision', async () => {
    const { api, receive } = await group([{ ...acme, number: 'F-1', amount: '100.00' }]);
    const [receipt] = receive([{ amount: '100.00', payerName: 'X', text: 'VIREMENT' }]);
    const outcomes = api['decisions.apply']({
      decisions: [
        { id: 999_999, action: 'accept' },
        {
          id: receipt!.id,
          action: 'allocate',
          allocations: [{ company: 'C01', invoice: 'F-404', amount: '100.00' }],
        },
        {
          id: receipt!.id,
          action: 'allocate',
          allocations: [{ company: 'C01', invoice: 'F-1', amount: '99.00' }],
        },
      ],
      actor: 'claire',
    });
    expect(outcomes.map((outcome) => outcome.applied)).toEqual([false, false, false]);
    expect(outcomes[0]?.error).toMatch(/no receipt has the id 999999/);
    expect(outcomes[1]?.error).toMatch(/company C01 has no invoice F-404/);
    expect(outcomes[2]?.error).toMatch(/add up to 99 but the receipt is 100/);
    expect(api['allocations.export']({})[0]?.status).toBe(receipt?.status);
  });

  it('refuses lines settling more than is open or the wrong side, and calls a short payment partial', async () => {
    const { api, receive } = await group([
      { ...acme, number: 'F-1', amount: '1200.00' },
      { ...acme, number: 'AV-1', amount: '-100.00' },
    ]);
    const [receipt] = receive([{ amount: '1680.00', payerName: 'X', text: 'VIREMENT' }]);
    const decide = (
      allocations: Array<{
        invoice: string;
        amount: string;
        kind?: 'invoice' | 'creditNote' | 'onAccount';
      }>,
    ) =>
      api['decisions.apply']({
        decisions: [
          {
            id: receipt!.id,
            action: 'allocate',
            allocations: allocations.map((line) => ({ company: 'C01', ...line })),
          },
        ],
        actor: 'claire',
      })[0];

    expect(decide([{ invoice: 'F-1', amount: '1680.00' }])?.error).toMatch(
      /F-1 has 1200.00 open: 1680.00 cannot settle it/,
    );
    expect(decide([{ invoice: 'AV-1', amount: '1680.00' }])?.error).toMatch(
      /AV-1 is a credit note/,
    );
    expect(
      decide([
        { invoice: 'F-1', amount: '1780.00' },
        { invoice: 'AV-1', amount: '-100.00', kind: 'creditNote' },
      ])?.error,
    ).toMatch(/1780.00 cannot settle/);
    expect(
      decide([
        { invoice: 'F-1', amount: '1000.00' },
        { invoice: 'F-1', amount: '680.00', kind: 'onAccount' },
      ]),
    ).toMatchObject({ applied: true });
    const [line] = api['allocations.export']({}).find((row) => row.id === receipt!.id)!.allocations;
    expect(line).toMatchObject({ invoice: 'F-1', amount: '1000.00', kind: 'partial' });
  });

  it('learns the payer IBAN from an allocation, so the next transfer from it is automatic', async () => {
    const { api, receive } = await group([
      { ...durand, number: 'V26-1001', amount: '845.10' },
      { ...durand, number: 'V26-1002', amount: '1200.00' },
      { ...acme, number: 'V26-1003', amount: '1200.00' },
    ]);
    const [first] = receive([
      { amount: '845.10', payerName: 'SCI LES TILLEULS', payerIban: durandIban, text: 'LOYER' },
    ]);
    expect(first?.status).not.toBe('auto');
    api['decisions.apply']({
      decisions: [
        {
          id: first!.id,
          action: 'allocate',
          allocations: [{ company: 'C01', invoice: 'V26-1001', amount: '845.10' }],
        },
      ],
      actor: 'claire',
    });
    expect(api['learned.list']({})).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'iban',
          key: durandIban,
          customer: '411DURA',
          source: 'clerk',
        }),
      ]),
    );

    const [second] = receive([
      { amount: '1200.00', payerName: 'SCI LES TILLEULS', payerIban: durandIban, text: 'LOYER' },
    ]);
    expect(second?.status).toBe('auto');
    expect(second?.allocations.map((line) => line.invoice)).toEqual(['V26-1002']);
  });

  it('learns which bodies a public accountant pays for, and a learned fact can be removed', async () => {
    const { api, receive } = await group([
      { ...martin, number: 'M-1', amount: '300.00' },
      { ...martin, number: 'M-2', amount: '412.37' },
      { ...vif, number: 'V-1', amount: '999.99' },
    ]);
    const accountant = { payerName: 'SGC DE GRENOBLE', payerIban: 'FR7630001007941234567890185' };
    const [first] = receive([
      { amount: '300.00', ...accountant, text: 'MANDAT 2026 00001 BORD 1' },
    ]);
    api['decisions.apply']({
      decisions: [
        {
          id: first!.id,
          action: 'allocate',
          allocations: [{ company: 'C01', invoice: 'M-1', amount: '300.00' }],
        },
      ],
      actor: 'claire',
    });
    const facts = api['learned.list']({}).filter((fact) => fact.kind === 'accountant');
    expect(facts.map((fact) => fact.customer)).toEqual(['411MART', '411MART']);

    const [second] = receive([
      { amount: '412.37', ...accountant, text: 'MANDAT 2026 00002 BORD 2' },
    ]);
    expect(second?.proposals[0]?.allocations.map((line) => line.invoice)).toEqual(['M-2']);
    expect(second?.proposals[0]?.explanation).toMatch(/public accountant/);

    for (const fact of facts) api['learned.remove']({ id: fact.id });
    const [third] = receive([
      { amount: '412.37', ...accountant, text: 'MANDAT 2026 00003 BORD 3' },
    ]);
    expect(third?.proposals[0]?.explanation ?? '').not.toMatch(/public accountant/);
  });

  it('rejects a receipt that pays no invoice, freeing what the engine had taken', async () => {
    const { api, receive } = await group([{ ...acme, number: 'FA2026-000123', amount: '1200.00' }]);
    const [receipt] = receive([{ amount: '1200.00', text: 'FA2026-000123' }]);
    expect(receipt?.status).toBe('auto');
    api['decisions.apply']({ decisions: [{ id: receipt!.id, action: 'reject' }], actor: 'claire' });
    const [again] = receive([{ amount: '1200.00', text: 'FA2026-000123', date: '2026-11-17' }]);
    expect(again?.status).toBe('auto');
  });

  it('retrains the scoring weights on the decisions, starting from the defaults', async () => {
    const { api, store, receive } = await group([
      { ...durand, number: 'V26-1001', amount: '845.10' },
      { ...acme, number: 'V26-1003', amount: '845.10' },
    ]);
    expect(loadWeights(store)).toEqual(defaultWeights);
    const [receipt] = receive([{ amount: '845.10', payerName: 'M JEAN DUPONT', text: 'PAIEMENT' }]);
    api['decisions.apply']({
      decisions: [{ id: receipt!.id, action: 'choose', proposal: 2 }],
      actor: 'claire',
    });
    const examples = store.sql
      .prepare('SELECT label FROM training_example ORDER BY id')
      .pluck()
      .all();
    expect(examples).toEqual([0, 1]);
    expect(loadScoringModel(store).examples).toBe(2);

    // Decided again, the receipt's examples are those of its last decision only.
    api['decisions.apply']({
      decisions: [{ id: receipt!.id, action: 'choose', proposal: 1 }],
      actor: 'claire',
    });
    expect(
      store.sql.prepare('SELECT label FROM training_example ORDER BY id').pluck().all(),
    ).toEqual([1, 0]);
    expect(loadScoringModel(store).examples).toBe(2);
  });
});
