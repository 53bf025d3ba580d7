import { requireCompany } from '../companies/company-service.js';
import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import { formatCentsFrench } from '../money/cents.js';
import { defaultMatchingSettings, type MatchingSettings } from './matching-settings.js';
import { loadPostingSettings } from '../accounting/posting-settings.js';
import { loadScoringModel } from './scoring-model.js';
import type { EvidenceClass } from './threshold-calibration.js';

const log = createLogger('matching-settings');

/** The settings an accountant may set for a company; for one customer, all but the threshold. */
export const matchingSettingKeys = [
  'priceRevisionRate',
  'bankFeeMaxCents',
  'bankFeeMaxRate',
  'writeOffMaxCents',
  'autoThreshold',
] as const;
export type MatchingSettingKey = (typeof matchingSettingKeys)[number];

/** What a company or customer row sets; the rest comes from the level above. */
export type MatchingOverrides = Partial<Pick<MatchingSettings, MatchingSettingKey>>;

/** Where an effective setting comes from. */
export type SettingLevel = 'default' | 'company' | 'customer';

/** The settings the engine uses for a company or one of its customers, and who set each. */
export interface MatchingSettingsView {
  company: string;
  customer: string | null;
  settings: Pick<MatchingSettings, MatchingSettingKey>;
  setBy: Record<MatchingSettingKey, SettingLevel>;
  /**
   * While nobody set the company's threshold: the thresholds the clerks' decisions justify
   * for each kind of evidence, which the engine uses instead of `autoThreshold`.
   */
  calibratedThresholds: Partial<Record<EvidenceClass, number>>;
}

/** The settings of one matching run, by company and by customer. */
export interface MatchingSettingsResolver {
  /** What decides on a receipt credited to the company. */
  forCompany(companyId: number): MatchingSettings;
  /** What reads the gap between a payment and the invoices of the customer. */
  forCustomer(companyId: number, customerId: number): MatchingSettings;
}

// What each setting may be, said as the end of "... is not".
const expectations: Record<MatchingSettingKey, [(value: number) => boolean, string]> = {
  priceRevisionRate: [(value) => value >= 0 && value <= 0.25, 'a share between 0 and 0.25 (25 %)'],
  bankFeeMaxRate: [(value) => value >= 0 && value <= 0.25, 'a share between 0 and 0.25 (25 %)'],
  bankFeeMaxCents: [isCents, 'a whole, non-negative number of cents'],
  writeOffMaxCents: [isCents, 'a whole, non-negative number of cents'],
  autoThreshold: [(value) => value >= 0.5 && value <= 0.999, 'a score between 0.5 and 0.999'],
};

/**
 * Loads every company's and customer's settings once for a run. Resolution goes defaults,
 * then the company's row, then the customer's. A threshold the company's accountant set
 * replaces the calibrated thresholds of `base`: it is what the accountant asked for. A
 * write-off is never read above the company's posting limit (`lettra accounting settings`),
 * or the allocation would be held at posting.
 */
export function loadMatchingSettingsResolver(
  store: Store,
  base: MatchingSettings = defaultMatchingSettings,
): MatchingSettingsResolver {
  const rows = readRows(store);
  const companyOverrides = new Map<number, MatchingOverrides>();
  for (const row of rows) {
    if (row.customerId === null) companyOverrides.set(row.companyId, row.overrides);
  }
  const byCompany = new Map<number, MatchingSettings>();
  for (const [companyId, overrides] of companyOverrides) {
    byCompany.set(companyId, resolve(base, overrides, {}));
  }
  const byCustomer = new Map<number, MatchingSettings>();
  for (const row of rows) {
    if (row.customerId === null) continue;
    const company = companyOverrides.get(row.companyId) ?? {};
    byCustomer.set(row.customerId, resolve(base, company, row.overrides));
  }
  log.debug('matching settings loaded', { companies: byCompany.size, customers: byCustomer.size });
  const postingLimits = new Map<number, number>();
  const withinPosting = (companyId: number, settings: MatchingSettings): MatchingSettings => {
    let limit = postingLimits.get(companyId);
    if (limit === undefined) {
      limit = loadPostingSettings(store, companyId).writeOffMaxCents;
      postingLimits.set(companyId, limit);
    }
    return settings.writeOffMaxCents <= limit ? settings : { ...settings, writeOffMaxCents: limit };
  };
  const forCompany = (companyId: number) =>
    withinPosting(companyId, byCompany.get(companyId) ?? base);
  return {
    forCompany,
    forCustomer: (companyId, customerId) => {
      const own = byCustomer.get(customerId);
      return own === undefined ? forCompany(companyId) : withinPosting(companyId, own);
    },
  };
}

