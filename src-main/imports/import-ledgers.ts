import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { recordLedgerFacts } from '../accounting/ledger-facts.js';
import { requireCompany } from '../companies/company-service.js';
import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import { detectFormat } from './detect-format.js';
import {
  ledgerDateOf,
  refuseOlderLedger,
  refuseOwnBatch,
  unbalancedWarnings,
} from './ledger-guards.js';
import { parseFec } from './fec.js';
import type { LedgerOpenItem, ParsedLedger } from './ledger-types.js';
import { parseOpenItemsCsv } from './open-items-csv.js';
import { readInputFile } from './read-input-file.js';

const log = createLogger('imports');

export interface LedgerImportResult {
  file: string;
  format: string;
  companies: string[];
  customers: number;
  openItems: number;
  closedItems: number;
  /** Invoices the ledger shows as paid: a transfer naming one of them pays it twice. */
  settledInvoices: number;
  /** Receipts set aside: the accounting settled their documents before Lettra exported them. */
  setAside: number;
  /** Lettrage codes Lettra had not exported yet, renumbered above the package's. */
  renumbered: number;
  /** What the file holds that looks wrong but was imported (an unbalanced entry). */
  warnings: string[];
}

/** Reads a customer ledger (FEC or the open-items CSV), told from its content. */
export function parseLedgerFile(bytes: Uint8Array, path: string): ParsedLedger {
  const name = basename(path);
  const format = detectFormat(bytes, path);
  if (format === 'fec') return parseFec(bytes, name);
  if (format === 'csv') return parseOpenItemsCsv(bytes, name);
  throw new LettraError(
    'file.unknownFormat',
    `this is a ${format} bank statement, not a ledger: use "import statement"`,
    { file: name },
  );
}

/**
 * Imports customer ledgers, all files in one transaction. Each file is the state of the
 * accounting for the companies it covers: its open items replace theirs, and an item it no
 * longer lists was settled in the accounting and is closed here.
 */
