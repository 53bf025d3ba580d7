import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMatchingSettings } from '../../src-main/matching/matching-settings.js';
import { runMatching } from '../../src-main/matching/run-matching.js';
import { disposeAfterEach } from '../support/dispose-after-each.js';
import { camt053, companyIbans, testGroup } from '../support/test-group.js';

const track = disposeAfterEach();
const group = async (...args: Parameters<typeof testGroup>) => track(await testGroup(...args));

const acme = { customer: '411ACME', customerName: 'ACME INDUSTRIE SAS' };
const durand = { customer: '411DURA', customerName: 'DURAND ET FILS SARL' };

const kinds = (receipt: { allocations: Array<{ amount: string; kind: string }> } | undefined) =>
  receipt?.allocations.map((line) => [line.amount, line.kind]);

describe('matching settings per company and customer', () => {
  it('reads 3 % above the invoice as an overpayment for a customer allowed 2 %, as a revision for the others', async () => {
    const { api, receive } = await group([
      { ...acme, number: 'A26-0101', amount: '1000.00' },
      { ...durand, number: 'A26-0102', amount: '1000.00' },
    ]);
    api['matching.updateSettings']({
      company: 'C01',
      customer: '411ACME',
      settings: { priceRevisionRate: 0.02 },
    });
    const [strict, lenient] = receive([
      { amount: '1030.00', payerName: 'ACME INDUSTRIE', text: 'FACTURE A26-0101' },
      { amount: '1030.00', payerName: 'DURAND ET FILS', text: 'FACTURE A26-0102' },
    ]);
    expect(strict?.status).toBe('proposed');
    expect(kinds(strict)).toEqual([
      ['1000.00', 'invoice'],
      ['30.00', 'onAccount'],
    ]);
    expect(lenient?.status).toBe('auto');
    expect(kinds(lenient)).toEqual([
      ['1000.00', 'invoice'],
      ['30.00', 'priceRevision'],
    ]);
  });

  it('looks for a revised invoice of a payer naming none within the customer’s own tolerance', async () => {
    const { api, receive } = await group([
      { ...acme, number: 'A26-0201', amount: '600.00' },
      { ...durand, number: 'A26-0202', amount: '600.00' },
    ]);
    api['matching.updateSettings']({
      company: 'C01',
      customer: '411ACME',
      settings: { priceRevisionRate: 0.02 },
    });
    const [strict, lenient] = receive([
      { amount: '618.00', payerName: 'ACME INDUSTRIE', text: 'VIREMENT' },
      { amount: '618.00', payerName: 'DURAND ET FILS', text: 'VIREMENT' },
    ]);
    expect(strict?.status).toBe('unmatched');
    expect(lenient?.proposals[0]?.allocations.map((line) => line.kind)).toEqual([
      'invoice',
      'priceRevision',
    ]);
  });

  it('leaves for a clerk what a company asking a threshold of 0.999 would otherwise allocate', async () => {
    const { api, store, receive } = await group([
      { ...durand, number: 'A26-0301', amount: '845.10' },
      { ...durand, company: 'C02', number: 'B26-0301', amount: '845.10' },
    ]);
    // Clerks' decisions calibrated a threshold of 0.90: the company's own replaces it.
    store.sql
      .prepare(
        `INSERT INTO scoring_model (weights_json, examples, thresholds_json, trained_at)
         VALUES ('{}', 200, ?, '2026-11-01T00:00:00Z')`,
      )
      .run(JSON.stringify({ named: 0.9, payer: 0.9, accountant: 0.9, choice: 0.9 }));
    api['matching.updateSettings']({ company: 'C02', settings: { autoThreshold: 0.999 } });
    const transfer = { amount: '845.10', payerName: 'STE DURAND & FILS', text: 'VIREMENT' };
    const [alone] = receive([transfer]);
    const [held] = receive([transfer], 'C02');
    expect(alone?.status).toBe('auto');
    expect(held?.status).toBe('proposed');
    expect(held?.proposals[0]?.score).toBe(alone?.confidence);
    expect(held?.proposals[0]?.allocations.map((line) => line.invoice)).toEqual(['B26-0301']);
  });

  it('writes off a 7 € shortfall for a company allowing 10 € in matching and posting, and leaves it open elsewhere', async () => {
    const { api, receive } = await group([
      { ...durand, number: 'A26-0401', amount: '500.00' },
      { ...durand, company: 'C02', number: 'B26-0401', amount: '500.00' },
    ]);
    api['matching.updateSettings']({ company: 'C01', settings: { writeOffMaxCents: 1_000 } });
    // The posting rules' limit (5 € by default) still holds: nothing is written off above it.
    const [held] = receive([
      { amount: '493.00', payerName: 'DURAND ET FILS', text: 'FACTURE A26-0401' },
    ]);
    expect(kinds(held)).toEqual([['493.00', 'partial']]);
    api['decisions.apply']({ decisions: [{ id: held?.id, action: 'reject' }], actor: 'test' });
    api['accounting.updateSettings']({ company: 'C01', settings: { writeOffMaxCents: 1_000 } });
    const [written] = receive([
      { amount: '493.00', payerName: 'DURAND ET FILS', text: 'FACTURE A26-0401' },
    ]);
    const [open] = receive(
      [{ amount: '493.00', payerName: 'DURAND ET FILS', text: 'FACTURE B26-0401' }],
      'C02',
    );
    expect(kinds(written)).toEqual([
      ['500.00', 'invoice'],
      ['-7.00', 'writeOff'],
    ]);
    expect(kinds(open)).toEqual([['493.00', 'partial']]);
  });

  it('uses the settings a caller gives for every company and customer alike', async () => {
    const { api, store } = await group([{ ...acme, number: 'A26-0501', amount: '1000.00' }]);
    api['matching.updateSettings']({
      company: 'C01',
      customer: '411ACME',
      settings: { priceRevisionRate: 0.02 },
    });
    const path = join(store.folder, 'statement.xml');
    const transfer = { amount: '1030.00', payerName: 'ACME INDUSTRIE', text: 'A26-0501' };
    writeFileSync(path, camt053(companyIbans.C01 as string, [transfer], 1));
    api['imports.statements']({ paths: [path] });
    runMatching(store, { settings: defaultMatchingSettings });
    const [receipt] = api['allocations.export']({});
    expect(kinds(receipt)).toEqual([
      ['1000.00', 'invoice'],
      ['30.00', 'priceRevision'],
    ]);
  });
});
