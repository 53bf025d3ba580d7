import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/router.js';
import type { LettraApi } from '../../src-main/api/contract.js';
import { parseFec } from '../../src-main/imports/fec.js';
import { parseDecimalToCents } from '../../src-main/money/cents.js';
import { generateGroup, writeGroup, type Manifest } from '../generator/index.js';
import { openTempStore } from '../support/temp-store.js';

let store: Awaited<ReturnType<typeof openTempStore>>;
let api: LettraApi;
let manifest: Manifest;
const batches = new Map<string, string>();

// The whole flow on a small generated group: import, match (which posts what the engine
// allocates), export one FEC batch per company.
beforeAll(async () => {
  store = await openTempStore();
  api = createApi(store);
  const folder = join(store.folder, 'files');
  manifest = writeGroup(
    generateGroup({
      seed: 4,
      companyCount: 3,
      customersPerCompany: 12,
      invoicesPerCompany: 80,
      days: 3,
    }),
    folder,
  );
  for (const company of manifest.companies) {
    api['companies.add']({
      code: company.code,
      name: company.name,
      iban: company.iban,
      siren: company.siren,
    });
  }
  api['imports.ledgers']({ paths: manifest.ledgers.map((ledger) => join(folder, ledger.file)) });
  const statements = [...manifest.statements].sort((a, b) => a.day.localeCompare(b.day));
  api['imports.statements']({ paths: statements.map((statement) => join(folder, statement.file)) });
  api['matching.run']({});
  for (const company of manifest.companies) {
    const { text } = api['accounting.export']({ company: company.code, format: 'fec' });
    batches.set(company.code, text);
  }
}, 120_000);

afterAll(async () => {
  await store.dispose();
});

interface FecRow {
  journal: string;
  number: string;
  account: string;
  auxiliary: string;
  piece: string;
  cents: number;
  lettering: string;
}

function rows(text: string): FecRow[] {
  const [header, ...lines] = text.replace(/\r\n$/, '').split('\r\n');
  expect(header?.split('\t')).toHaveLength(18);
  return lines.map((line) => {
    const fields = line.split('\t');
    expect(fields).toHaveLength(18);
    const [journal, , number, , account, , auxiliary, , piece, , , debit, credit, lettering] =
      fields as string[] & { length: 18 };
    return {
      journal: journal ?? '',
      number: number ?? '',
      account: account ?? '',
      auxiliary: auxiliary ?? '',
      piece: piece ?? '',
      cents: parseDecimalToCents(debit ?? '') - parseDecimalToCents(credit ?? ''),
      lettering: lettering ?? '',
    };
  });
}

describe('the demo flow', () => {
  it('exports a FEC batch per company whose every entry balances', () => {
    const auto = store.sql
      .prepare(`SELECT count(*) FROM bank_transaction WHERE match_status = 'auto'`)
      .pluck()
      .get() as number;
    expect(auto).toBeGreaterThan(20);
    let entries = 0;
    for (const company of manifest.companies) {
      const text = batches.get(company.code) ?? '';
      const byEntry = new Map<string, number>();
      for (const row of rows(text)) {
        const key = `${row.journal} ${row.number}`;
        byEntry.set(key, (byEntry.get(key) ?? 0) + row.cents);
      }
      for (const [entry, balance] of byEntry) expect([entry, balance]).toEqual([entry, 0]);
      entries += byEntry.size;
      expect(parseFec(new TextEncoder().encode(text), `${company.siren}FEC.txt`).lineCount).toBe(
        rows(text).length,
      );
    }
    expect(entries).toBe(auto + countIntercompany());
  });

  it('letters every full code to zero: invoice open amounts in the mirror plus the batch lines', () => {
    const openAmount = store.sql
      .prepare(
        `SELECT coalesce(sum(i.ledger_open_cents), 0) FROM invoice i
         JOIN company co ON co.id = i.company_id JOIN customer cu ON cu.id = i.customer_id
         WHERE co.code = ? AND cu.code = ? AND i.number = ? AND i.kind <> 'payment'`,
      )
      .pluck();
    let fullCodes = 0;
    for (const company of manifest.companies) {
      const groups = new Map<string, { lines: number; pieces: Set<string> }>();
      for (const row of rows(batches.get(company.code) ?? '')) {
        if (row.lettering === '' || row.lettering !== row.lettering.toUpperCase()) continue;
        const key = `${row.auxiliary}\u0000${row.lettering}`;
        const group = groups.get(key) ?? { lines: 0, pieces: new Set<string>() };
        group.lines += row.cents;
        group.pieces.add(row.piece);
        groups.set(key, group);
      }
      for (const [key, group] of groups) {
        const [auxiliary] = key.split('\u0000');
        const invoices = [...group.pieces].reduce(
          (sum, piece) => sum + (openAmount.get(company.code, auxiliary, piece) as number),
          0,
        );
        expect([company.code, key, invoices + group.lines]).toEqual([company.code, key, 0]);
      }
      fullCodes += groups.size;
    }
    expect(fullCodes).toBeGreaterThan(20);
  });

  it('exports nothing more when asked again', () => {
    for (const company of manifest.companies) {
      expect(api['accounting.export']({ company: company.code, format: 'fec' }).batch).toBeNull();
    }
  });
});

function countIntercompany(): number {
  return store.sql
    .prepare(`SELECT count(*) FROM journal_entry WHERE kind = 'intercompany'`)
    .pluck()
    .get() as number;
}