export function importLedgers(
  store: Store,
  paths: string[],
  options: { companyCode?: string; onProgress?: (done: number, total: number) => void } = {},
): LedgerImportResult[] {
  const files = paths.map((path) => {
    const bytes = readInputFile(path);
    const name = basename(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    refuseOwnBatch(store, name, sha256);
    const ledger = parseLedgerFile(bytes, path);
    refuseOwnBatch(store, name, sha256, ledger);
    return { name, sha256, ledger };
  });
  const resolved = files.map((file) => ({
    ...file,
    byCompany: splitByCompany(store, file.ledger, file.name, options.companyCode),
  }));
  const { sql } = store;
  // The collective account is kept when the ledger names one: lettrage must use the same.
  const setSiren = sql.prepare('UPDATE customer SET siren = ? WHERE id = ?');
  const linkIban = sql.prepare(
    `INSERT INTO learned_fact (kind, key, customer_id, source, created_at, updated_at)
     VALUES ('iban', ?, ?, 'ledger', ?, ?) ON CONFLICT (kind, key, customer_id) DO NOTHING`,
  );
  const companyCodes = new Map<number, string>();
  const companyCodeOf = (id: number): string => {
    let code = companyCodes.get(id);
    if (code === undefined) {
      code = sql.prepare('SELECT code FROM company WHERE id = ?').pluck().get(id) as string;
      companyCodes.set(id, code);
    }
    return code;
  };
  const upsertCustomer = sql.prepare(
    `INSERT INTO customer (company_id, code, name, account) VALUES (?, ?, ?, ?)
     ON CONFLICT (company_id, code) DO UPDATE SET name = excluded.name,
       account = coalesce(excluded.account, customer.account) RETURNING id`,
  );
  const closeCompanyItems = sql.prepare(
    'UPDATE invoice SET ledger_open_cents = 0 WHERE company_id = ? AND ledger_open_cents <> 0',
  );
  const upsertItem = sql.prepare(
    `INSERT INTO invoice (company_id, customer_id, number, kind, issue_date, due_date,
       amount_cents, ledger_open_cents, source_file, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (company_id, customer_id, number, kind) DO UPDATE SET
       issue_date = excluded.issue_date, due_date = excluded.due_date,
       amount_cents = excluded.amount_cents, ledger_open_cents = excluded.ledger_open_cents,
       source_file = excluded.source_file, source_line = excluded.source_line`,
  );
  const upsertSettledInvoice = sql.prepare(
    `INSERT INTO settled_invoice (company_id, customer_code, number, amount_cents, issue_date)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (company_id, number) DO UPDATE SET customer_code = excluded.customer_code,
       amount_cents = excluded.amount_cents, issue_date = excluded.issue_date`,
  );
  const openIds = sql
    .prepare('SELECT id FROM invoice WHERE company_id = ? AND ledger_open_cents <> 0')
    .pluck();
  const insertFile = sql.prepare(
    `INSERT INTO import_file (kind, format, file_name, sha256, company_id, imported_at,
       record_count, new_record_count, ledger_date) VALUES ('ledger', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const run = sql.transaction(() =>
    resolved.map(({ name, sha256, ledger, byCompany }, position) => {
      let closedItems = 0;
      let openItems = 0;
      let settledInvoices = 0;
      let customers = 0;
      let setAside = 0;
      let renumbered = 0;
      for (const [companyId, items] of byCompany) {
        const ledgerDate = ledgerDateOf(ledger, items);
        refuseOlderLedger(store, companyId, name, ledgerDate);
        const openBefore = openIds.all(companyId) as number[];
        closeCompanyItems.run(companyId);
        const customerIds = new Map<string, number>();
        const identifiers = new Map(
          ledger.customers.map((customer) => [
            `${customer.company ?? ''}\u0000${customer.code}`,
            customer,
          ]),
        );
        const customerNames = new Map(ledger.customers.map((c) => [c.code, c.name]));
        const accounts = new Map(ledger.customers.map((c) => [c.code, c.account]));
        for (const item of items) {
          customerNames.set(item.customerCode, item.customerName);
          if (item.account !== undefined) accounts.set(item.customerCode, item.account);
        }
        for (const [code, customerName] of customerNames) {
          if (ledger.format === 'csv' && !items.some((item) => item.customerCode === code)) {
            continue;
          }
          const account = accounts.get(code) ?? null;
          const id = upsertCustomer.pluck().get(companyId, code, customerName, account) as number;
          customerIds.set(code, id);
          const known =
            identifiers.get(`${companyCodeOf(companyId)}\u0000${code}`) ??
            identifiers.get(`\u0000${code}`);
          if (known?.siren !== undefined) setSiren.run(known.siren, id);
          // An IBAN the ledger gives for a customer is the surest way to know its transfers.
          if (known?.iban !== undefined) {
            const now = new Date().toISOString();
            linkIban.run(known.iban, id, now, now);
          }
        }
        customers += customerIds.size;
        for (const item of items) {
          upsertItem.run(
            companyId,
            customerIds.get(item.customerCode),
            item.number,
            item.kind,
            item.issueDate,
            item.dueDate ?? null,
            item.amountCents,
            item.openAmountCents,
            name,
            item.line,
          );
        }
        // A FEC is one company's ledger, and the CSV lists no settled invoice.
        for (const invoice of ledger.settledInvoices) {
          upsertSettledInvoice.run(
            companyId,
            invoice.customerCode,
            invoice.number,
            invoice.amountCents,
            invoice.issueDate,
          );
        }
        settledInvoices += ledger.settledInvoices.length;
        const openAfter = new Set(openIds.all(companyId) as number[]);
        openItems += openAfter.size;
        closedItems += openBefore.filter((id) => !openAfter.has(id)).length;
        const importFileId = Number(
          insertFile.run(
            ledger.format,
            name,
            sha256,
            companyId,
            new Date().toISOString(),
            ledger.lineCount,
            items.length,
            ledgerDate ?? null,
          ).lastInsertRowid,
        );
        const facts = recordLedgerFacts(store, { companyId, importFileId, ledger, items });
        setAside += facts.setAside;
        renumbered += facts.renumbered;
      }
      const companies = [...byCompany.keys()].map(
        (id) => sql.prepare('SELECT code FROM company WHERE id = ?').pluck().get(id) as string,
      );
      log.info('ledger imported', { file: name, companies, openItems });
      options.onProgress?.(position + 1, resolved.length);
      const warnings = unbalancedWarnings(ledger);
      if (warnings.length > 0)
        log.warn('ledger with unbalanced entries', { file: name, count: warnings.length });
      return {
        file: name,
        format: ledger.format,
        companies,
        customers,
        openItems,
        closedItems,
        settledInvoices,
        setAside,
        renumbered,
        warnings,
      };
    }),
  );
  return run();
}

function splitByCompany(
  store: Store,
  ledger: ParsedLedger,
  file: string,
  companyCode: string | undefined,
): Map<number, LedgerOpenItem[]> {
  const fallback = companyCode === undefined ? undefined : requireCompany(store, companyCode);
  const bySiren =
    ledger.siren === undefined
      ? undefined
      : (store.sql.prepare('SELECT id, code FROM company WHERE siren = ?').get(ledger.siren) as
          | { id: number; code: string }
          | undefined);
  const groups = new Map<number, LedgerOpenItem[]>();
  const seen = new Map<string, number>();
  for (const item of ledger.items) {
    let company = fallback ?? bySiren;
    if (item.company !== undefined && item.company !== '') {
      company = requireCompanyAt(store, item.company, file, item.line);
    }
    if (company === undefined) {
      throw new LettraError(
        'company.unknown',
        ledger.siren === undefined
          ? 'the file does not say which company it belongs to: name it with --company'
          : `no company has the SIREN ${ledger.siren} of the file name: name it with --company`,
        { file },
      );
    }
    // The same item twice in one ledger is a mistake in the export, not two items.
    const key = [company.id, item.customerCode, item.number, item.kind].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      throw new LettraError(
        'input.malformed',
        `${item.number} of customer ${item.customerCode} is already on line ${first}`,
        { file, line: item.line, field: 'invoice' },
      );
    }
    seen.set(key, item.line);
    const items = groups.get(company.id) ?? [];
    items.push(item);
    groups.set(company.id, items);
  }
  // A ledger with no open item still closes everything of its company.
  const owner = fallback ?? bySiren;
  if (ledger.items.length === 0 && owner !== undefined) groups.set(owner.id, []);
  return groups;
}

function requireCompanyAt(store: Store, code: string, file: string, line: number) {
  try {
    return requireCompany(store, code);
  } catch {
    throw new LettraError('company.unknown', `no company has the code ${code}`, {
      file,
      line,
      field: 'company',
    });
  }
}