/** The same settings for every company and customer, whatever the database says. */
export function uniformMatchingSettings(settings: MatchingSettings): MatchingSettingsResolver {
  return { forCompany: () => settings, forCustomer: () => settings };
}

/** The effective settings of a company, or of one of its customers, by code. */
export function matchingSettingsView(
  store: Store,
  companyCode: string,
  customerCode?: string,
): MatchingSettingsView {
  const owner = requireOwner(store, companyCode, customerCode);
  const company = readOverrides(store, { ...owner, customerId: null, customerCode: null });
  const customer = owner.customerId === null ? {} : readOverrides(store, owner);
  const settings = resolve(defaultMatchingSettings, company, customer);
  const setBy = Object.fromEntries(
    matchingSettingKeys.map((key) => [
      key,
      customer[key] !== undefined ? 'customer' : company[key] !== undefined ? 'company' : 'default',
    ]),
  ) as Record<MatchingSettingKey, SettingLevel>;
  return {
    company: owner.companyCode,
    customer: owner.customerCode,
    settings: Object.fromEntries(matchingSettingKeys.map((key) => [key, settings[key]])) as Pick<
      MatchingSettings,
      MatchingSettingKey
    >,
    setBy,
    calibratedThresholds:
      setBy.autoThreshold === 'default' ? loadScoringModel(store).thresholds : {},
  };
}

export interface MatchingSettingsChange {
  company: string;
  /** A customer code of the company; without it, the company's own settings. */
  customer?: string;
  settings: MatchingOverrides;
  /** Forgets what was set at this level before applying `settings`. */
  reset?: boolean;
}

/**
 * Changes the settings of a company or of one of its customers after checking every value:
 * one wrong value and nothing is written. Returns the effective settings.
 */
export function updateMatchingSettings(
  store: Store,
  change: MatchingSettingsChange,
): MatchingSettingsView {
  const owner = requireOwner(store, change.company, change.customer);
  const changes = checkOverrides(
    change.settings,
    owner.customerId === null ? 'company' : 'customer',
  );
  store.sql.transaction(() => {
    const kept = change.reset === true ? {} : readOverrides(store, owner);
    const next = { ...kept, ...changes };
    // customer_id is NULL on a company's row, and UNIQUE lets NULLs repeat: replace by hand.
    store.sql
      .prepare('DELETE FROM matching_setting WHERE company_id = ? AND customer_id IS ?')
      .run(owner.companyId, owner.customerId);
    if (Object.keys(next).length === 0) return;
    store.sql
      .prepare(
        'INSERT INTO matching_setting (company_id, customer_id, settings_json) VALUES (?, ?, ?)',
      )
      .run(owner.companyId, owner.customerId, JSON.stringify(next));
  })();
  log.info('matching settings changed', {
    company: change.company,
    level: owner.customerId === null ? 'company' : 'customer',
    changed: Object.keys(changes),
    reset: change.reset === true,
  });
  return matchingSettingsView(store, change.company, change.customer);
}

/**
 * Checks settings given by a caller or read back from the database: known names only, the
 * threshold at company level only, each value in its range. The error names the field.
 */
