import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import type { AccountReference } from '../imports/statement-types.js';
import { createLogger } from '../log/logger.js';
import { isValidIban, normalizeIban, ribFromIban } from './iban.js';

const log = createLogger('companies');

export interface NewCompany {
  code: string;
  name: string;
  iban: string;
  siren?: string;
}

export interface CompanySummary {
  code: string;
  name: string;
  siren: string | null;
  ibans: string[];
}

export interface CompanyAccount {
  companyId: number;
  companyCode: string;
  bankAccountId: number;
}

/** Registers a company of the group with its first bank account. */
export function addCompany(store: Store, company: NewCompany): CompanySummary {
  const code = company.code.trim();
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) {
    throw new LettraError(
      'input.malformed',
      `"${company.code}" is not a company code (letters, digits, - or _)`,
      {
        field: 'code',
        value: company.code,
      },
    );
  }
  const iban = normalizeIban(company.iban);
  if (!isValidIban(iban)) {
    throw new LettraError('company.badIban', `"${company.iban}" is not a valid IBAN`, {
      field: 'iban',
      value: company.iban,
    });
  }
  const siren = company.siren?.replace(/\s/g, '');
  if (siren !== undefined && !/^\d{9}$/.test(siren)) {
    throw new LettraError('input.malformed', `"${company.siren}" is not a SIREN (9 digits)`, {
      field: 'siren',
      value: company.siren,
    });
  }
  const { sql } = store;
  const sameSiren =
    siren === undefined
      ? undefined
      : (sql.prepare('SELECT code FROM company WHERE siren = ?').pluck().get(siren) as
          | string
          | undefined);
  if (sameSiren !== undefined) {
    throw new LettraError(
      'company.duplicate',
      `SIREN ${siren} already belongs to company ${sameSiren}`,
      {
        field: 'siren',
        value: siren,
      },
    );
  }
  const existing = sql.prepare('SELECT code FROM company WHERE code = ?').get(code);
  if (existing !== undefined) {
    throw new LettraError('company.duplicate', `company ${code} already exists`, { value: code });
  }
  const owner = sql
    .prepare(
      `SELECT c.code FROM bank_account a JOIN company c ON c.id = a.company_id WHERE a.iban = ?`,
    )
    .pluck()
    .get(iban) as string | undefined;
  if (owner !== undefined) {
    throw new LettraError('company.duplicate', `IBAN ${iban} already belongs to company ${owner}`, {
      field: 'iban',
      value: iban,
    });
  }
  const rib = ribFromIban(iban);
  sql.transaction(() => {
    const { lastInsertRowid } = sql
      .prepare('INSERT INTO company (code, name, siren, created_at) VALUES (?, ?, ?, ?)')
      .run(code, company.name.trim(), siren ?? null, new Date().toISOString());
    sql
      .prepare(
        `INSERT INTO bank_account (company_id, iban, bank_code, branch_code, account_number)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        lastInsertRowid,
        iban,
        rib?.bankCode ?? null,
        rib?.branchCode ?? null,
        rib?.accountNumber ?? null,
      );
  })();
  log.info('company added', { code });
  return { code, name: company.name.trim(), siren: siren ?? null, ibans: [iban] };
}

/** Every company of the group with its bank accounts, by code. */
export function listCompanies(store: Store): CompanySummary[] {
  const rows = store.sql
    .prepare(
      `SELECT c.code, c.name, c.siren, group_concat(a.iban, ' ') AS ibans
       FROM company c LEFT JOIN bank_account a ON a.company_id = c.id
       GROUP BY c.id ORDER BY c.code`,
    )
    .all() as Array<{ code: string; name: string; siren: string | null; ibans: string | null }>;
  return rows.map((row) => ({ ...row, ibans: row.ibans ? row.ibans.split(' ') : [] }));
}

/** The company by its code, or an error naming the code. */
export function requireCompany(store: Store, code: string): { id: number; code: string } {
  const row = store.sql.prepare('SELECT id, code FROM company WHERE code = ?').get(code) as
    | { id: number; code: string }
    | undefined;
  if (row === undefined) {
    throw new LettraError('company.unknown', `no company has the code ${code}`, { value: code });
  }
  return row;
}

/** The company that owns the account a statement names, if any. */
export function findAccountOwner(
  store: Store,
  account: AccountReference,
): CompanyAccount | undefined {
  const { sql } = store;
  const select = `SELECT a.id AS bankAccountId, c.id AS companyId, c.code AS companyCode
    FROM bank_account a JOIN company c ON c.id = a.company_id`;
  const iban = account.iban === undefined ? undefined : normalizeIban(account.iban);
  if (iban !== undefined) {
    const byIban = sql.prepare(`${select} WHERE a.iban = ?`).get(iban);
    if (byIban !== undefined) return byIban as CompanyAccount;
  }
  const rib =
    iban === undefined ? (ribFromText(account.otherId) ?? account) : (ribFromIban(iban) ?? account);
  if (rib.bankCode && rib.branchCode && rib.accountNumber) {
    const byRib = sql
      .prepare(`${select} WHERE a.bank_code = ? AND a.branch_code = ? AND a.account_number = ?`)
      .get(rib.bankCode, rib.branchCode, rib.accountNumber);
    if (byRib !== undefined) return byRib as CompanyAccount;
  }
  // Some banks name the account by its bare number (camt Othr/Id, MT940 :25:).
  const bare = bareAccountId(account.otherId ?? account.accountNumber);
  if (bare) {
    // The IBAN ends with the account number, followed in France by the two-digit RIB key.
    const byNumber = sql
      .prepare(
        `${select} WHERE a.account_number = ?
           OR (length(?) >= 8 AND (a.iban LIKE '%' || ? OR a.iban LIKE '%' || ? || '__'))`,
      )
      .get(bare, bare, bare, bare);
    if (byNumber !== undefined) return byNumber as CompanyAccount;
  }
  return undefined;
}

/**
 * Records a bank account that a statement names as belonging to `companyId`, when the clerk
 * says so with `--company`. Returns the account id.
 */
export function attachAccount(store: Store, companyId: number, account: AccountReference): number {
  const iban = account.iban === undefined ? null : normalizeIban(account.iban);
  const rib = iban === null ? ribFromText(account.otherId) : ribFromIban(iban);
  const bankCode = rib?.bankCode ?? account.bankCode ?? null;
  const branchCode = rib?.branchCode ?? account.branchCode ?? null;
  const accountNumber =
    rib?.accountNumber ?? account.accountNumber ?? bareAccountId(account.otherId) ?? null;
  const { lastInsertRowid } = store.sql
    .prepare(
      `INSERT INTO bank_account (company_id, iban, bank_code, branch_code, account_number)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(companyId, iban, bankCode, branchCode, accountNumber);
  return Number(lastInsertRowid);
}

function bareAccountId(text: string | undefined): string | undefined {
  return text?.replace(/\s/g, '');
}

// French banks write the account of an MT940 :25: as "18206/00045/60123456789" or
// "18206 00045 60123456789 12": bank, branch and account number, maybe with the RIB key.
function ribFromText(text: string | undefined): AccountReference | undefined {
  const parts = /^(\d{5})\W*(\d{5})\W*([A-Z0-9]{11})(?:\W*\d{2})?$/i.exec(text?.trim() ?? '');
  if (parts === null) return undefined;
  return { bankCode: parts[1], branchCode: parts[2], accountNumber: parts[3]?.toUpperCase() };
}
