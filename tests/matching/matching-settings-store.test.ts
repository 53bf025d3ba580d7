import { describe, expect, it } from 'vitest';
import type { Store } from '../../src-main/db/store.js';
import { thrownLettraError } from '../support/input-error.js';
import { defaultMatchingSettings } from '../../src-main/matching/matching-settings.js';
import { loadMatchingSettingsResolver } from '../../src-main/matching/matching-settings-store.js';
import { disposeAfterEach } from '../support/dispose-after-each.js';
import { testGroup } from '../support/test-group.js';

const track = disposeAfterEach();
const group = async () =>
  track(
    await testGroup([
      { customer: '411ACME', customerName: 'ACME INDUSTRIE SAS', number: 'F1', amount: '100.00' },
      { customer: '411DURA', customerName: 'DURAND ET FILS SARL', number: 'F2', amount: '100.00' },
    ]),
  );

const thrown = thrownLettraError;

const rowCount = (store: Store) =>
  store.sql.prepare('SELECT count(*) FROM matching_setting').pluck().get();

describe('matching settings store', () => {
  it('resolves defaults, then the company, then the customer, and says who set each', async () => {
    const { api } = await group();
    api['matching.updateSettings']({
      company: 'C01',
      settings: { writeOffMaxCents: 800, priceRevisionRate: 0.04, autoThreshold: 0.97 },
    });
    const view = api['matching.updateSettings']({
      company: 'C01',
      customer: '411ACME',
      settings: { priceRevisionRate: 0.02 },
    });
    expect(view.settings).toEqual({
      priceRevisionRate: 0.02,
      bankFeeMaxCents: 3_000,
      bankFeeMaxRate: 0.05,
      writeOffMaxCents: 800,
      autoThreshold: 0.97,
    });
    expect(view.setBy).toEqual({
      priceRevisionRate: 'customer',
      bankFeeMaxCents: 'default',
      bankFeeMaxRate: 'default',
      writeOffMaxCents: 'company',
      autoThreshold: 'company',
    });
    expect(api['matching.settings']({ company: 'C01', customer: '411DURA' }).setBy).toMatchObject({
      priceRevisionRate: 'company',
    });
    expect(api['matching.settings']({ company: 'C02' }).settings.priceRevisionRate).toBe(0.05);
  });

  it('gives a run each customer’s settings, and drops the calibrated thresholds of a company setting its own', async () => {
    const { api, store } = await group();
    api['matching.updateSettings']({ company: 'C02', settings: { autoThreshold: 0.99 } });
    api['matching.updateSettings']({
      company: 'C01',
      customer: '411ACME',
      settings: { bankFeeMaxCents: 1_500 },
    });
    const calibrated = { named: 0.85 };
    const ids = (table: string, code: string) =>
      store.sql.prepare(`SELECT id FROM ${table} WHERE code = ?`).pluck().all(code) as number[];
    const [c01, c02] = [ids('company', 'C01')[0] as number, ids('company', 'C02')[0] as number];
    const [acme] = ids('customer', '411ACME');
    const [durand] = ids('customer', '411DURA');
    const resolver = loadMatchingSettingsResolver(store, {
      ...defaultMatchingSettings,
      calibratedThresholds: calibrated,
    });
    expect(resolver.forCustomer(c01, acme as number).bankFeeMaxCents).toBe(1_500);
    expect(resolver.forCustomer(c01, durand as number).bankFeeMaxCents).toBe(3_000);
    expect(resolver.forCompany(c01)).toMatchObject({
      autoThreshold: 0.95,
      calibratedThresholds: calibrated,
    });
    const own = resolver.forCompany(c02);
    expect(own.autoThreshold).toBe(0.99);
    expect(own.calibratedThresholds).toBeUndefined();
  });

  it('refuses a wrong value naming the field, and writes none of the others', async () => {
    const { api, store } = await group();
    const error = thrown(() =>
      api['matching.updateSettings']({
        company: 'C01',
        settings: { priceRevisionRate: 0.03, writeOffMaxCents: -100 },
      }),
    );
    expect(error.code).toBe('matching.badSetting');
    expect(error.context.field).toBe('writeOffMaxCents');
    expect(error.message).toContain('writeOffMaxCents');
    expect(rowCount(store)).toBe(0);
    expect(api['matching.settings']({ company: 'C01' }).settings.priceRevisionRate).toBe(0.05);

    const refusals: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ priceRevisionRate: 0.3 }, 'priceRevisionRate', undefined],
      [{ bankFeeMaxRate: -0.01 }, 'bankFeeMaxRate', undefined],
      [{ bankFeeMaxCents: 12.5 }, 'bankFeeMaxCents', undefined],
      [{ writeOffMaxCents: '500' }, 'writeOffMaxCents', undefined],
      [{ autoThreshold: 0.4 }, 'autoThreshold', undefined],
      [{ autoThreshold: 1 }, 'autoThreshold', undefined],
      [{ priceRevisionRate: Number.NaN }, 'priceRevisionRate', undefined],
      [{ autoMargin: 2 }, 'autoMargin', undefined],
      [{ autoThreshold: 0.97 }, 'autoThreshold', '411ACME'],
    ];
    for (const [settings, field, customer] of refusals) {
      const refused = thrown(() =>
        api['matching.updateSettings']({
          company: 'C01',
          ...(customer === undefined ? {} : { customer }),
          settings: settings as never,
        }),
      );
      expect([refused.code, refused.context.field]).toEqual(['matching.badSetting', field]);
    }
    expect(rowCount(store)).toBe(0);
  });

  it('names an unknown company or customer', async () => {
    const { api } = await group();
    const company = thrown(() => api['matching.settings']({ company: 'C09' }));
    expect([company.code, company.message]).toEqual([
      'company.unknown',
      'no company has the code C09',
    ]);
    // A customer code is its company's: 411ACME is C01's, not C02's.
    const customer = thrown(() =>
      api['matching.updateSettings']({
        company: 'C02',
        customer: '411ACME',
        settings: { priceRevisionRate: 0.02 },
      }),
    );
    expect(customer.code).toBe('customer.unknown');
    expect(customer.message).toContain('company C02 has no customer with the code 411ACME');
  });

  it('forgets what a level set on reset, and keeps the other levels', async () => {
    const { api, store } = await group();
    api['matching.updateSettings']({ company: 'C01', settings: { writeOffMaxCents: 900 } });
    api['matching.updateSettings']({
      company: 'C01',
      customer: '411ACME',
      settings: { priceRevisionRate: 0.02, bankFeeMaxRate: 0.01 },
    });
    const reset = api['matching.updateSettings']({
      company: 'C01',
      customer: '411ACME',
      settings: {},
      reset: true,
    });
    expect(reset.setBy).toMatchObject({
      priceRevisionRate: 'default',
      bankFeeMaxRate: 'default',
      writeOffMaxCents: 'company',
    });
    expect(rowCount(store)).toBe(1);

    const replaced = api['matching.updateSettings']({
      company: 'C01',
      settings: { bankFeeMaxCents: 2_000 },
      reset: true,
    });
    expect(replaced.setBy).toMatchObject({
      writeOffMaxCents: 'default',
      bankFeeMaxCents: 'company',
    });
    api['matching.updateSettings']({ company: 'C01', settings: {}, reset: true });
    expect(rowCount(store)).toBe(0);
  });

  it('merges a change into what the level already set', async () => {
    const { api } = await group();
    api['matching.updateSettings']({ company: 'C01', settings: { writeOffMaxCents: 900 } });
    const view = api['matching.updateSettings']({
      company: 'C01',
      settings: { autoThreshold: 0.98 },
    });
    expect(view.settings).toMatchObject({ writeOffMaxCents: 900, autoThreshold: 0.98 });
  });

  it('shows the calibrated thresholds while the company has set none', async () => {
    const { api, store } = await group();
    store.sql
      .prepare(
        `INSERT INTO scoring_model (weights_json, examples, thresholds_json, trained_at)
         VALUES ('{}', 200, '{"named":0.88}', '2026-11-01T00:00:00Z')`,
      )
      .run();
    expect(api['matching.settings']({ company: 'C01' }).calibratedThresholds).toEqual({
      named: 0.88,
    });
    api['matching.updateSettings']({ company: 'C01', settings: { autoThreshold: 0.96 } });
    expect(api['matching.settings']({ company: 'C01' }).calibratedThresholds).toEqual({});
  });

  it('refuses to match with a stored value edited out of range', async () => {
    const { api, store } = await group();
    store.sql
      .prepare(
        `INSERT INTO matching_setting (company_id, customer_id, settings_json)
         SELECT id, NULL, '{"priceRevisionRate":2}' FROM company WHERE code = 'C01'`,
      )
      .run();
    const error = thrown(() => api['matching.run']({}));
    expect([error.code, error.context.field]).toEqual(['matching.badSetting', 'priceRevisionRate']);
    expect(error.message).toContain('settings of company C01');
  });
});