export function checkOverrides(
  settings: unknown,
  level: 'company' | 'customer',
  /** Whose settings, for an error on a stored row. */
  owner?: string,
): MatchingOverrides {
  const prefix = owner === undefined ? '' : `settings of ${owner}: `;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new LettraError('matching.badSetting', `${prefix}expected an object of named values`);
  }
  const checked: MatchingOverrides = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    const fail = (why: string) => {
      throw new LettraError('matching.badSetting', prefix + why, {
        field: key,
        value: String(value),
      });
    };
    if (!(matchingSettingKeys as readonly string[]).includes(key)) {
      fail(`not a matching setting (${matchingSettingKeys.join(', ')})`);
    }
    if (key === 'autoThreshold' && level === 'customer') {
      fail('the automatic threshold is set per company, not per customer');
    }
    const [valid, expected] = expectations[key as MatchingSettingKey];
    if (typeof value !== 'number' || !Number.isFinite(value) || !valid(value)) {
      // Amounts are typed in euros: say which amount the cents are.
      const euros =
        key.endsWith('Cents') && Number.isSafeInteger(value)
          ? ` (${formatCentsFrench(value as number)})`
          : '';
      fail(`${JSON.stringify(value)}${euros} is not ${expected}`);
    }
    checked[key as MatchingSettingKey] = value as number;
  }
  return checked;
}

function resolve(
  base: MatchingSettings,
  company: MatchingOverrides,
  customer: MatchingOverrides,
): MatchingSettings {
  const settings = { ...base, ...company, ...customer };
  return company.autoThreshold === undefined
    ? settings
    : { ...settings, calibratedThresholds: undefined };
}

/** A company, or one of its customers: whose row of settings. */
interface Owner {
  companyId: number;
  companyCode: string;
  customerId: number | null;
  customerCode: string | null;
}

function requireOwner(store: Store, companyCode: string, customerCode?: string): Owner {
  const company = requireCompany(store, companyCode);
  const owner = { companyId: company.id, companyCode: company.code };
  if (customerCode === undefined) return { ...owner, customerId: null, customerCode: null };
  const customerId = store.sql
    .prepare('SELECT id FROM customer WHERE company_id = ? AND code = ?')
    .pluck()
    .get(company.id, customerCode) as number | undefined;
  if (customerId === undefined) {
    throw new LettraError(
      'customer.unknown',
      `company ${company.code} has no customer with the code ${customerCode}`,
      { field: 'customer', value: customerCode },
    );
  }
  return { ...owner, customerId, customerCode };
}

function readOverrides(store: Store, owner: Owner): MatchingOverrides {
  const json = store.sql
    .prepare('SELECT settings_json FROM matching_setting WHERE company_id = ? AND customer_id IS ?')
    .pluck()
    .get(owner.companyId, owner.customerId) as string | undefined;
  return json === undefined ? {} : parseRow({ ...owner, json });
}

type StoredRow = Owner & { json: string };

function readRows(store: Store): Array<StoredRow & { overrides: MatchingOverrides }> {
  const rows = store.sql
    .prepare(
      `SELECT s.company_id AS companyId, c.code AS companyCode, s.customer_id AS customerId,
         u.code AS customerCode, s.settings_json AS json
       FROM matching_setting s
       JOIN company c ON c.id = s.company_id
       LEFT JOIN customer u ON u.id = s.customer_id`,
    )
    .all() as StoredRow[];
  return rows.map((row) => ({ ...row, overrides: parseRow(row) }));
}

// A row is checked again as it is read: a value edited by hand must not steer the engine.
function parseRow(row: StoredRow): MatchingOverrides {
  const owner =
    row.customerId === null
      ? `company ${row.companyCode}`
      : `customer ${row.customerCode ?? row.customerId} of company ${row.companyCode}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.json);
  } catch {
    throw new LettraError('matching.badSetting', `settings of ${owner}: not JSON: ${row.json}`);
  }
  return checkOverrides(parsed, row.customerId === null ? 'company' : 'customer', owner);
}

function isCents(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
