import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import {
  attachAccount,
  findAccountOwner,
  requireCompany,
  type CompanyAccount,
} from '../companies/company-service.js';
import { isValidIban, normalizeIban } from '../companies/iban.js';
import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import { parseCamt } from './camt.js';
import { parseCfonb120 } from './cfonb120.js';
import { detectFormat } from './detect-format.js';
import { parseMt940 } from './mt940.js';
import { readInputFile } from './read-input-file.js';
import { fingerprintTransactions } from './statement-fingerprint.js';
import type { AccountReference, ParsedStatement, ParsedStatementFile } from './statement-types.js';
import { formatCentsPlain } from '../money/cents.js';

const log = createLogger('imports');

export interface StatementImportResult {
  file: string;
  format: string;
  companies: string[];
  transactions: number;
  imported: number;
  duplicates: number;
  /**
   * Worth a look: statements whose balances do not reconcile with their movements, or whose
   * account IBAN has wrong check digits.
   */
  warnings: string[];
}

/** Reads a statement in any supported format, told from its content. */
export function parseStatementFile(bytes: Uint8Array, path: string): ParsedStatementFile {
  const name = basename(path);
  const format = detectFormat(bytes, path);
  switch (format) {
    case 'cfonb120':
      return parseCfonb120(bytes, name);
    case 'camt.053':
    case 'camt.054':
      return parseCamt(bytes, name);
    case 'mt940':
      return parseMt940(bytes, name);
    case 'fec':
    case 'csv':
      throw new LettraError(
        'file.unknownFormat',
        `this is a ${format.toUpperCase()} ledger, not a bank statement: use "import ledger"`,
        { file: name },
      );
  }
}

/**
 * Imports statement files into the mirror, all of them in one transaction: every file is
 * parsed and every account resolved before anything is written, and a transaction already
 * imported (same file again, or an overlapping file) is skipped.
 */
