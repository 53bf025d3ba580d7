import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/router.js';
import type { LettraApi } from '../../src-main/api/contract.js';
import { openTempStore } from '../support/temp-store.js';

const realFec = join(import.meta.dirname, '..', 'fixtures', 'fec', '123456789FEC20500930.txt');
const header = 'company,customer,customer_name,invoice,issue_date,due_date,amount,open_amount';

let store: Awaited<ReturnType<typeof openTempStore>>;
let api: LettraApi;

beforeEach(async () => {
  store = await openTempStore();
  api = createApi(store);
  api['companies.add']({
    code: 'C01',
    name: 'Alpha',
    iban: 'FR7630006000011234567890189',
    siren: '123456789',
  });
  api['companies.add']({ code: 'C02', name: 'Beta', iban: 'FR7610107001011234567890129' });
});

afterEach(async () => {
  await store.dispose();
});

function openItems(): Array<{ company: string; number: string; open: number }> {
  return store.sql
    .prepare(
      `SELECT c.code AS company, i.number, i.ledger_open_cents AS open FROM invoice i
       JOIN company c ON c.id = i.company_id WHERE i.ledger_open_cents <> 0 ORDER BY c.code, i.number`,
    )
    .all() as Array<{ company: string; number: string; open: number }>;
}

function csv(name: string, lines: string[]): string {
  const path = join(store.folder, name);
  writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
  return path;
}

describe('ledger import', () => {
  it('gives a FEC to the company whose SIREN starts the file name', () => {
    const [result] = api['imports.ledgers']({ paths: [realFec] });
    expect(result).toMatchObject({ format: 'fec', companies: ['C01'], customers: 1, openItems: 2 });
    expect(openItems()).toEqual([
      { company: 'C01', number: 'OD000000095', open: 7_578_450 },
      { company: 'C01', number: 'OD000000096', open: 5_241_600 },
    ]);
  });

  it('asks for --company when a FEC file name has no known SIREN', () => {
    const renamed = join(store.folder, 'export-compta.txt');
    copyFileSync(realFec, renamed);
    expect(() => api['imports.ledgers']({ paths: [renamed] })).toThrow(
      /export-compta\.txt: .*--company/,
    );
    expect(api['imports.ledgers']({ paths: [renamed], company: 'C02' })[0]?.companies).toEqual([
      'C02',
    ]);
  });

  it('updates open amounts and closes what a newer ledger no longer lists', () => {
    api['imports.ledgers']({
      paths: [
        csv('october.csv', [
          'C01,411A,ACME,F-001,2026-09-01,2026-10-01,100.00,100.00',
          'C01,411A,ACME,F-002,2026-09-02,2026-10-02,200.00,200.00',
          'C02,411B,BETA CLIENT,G-001,2026-09-03,,300.00,300.00',
        ]),
      ],
    });
    const [result] = api['imports.ledgers']({
      paths: [csv('november.csv', ['C01,411A,ACME,F-002,2026-09-02,2026-10-02,200.00,50.00'])],
    });
    expect(result).toMatchObject({ companies: ['C01'], openItems: 1, closedItems: 1 });
    expect(openItems()).toEqual([
      { company: 'C01', number: 'F-002', open: 5_000 },
      { company: 'C02', number: 'G-001', open: 30_000 },
    ]);
  });

  it('keeps the SIREN and the IBAN the open-items CSV gives for a customer', () => {
    const path = join(store.folder, 'with-ids.csv');
    writeFileSync(
      path,
      `${header},customer_siren,customer_iban\n` +
        'C01,411A,ACME,F-1,2026-09-01,,100.00,100.00,552100554,FR76 3000 6000 0112 3456 7890 189\n',
    );
    api['imports.ledgers']({ paths: [path] });
    expect(store.sql.prepare(`SELECT siren FROM customer WHERE code = '411A'`).pluck().get()).toBe(
      '552100554',
    );
    expect(api['learned.list']({})).toMatchObject([
      { kind: 'iban', key: 'FR7630006000011234567890189', customer: '411A', source: 'ledger' },
    ]);
  });

  it('refuses the same invoice twice in one ledger, and names a missing column', () => {
    const twice = csv('twice.csv', [
      'C01,411A,ACME,F-0042,2026-09-01,,10.00,10.00',
      'C01,411A,ACME,F-0042,2026-09-01,,20.00,20.00',
    ]);
    expect(() => api['imports.ledgers']({ paths: [twice] })).toThrow(
      /twice\.csv, line 3, field invoice: F-0042 of customer 411A is already on line 2/,
    );
    const path = join(store.folder, 'short.csv');
    writeFileSync(path, 'company,customer,customer_name,invoice,issue_date,due_date,amount\n');
    expect(() => api['imports.ledgers']({ paths: [path] })).toThrow(/short\.csv.*open_amount/);
  });

  it('refuses a line naming an unknown company, naming file, line and field, with nothing imported', () => {
    const path = csv('bad.csv', [
      'C01,411A,ACME,F-001,2026-09-01,2026-10-01,100.00,100.00',
      'C09,411A,ACME,F-003,2026-09-01,2026-10-01,100.00,100.00',
    ]);
    expect(() => api['imports.ledgers']({ paths: [path] })).toThrow(
      /bad\.csv, line 3, field company: no company has the code C09/,
    );
    expect(openItems()).toEqual([]);
  });
});
