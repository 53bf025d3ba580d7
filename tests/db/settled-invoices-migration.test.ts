import { describe, expect, it } from 'vitest';
import { SettledInvoices1764806800000 } from '../../migrations/0005-settled-invoices.js';
import type { Store } from '../../src-main/db/store.js';
import { migrationDatabases } from '../support/migration-databases.js';

const databases = migrationDatabases();

function hasTable(store: Store): boolean {
  return (
    store.sql
      .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .pluck()
      .get('settled_invoice') === 1
  );
}

const insertSettled = `INSERT INTO settled_invoice
  (company_id, customer_code, number, amount_cents, issue_date) VALUES (?, ?, ?, ?, ?)`;

describe('migration 0005: settled invoices', () => {
  it('creates settled_invoice on an empty database, one row per company and number', async () => {
    const store = await databases.open();
    store.sql.exec(`INSERT INTO company (id, code, name, created_at) VALUES
      (1, 'C01', 'Alpha', '2026-01-01'), (2, 'C02', 'Beta', '2026-01-01')`);
    const insert = store.sql.prepare(insertSettled);

    insert.run(1, '411A', 'F-1', 12_050, '2026-10-01');
    insert.run(2, '411B', 'F-1', 9_900, '2026-10-02');

    expect(() => insert.run(1, '411C', 'F-1', 100, '2026-10-03')).toThrow(/UNIQUE/);
    expect(() => insert.run(9, '411A', 'F-2', 100, '2026-10-03')).toThrow(/FOREIGN KEY/);
    expect(store.sql.prepare('SELECT count(*) FROM settled_invoice').pluck().get()).toBe(2);
  });

  it('brings a database filled by the fourth migration up to date, keeping its invoices', async () => {
    const path = await databases.older(4, async (run) => {
      for (const statement of [
        `INSERT INTO company (id, code, name, created_at) VALUES (1, 'C01', 'Alpha', '2026-01-01')`,
        `INSERT INTO customer (id, company_id, code, name) VALUES (1, 1, '411A', 'ACME')`,
        `INSERT INTO invoice (company_id, customer_id, number, kind, issue_date, amount_cents,
         ledger_open_cents, source_file, source_line)
       VALUES (1, 1, 'F-1', 'invoice', '2026-10-01', 5000, 5000, 'open.csv', 2)`,
      ]) {
        await run(statement);
      }
    });

    const store = await databases.open(path);
    expect(hasTable(store)).toBe(true);
    expect(store.sql.prepare('SELECT number, ledger_open_cents FROM invoice').raw().all()).toEqual([
      ['F-1', 5000],
    ]);
    store.sql.prepare(insertSettled).run(1, '411A', 'F-0', 7_000, '2026-09-01');
    expect(store.sql.prepare('SELECT number FROM settled_invoice').pluck().all()).toEqual(['F-0']);
  });

  it('can be taken down again, dropping the table', async () => {
    const store = await databases.open();
    const runner = store.dataSource.createQueryRunner();
    await new SettledInvoices1764806800000().down(runner);
    await runner.release();
    expect(hasTable(store)).toBe(false);
  });
});
