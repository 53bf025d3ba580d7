import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/router.js';
import type { LettraApi } from '../../src-main/api/contract.js';
import { openTempStore } from '../support/temp-store.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const allStatements = ['cfonb120', 'camt', 'mt940'].flatMap((folder) =>
  readdirSync(join(fixtures, folder)).map((file) => join(fixtures, folder, file)),
);

let store: Awaited<ReturnType<typeof openTempStore>>;
let api: LettraApi;

beforeEach(async () => {
  store = await openTempStore();
  api = createApi(store);
  // The account of the OCA CFONB sample, 30003 01234 01234567890, as an IBAN.
  api['companies.add']({ code: 'C01', name: 'Alpha', iban: 'FR7630003012340123456789057' });
  api['companies.add']({ code: 'C02', name: 'Beta', iban: 'FR7610107001011234567890129' });
});

afterEach(async () => {
  await store.dispose();
});

const count = (sql: string) => store.sql.prepare(sql).pluck().get() as number;

describe('statement import', () => {
  it('sends a CFONB statement to the company owning the bank, branch and account', () => {
    const [result] = api['imports.statements']({
      paths: [join(fixtures, 'cfonb120', 'oca-classic.cfo')],
    });
    expect(result).toMatchObject({
      format: 'cfonb120',
      companies: ['C01'],
      transactions: 13,
      imported: 13,
    });
    expect(count(`SELECT count(*) FROM bank_transaction WHERE company_id = 1`)).toBe(13);
  });

  it('imports every real sample file, and nothing more when they are imported again', () => {
    const first = api['imports.statements']({ paths: allStatements, company: 'C02' });
    const total = first.reduce((sum, result) => sum + result.imported, 0);
    expect(first.map((result) => result.format).sort()).toEqual([
      'camt.053',
      'camt.053',
      'camt.053',
      'camt.053',
      'camt.054',
      'cfonb120',
      'cfonb120',
      'cfonb120',
      'mt940',
      'mt940',
      'mt940',
    ]);
    expect(count('SELECT count(*) FROM bank_transaction')).toBe(total);

    const again = api['imports.statements']({ paths: allStatements, company: 'C02' });
    expect(again.every((result) => result.imported === 0)).toBe(true);
    expect(count('SELECT count(*) FROM bank_transaction')).toBe(total);
  });

  it('skips the transactions an overlapping file repeats and keeps the new ones', () => {
    const original = join(fixtures, 'cfonb120', 'oca-classic.cfo');
    api['imports.statements']({ paths: [original] });
    // The same day under another name, plus the lines of one more transfer.
    const text = readFileSyncLatin1(original).trimEnd().split(/\r?\n/);
    const extra = text[1]!.replace('VIR INST MA JOLIE BOUTIQUE', 'VIR INST AUTRE CLIENT     ');
    const overlapping = join(store.folder, 'monthly.cfo');
    writeFileSync(overlapping, [...text.slice(0, -1), extra, text.at(-1)].join('\r\n'), 'latin1');
    const [result] = api['imports.statements']({ paths: [overlapping] });
    expect(result).toMatchObject({ transactions: 14, imported: 1, duplicates: 13 });
  });

  it('refuses an account no company owns, naming the file, and imports nothing', () => {
    const good = join(store.folder, 'good.cfo');
    copyFileSync(join(fixtures, 'cfonb120', 'oca-classic.cfo'), good);
    expect(() =>
      api['imports.statements']({ paths: [good, join(fixtures, 'camt', 'oca-camt054.xml')] }),
    ).toThrow(/oca-camt054\.xml.*field account: account .* belongs to no company/);
    expect(count('SELECT count(*) FROM bank_transaction')).toBe(0);
    expect(count('SELECT count(*) FROM import_file')).toBe(0);
  });

  it('stops at a malformed line, naming the file, the line and the field, with nothing imported', () => {
    const lines = readFileSyncLatin1(join(fixtures, 'cfonb120', 'oca-classic.cfo')).split(/\r?\n/);
    lines[5] = `${lines[5]!.slice(0, 90)}00000000000X4Z${lines[5]!.slice(104)}`;
    const broken = join(store.folder, 'broken.cfo');
    writeFileSync(broken, lines.join('\n'), 'latin1');
    expect(() =>
      api['imports.statements']({ paths: [join(fixtures, 'cfonb120', 'oca-classic.cfo'), broken] }),
    ).toThrow(/broken\.cfo, line 6, field amount/);
    expect(count('SELECT count(*) FROM bank_transaction')).toBe(0);
  });

  it('warns, and still imports, when a statement does not reconcile with its balances', () => {
    const [reconciled, broken] = api['imports.statements']({
      paths: [
        join(fixtures, 'cfonb120', 'oca-classic.cfo'),
        join(fixtures, 'camt', 'oca-camt053-batch-reversal.xml'),
      ],
      company: 'C02',
    });
    expect(reconciled?.warnings).toEqual([]);
    expect(broken?.warnings).toEqual([
      'statement 1234Test/1 of NL77ABNA0574908765 does not reconcile: opening 15568.27 + ' +
        'movements -12.99 = 15555.28, but the closing balance is 15121.12',
    ]);
    expect(broken?.imported).toBe(4);
  });

  it('sends an MT940 naming its account as bank/branch/account to the company owning it', () => {
    api['companies.add']({ code: 'C03', name: 'Gamma', iban: 'FR7618206000456012345678926' });
    const path = join(store.folder, 'ca.sta');
    writeFileSync(
      path,
      [
        ':20:CA260211',
        ':25:18206/00045/60123456789',
        ':28C:00042',
        ':60F:C260210EUR100,00',
        ':61:2602110211C50,00NTRF//CA1',
        ':86:VIR SEPA FACTURE FA2026-000150',
        ':62F:C260211EUR150,00',
        '-',
      ].join('\r\n'),
    );
    const [result] = api['imports.statements']({ paths: [path] });
    expect(result).toMatchObject({ companies: ['C03'], imported: 1 });
  });

  it('tells a ledger given as a statement apart by its content, not its name', () => {
    const renamed = join(store.folder, 'statement.xml');
    copyFileSync(join(fixtures, 'fec', '123456789FEC20500930.txt'), renamed);
    expect(() => api['imports.statements']({ paths: [renamed] })).toThrow(
      /statement\.xml: .*FEC ledger/,
    );
  });
});

function readFileSyncLatin1(path: string): string {
  return readFileSync(path).toString('latin1');
}
