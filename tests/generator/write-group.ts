import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeCamt } from './camt-writer.js';
import { writeCfonb } from './cfonb-writer.js';
import { csvFileName, openItemRows } from './csv-writer.js';
import { fecFileName, fecRows } from './fec-writer.js';
import { writeMt940 } from './mt940-writer.js';
import type { Company, GeneratedGroup, Manifest, Statement } from './types.js';

/**
 * Writes a generated group to a folder:
 *
 *   manifest.json                 what is where (relative paths)
 *   truth.json                    one record per credit transaction
 *   ledgers/<SIREN>FEC<date>.txt  FEC of the companies that export one
 *   ledgers/<code>_open_items_<date>.csv
 *   statements/<code>_<date>.cfo|.xml|.sta   one per company and day
 */

/** Groups items by a key, keeping their order. */
function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function statementText(company: Company, statement: Statement): string {
  if (statement.format === 'cfonb120') return writeCfonb(company, statement);
  if (statement.format === 'mt940') return writeMt940(company, statement);
  return writeCamt(company, statement);
}

/**
 * Writes rows to a file in chunks of about a megabyte, so a large ledger never exists as one
 * string. FEC exports come in ISO-8859-15 from some packages and UTF-8 from others, with CRLF;
 * the CSV of one package starts with a byte order mark, as spreadsheet exports do.
 */
function writeLedger(path: string, rows: Iterable<string>, company: Company, kind: 'fec' | 'csv') {
  const even = Number(company.code.slice(1)) % 2 === 0;
  const encoding = kind === 'fec' && even ? 'latin1' : 'utf8';
  const newline = kind === 'fec' ? '\r\n' : '\n';
  const descriptor = openSync(path, 'w');
  try {
    let chunk = kind === 'csv' && even ? '\ufeff' : '';
    for (const row of rows) {
      chunk += `${row}${newline}`;
      if (chunk.length < 1 << 20) continue;
      writeSync(descriptor, Buffer.from(chunk, encoding));
      chunk = '';
    }
    writeSync(descriptor, Buffer.from(chunk, encoding));
  } finally {
    closeSync(descriptor);
  }
}

/** Writes every file of the group under `folder` (created if needed) and returns the manifest. */
export function writeGroup(group: GeneratedGroup, folder: string): Manifest {
  mkdirSync(join(folder, 'ledgers'), { recursive: true });
  mkdirSync(join(folder, 'statements'), { recursive: true });
  const customers = byKey(group.customers, (customer) => customer.company);
  const invoices = byKey(group.invoices, (invoice) => invoice.company);
  const payments = byKey(group.payments, (payment) => payment.company);

  const manifest: Manifest = {
    seed: group.seed,
    ledgerDate: group.ledgerDate,
    companies: group.companies.map((company) => ({
      code: company.code,
      name: company.name,
      siren: company.siren,
      iban: company.iban,
      bankCode: company.bankCode,
      branchCode: company.branchCode,
      accountNumber: company.accountNumber,
    })),
    ledgers: [],
    statements: [],
    truth: 'truth.json',
  };

  for (const company of group.companies) {
    const own = customers.get(company.code) ?? [];
    const items = invoices.get(company.code) ?? [];
    const file =
      company.ledgerFormat === 'fec'
        ? join('ledgers', fecFileName(company, group.ledgerDate))
        : join('ledgers', csvFileName(company, group.ledgerDate));
    const rows =
      company.ledgerFormat === 'fec'
        ? fecRows(company, own, items, payments.get(company.code) ?? [])
        : openItemRows(company, own, items);
    writeLedger(join(folder, file), rows, company, company.ledgerFormat);
    manifest.ledgers.push({ company: company.code, file, format: company.ledgerFormat });
  }

  const companies = new Map(group.companies.map((company) => [company.code, company]));
  for (const statement of group.statements) {
    const company = companies.get(statement.company);
    if (!company) throw new Error(`statement of unknown company ${statement.company}`);
    const file = join('statements', statement.file);
    writeFileSync(join(folder, file), statementText(company, statement));
    manifest.statements.push({
      company: statement.company,
      file,
      format: statement.format.startsWith('camt')
        ? 'camt.053'
        : (statement.format as 'cfonb120' | 'mt940'),
      schema: statement.format,
      day: statement.day,
    });
  }

  writeFileSync(join(folder, 'truth.json'), `${JSON.stringify(group.truth, null, 1)}\n`);
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
