import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/router.js';
import type { LettraApi } from '../../src-main/api/contract.js';
import { openTempStore } from '../support/temp-store.js';

const header = 'company;customer;customer_name;invoice;issue_date;due_date;amount;open_amount';

let store: Awaited<ReturnType<typeof openTempStore>>;
let api: LettraApi;

beforeEach(async () => {
  store = await openTempStore();
  api = createApi(store);
  api['companies.add']({ code: 'C01', name: 'Alpha', iban: 'FR7630006000011234567890189' });
});

afterEach(async () => {
  await store.dispose();
});

const count = (sql: string) => store.sql.prepare(sql).pluck().get() as number;

function writeCsv(name: string, bytes: Uint8Array | string): string {
  const path = join(store.folder, name);
  writeFileSync(path, bytes);
  return path;
}

describe('open-items CSV import', () => {
  it('imports nothing of any file when one line has an open amount above its amount', () => {
    const good = writeCsv('good.csv', `${header}\nC01;411A;ACME;F-1;2026-09-01;;100,00;100,00\n`);
    const bad = writeCsv(
      'bad.csv',
      [
        header,
        'C01;411A;ACME;F-2;2026-09-01;;80,00;80,00',
        'C01;411B;Dupont;F-3;2026-09-02;;100,00;150,00',
      ].join('\n'),
    );

    expect(() => api['imports.ledgers']({ paths: [good, bad] })).toThrow(
      'bad.csv, line 3, field open_amount: the open amount 150.00 is larger than the amount 100.00',
    );
    expect(count('SELECT count(*) FROM invoice')).toBe(0);
    expect(count('SELECT count(*) FROM import_file')).toBe(0);
  });

  it('stores the names of an ISO-8859-15 file with their Œ and euro sign', () => {
    const latin9 = Buffer.from(
      `${header}\nC01;411A;\u00bcuvre \u00a4 Saint-Lô;F-1;2026-09-01;;100,00;40,00\n`,
      'latin1',
    );
    api['imports.ledgers']({ paths: [writeCsv('latin9.csv', latin9)] });

    expect(store.sql.prepare('SELECT name FROM customer').pluck().all()).toEqual([
      'Œuvre € Saint-Lô',
    ]);
  });
});