export function importStatements(
  store: Store,
  paths: string[],
  options: { companyCode?: string; onProgress?: (done: number, total: number) => void } = {},
): StatementImportResult[] {
  const parsed = paths.map((path) => {
    const bytes = readInputFile(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { path, sha256, file: parseStatementFile(bytes, path) };
  });
  const fallbackCompany =
    options.companyCode === undefined ? undefined : requireCompany(store, options.companyCode);
  const { sql } = store;
  const insertFile = sql.prepare(
    `INSERT INTO import_file (kind, format, file_name, sha256, company_id, imported_at,
       record_count, new_record_count) VALUES ('statement', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStatement = sql.prepare(
    `INSERT INTO statement (import_file_id, company_id, bank_account_id, bank_statement_id,
       currency, opening_date, opening_cents, closing_date, closing_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTransaction = sql.prepare(
    `INSERT OR IGNORE INTO bank_transaction (company_id, bank_account_id, statement_id,
       source_file, source_index, source_line, booking_date, value_date, amount_cents, currency,
       payer_name, payer_iban, ultimate_payer_name, remittance, references_json, details_json,
       end_to_end_id, bank_reference, operation_code, reversal, charges_cents, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateFileCounts = sql.prepare(
    'UPDATE import_file SET record_count = ?, new_record_count = ? WHERE id = ?',
  );

  const run = sql.transaction(() => {
    const results: StatementImportResult[] = [];
    for (const [position, { path, sha256, file }] of parsed.entries()) {
      const name = basename(path);
      const owners = file.statements.map((statement) =>
        resolveAccount(store, statement.account, name, fallbackCompany),
      );
      const fileId = insertFile.run(
        file.format,
        name,
        sha256,
        owners[0]?.companyId ?? null,
        new Date().toISOString(),
        0,
        0,
      ).lastInsertRowid;
      let transactions = 0;
      let imported = 0;
      const warnings = file.statements.flatMap((statement, index) => [
        ...invalidIbanWarning(store, statement, owners[index] as ResolvedAccount, name),
        ...balanceWarning(statement),
      ]);
      for (const [index, statement] of file.statements.entries()) {
        const owner = owners[index] as ResolvedAccount;
        const statementId = insertStatement.run(
          fileId,
          owner.companyId,
          owner.bankAccountId,
          statement.statementId ?? null,
          statement.currency,
          statement.openingBalance?.date ?? null,
          statement.openingBalance?.amountCents ?? null,
          statement.closingBalance?.date ?? null,
          statement.closingBalance?.amountCents ?? null,
        ).lastInsertRowid;
        const fingerprints = fingerprintTransactions(owner.bankAccountId, statement.transactions);
        for (const [rank, transaction] of statement.transactions.entries()) {
          const { changes } = insertTransaction.run(
            owner.companyId,
            owner.bankAccountId,
            statementId,
            name,
            transaction.index,
            transaction.line,
            transaction.bookingDate,
            transaction.valueDate ?? null,
            transaction.amountCents,
            transaction.currency,
            transaction.payerName ?? null,
            transaction.payerIban ?? null,
            transaction.ultimatePayerName ?? null,
            transaction.remittance,
            JSON.stringify(transaction.references),
            JSON.stringify(transaction.details),
            transaction.endToEndId ?? null,
            transaction.bankReference ?? null,
            transaction.operationCode ?? null,
            transaction.reversal ? 1 : 0,
            transaction.chargesCents ?? null,
            fingerprints[rank],
          );
          transactions += 1;
          imported += changes;
        }
      }
      updateFileCounts.run(transactions, imported, fileId);
      const companies = [...new Set(owners.map((owner) => owner.companyCode))];
      log.info('statement imported', { file: name, format: file.format, transactions, imported });
      results.push({
        file: name,
        format: file.format,
        companies,
        transactions,
        imported,
        duplicates: transactions - imported,
        warnings,
      });
      options.onProgress?.(position + 1, parsed.length);
    }
    return results;
  });
  return run();
}

/** The company account a statement goes to, and whether the import has just attached it. */
interface ResolvedAccount extends CompanyAccount {
  attached: boolean;
}

function resolveAccount(
  store: Store,
  account: AccountReference,
  file: string,
  fallbackCompany: { id: number; code: string } | undefined,
): ResolvedAccount {
  // A registered account always goes to its owner; --company only names unknown ones.
  const owner = findAccountOwner(store, account);
  if (owner !== undefined) return { ...owner, attached: false };
  if (fallbackCompany === undefined) {
    // `company add` refuses such an IBAN, so only --company can take the file as it is.
    const advice = hasInvalidIban(account)
      ? ', and its IBAN is invalid (wrong check digits): check the file with the bank, or ' +
        'name the company with --company to import it as it is'
      : '; add it to a company or name the company with --company';
    throw new LettraError(
      'account.unknown',
      `account ${describeAccount(account)} belongs to no company${advice}`,
      { file, field: 'account' },
    );
  }
  const bankAccountId = attachAccount(store, fallbackCompany.id, account);
  log.info('bank account attached', { file, company: fallbackCompany.code });
  return {
    companyId: fallbackCompany.id,
    companyCode: fallbackCompany.code,
    bankAccountId,
    attached: true,
  };
}

function hasInvalidIban(account: AccountReference): boolean {
  return account.iban !== undefined && !isValidIban(account.iban);
}

// A bank writes its customers' IBANs right, so wrong check digits mean a file typed, edited
// or damaged on the way. The account is still found by its bank, branch and account number
// (as a CFONB 120 names it) or taken from --company, and the movements are imported, as with
// balances that do not reconcile; but the clerk is told which company the statement went to.
function invalidIbanWarning(
  store: Store,
  statement: ParsedStatement,
  owner: ResolvedAccount,
  file: string,
): string[] {
  const { iban } = statement.account;
  if (iban === undefined || isValidIban(iban)) return [];
  const registered = store.sql
    .prepare('SELECT iban FROM bank_account WHERE id = ?')
    .pluck()
    .get(owner.bankAccountId) as string | null;
  const where = owner.attached
    ? `it was attached to ${owner.companyCode} as --company says`
    : registered === null || registered === normalizeIban(iban)
      ? `it went to ${owner.companyCode}, which has this account`
      : `it went to ${owner.companyCode}, whose account ${registered} has the same bank, ` +
        'branch and account number';
  log.warn('statement account with an invalid IBAN', { file, company: owner.companyCode });
  const name = statement.statementId === undefined ? '' : ` ${statement.statementId}`;
  return [
    `statement${name} names its account by the IBAN ${iban}, which is invalid (wrong check ` +
      `digits): ${where}; check the file with the bank`,
  ];
}

function describeAccount(account: AccountReference): string {
  if (account.iban) return account.iban;
  if (account.bankCode && account.accountNumber) {
    return `${account.bankCode} ${account.branchCode ?? ''} ${account.accountNumber}`;
  }
  return account.otherId ?? account.accountNumber ?? '(unnamed)';
}

// A bank's balances that do not reconcile mean a missing or cut file; the movements are
// imported all the same, as the bank reported them, and the clerk is told.
function balanceWarning(statement: ParsedStatement): string[] {
  const { openingBalance, closingBalance } = statement;
  if (openingBalance === undefined || closingBalance === undefined) return [];
  const moved = statement.transactions.reduce(
    (sum, transaction) => sum + transaction.amountCents,
    0,
  );
  const expected = openingBalance.amountCents + moved;
  if (expected === closingBalance.amountCents) return [];
  const name = statement.statementId === undefined ? '' : ` ${statement.statementId}`;
  return [
    `statement${name} of ${describeAccount(statement.account)} does not reconcile: opening ` +
      `${formatCentsPlain(openingBalance.amountCents)} + movements ${formatCentsPlain(moved)} = ` +
      `${formatCentsPlain(expected)}, but the closing balance is ${formatCentsPlain(closingBalance.amountCents)}`,
  ];
}
