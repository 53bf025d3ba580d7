import { requireCompany } from '../companies/company-service.js';
import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import type { Cents } from '../money/cents.js';

/** The accounts and journals a company's receipts are posted to. */
export interface PostingSettings {
  /** Journal of the receipt entries (bank journal). */
  journalCode: string;
  journalLabel: string;
  /** Journal of the entry a company books when another company of the group received its money. */
  transferJournalCode: string;
  transferJournalLabel: string;
  bankAccount: string;
  /** Customer collective account, used when the ledger did not say which one a customer is on. */
  customerAccount: string;
  priceRevisionAccount: string;
  bankFeeAccount: string;
  writeOffLossAccount: string;
  writeOffGainAccount: string;
  /** The largest difference written off without a clerk; above it the engine's allocation waits. */
  writeOffMaxCents: Cents;
  onAccountAccount: string;
  /** Group current account; the other company's code is its auxiliary account. */
  intercompanyAccount: string;
  /** Where money on account goes when no customer is known. */
  suspenseAccount: string;
}

/**
 * French defaults (Plan comptable général). A price revision stays on the customer's 411
 * account, unlettered, until the revision invoice is booked: the revision is taxable, so
 * crediting a revenue account with an amount including VAT would misstate both; a company
 * that accounts for it otherwise sets a 7 account.
 */
export const defaultPostingSettings: PostingSettings = {
  journalCode: 'BQ',
  journalLabel: 'Banque',
  transferJournalCode: 'OD',
  transferJournalLabel: 'Opérations diverses',
  bankAccount: '512000',
  customerAccount: '411000',
  priceRevisionAccount: '411000',
  bankFeeAccount: '627000',
  writeOffLossAccount: '658000',
  writeOffGainAccount: '758000',
  writeOffMaxCents: 500,
  onAccountAccount: '419100',
  intercompanyAccount: '451000',
  suspenseAccount: '471000',
};

// Which class of the chart each account must belong to, by the prefixes allowed.
const accountClasses: Partial<Record<keyof PostingSettings, string[]>> = {
  bankAccount: ['5'],
  customerAccount: ['41'],
  priceRevisionAccount: ['41', '7'],
  bankFeeAccount: ['6'],
  writeOffLossAccount: ['6'],
  writeOffGainAccount: ['7'],
  onAccountAccount: ['41'],
  intercompanyAccount: ['45'],
  suspenseAccount: ['47'],
};

const columns: Record<keyof PostingSettings, string> = {
  journalCode: 'journal_code',
  journalLabel: 'journal_label',
  transferJournalCode: 'transfer_journal_code',
  transferJournalLabel: 'transfer_journal_label',
  bankAccount: 'bank_account',
  customerAccount: 'customer_account',
  priceRevisionAccount: 'price_revision_account',
  bankFeeAccount: 'bank_fee_account',
  writeOffLossAccount: 'write_off_loss_account',
  writeOffGainAccount: 'write_off_gain_account',
  writeOffMaxCents: 'write_off_max_cents',
  onAccountAccount: 'on_account_account',
  intercompanyAccount: 'intercompany_account',
  suspenseAccount: 'suspense_account',
};
const keys = Object.keys(columns) as Array<keyof PostingSettings>;

/** The settings of a company by id: what the clerk set, the defaults for the rest. */
export function loadPostingSettings(store: Store, companyId: number): PostingSettings {
  const select = keys.map((key) => `${columns[key]} AS ${key}`).join(', ');
  const row = store.sql
    .prepare(`SELECT ${select} FROM posting_settings WHERE company_id = ?`)
    .get(companyId) as PostingSettings | undefined;
  return row ?? { ...defaultPostingSettings };
}

/** The settings of a company by code. */
export function companyPostingSettings(store: Store, companyCode: string): PostingSettings {
  return loadPostingSettings(store, requireCompany(store, companyCode).id);
}

/**
 * Changes some settings of a company after checking them: accounts in the class of the chart
 * their use requires, journal codes short and plain, a non-negative threshold.
 */
export function updatePostingSettings(
  store: Store,
  companyCode: string,
  changes: Partial<PostingSettings>,
): PostingSettings {
  const company = requireCompany(store, companyCode);
  const settings = { ...loadPostingSettings(store, company.id) };
  for (const key of keys) {
    const value = changes[key];
    if (value === undefined) continue;
    checkSetting(key, value);
    (settings as Record<string, string | number>)[key] = value;
  }
  const names = keys.map((key) => columns[key]);
  store.sql
    .prepare(
      `INSERT OR REPLACE INTO posting_settings (company_id, ${names.join(', ')}, updated_at)
       VALUES (?, ${names.map(() => '?').join(', ')}, ?)`,
    )
    .run(company.id, ...keys.map((key) => settings[key]), new Date().toISOString());
  return settings;
}

function checkSetting(key: keyof PostingSettings, value: string | number): void {
  const fail = (why: string) => {
    throw new LettraError('accounting.badSetting', `${key} ${JSON.stringify(value)}: ${why}`, {
      field: key,
      value: String(value),
    });
  };
  if (key === 'writeOffMaxCents') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      fail('a threshold is a whole, non-negative number of cents');
    }
    return;
  }
  if (typeof value !== 'string') return fail('expected text');
  if (key === 'journalLabel' || key === 'transferJournalLabel') {
    if (value.trim() === '' || /[\t\r\n]/.test(value)) fail('a label is one line of text');
    return;
  }
  if (key === 'journalCode' || key === 'transferJournalCode') {
    if (!/^[A-Z0-9]{1,6}$/.test(value)) fail('a journal code is 1 to 6 capital letters or digits');
    return;
  }
  if (!/^[1-8]\d{2}[0-9A-Z]{0,17}$/.test(value)) fail('an account number starts with 3 digits');
  const prefixes = accountClasses[key] ?? [];
  if (!prefixes.some((prefix) => value.startsWith(prefix))) {
    fail(`this account must start with ${prefixes.join(' or ')}`);
  }
}

// Titles of the Plan comptable général, longest prefix first, for CompteLib.
const accountTitles: Array<[string, string]> = [
  ['4191', 'Clients - Avances et acomptes reçus sur commandes'],
  ['411', 'Clients'],
  ['419', 'Clients créditeurs'],
  ['41', 'Clients et comptes rattachés'],
  ['451', 'Groupe'],
  ['471', 'Compte d’attente'],
  ['512', 'Banques'],
  ['627', 'Services bancaires et assimilés'],
  ['658', 'Charges diverses de gestion courante'],
  ['706', 'Prestations de services'],
  ['707', 'Ventes de marchandises'],
  ['708', 'Produits des activités annexes'],
  ['758', 'Produits divers de gestion courante'],
];

/** The PCG title of an account, for the CompteLib column. */
export function accountLabel(account: string): string {
  const known = accountTitles
    .filter(([prefix]) => account.startsWith(prefix))
    .sort((a, b) => b[0].length - a[0].length)[0];
  return known?.[1] ?? `Compte ${account}`;
}

/** Accounts of third parties (class 4 customers and group) carry an auxiliary account. */
export function takesCustomerAuxiliary(account: string): boolean {
  return account.startsWith('41');
}
