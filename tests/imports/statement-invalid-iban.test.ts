import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/router.js';
import type { LettraApi } from '../../src-main/api/contract.js';
import { openTempStore } from '../support/temp-store.js';
import { camtDocument, entry, statement } from './camt-builder.js';

// Bank 10278, branch 00000, account 22222222222, RIB key 31: FR49 is the right IBAN, FR76 not.
const registeredIban = 'FR4910278000002222222222231';
const invalidIban = 'FR7610278000002222222222231';

let store: Awaited<ReturnType<typeof openTempStore>>;
let api: LettraApi;

beforeEach(async () => {
  store = await openTempStore();
  api = createApi(store);
  api['companies.add']({ code: 'C01', name: 'Alpha', iban: 'FR7630006000011234567890189' });
  api['companies.add']({ code: 'C02', name: 'Beta', iban: 'FR7610107001011234567890129' });
});

afterEach(async () => {
  await store.dispose();
});

const count = (sql: string) => store.sql.prepare(sql).pluck().get() as number;

function camtFile(name: string, iban: string): string {
  const xml = camtDocument(statement(entry({ amount: '250.00' }))).replace(
    'FR7630006000011234567890189',
    iban,
  );
  const path = join(store.folder, name);
  writeFileSync(path, xml);
  return path;
}

describe('statement whose account IBAN has wrong check digits', () => {
  it('goes to the company with the same bank, branch and account number, with a warning', () => {
    api['companies.add']({ code: 'C03', name: 'Gamma', iban: registeredIban });
    const [result] = api['imports.statements']({ paths: [camtFile('typed.xml', invalidIban)] });

    expect(result).toMatchObject({ companies: ['C03'], imported: 1 });
    expect(result?.warnings).toEqual([
      `statement Stmt-1 names its account by the IBAN ${invalidIban}, which is invalid (wrong ` +
        `check digits): it went to C03, whose account ${registeredIban} has the same bank, ` +
        'branch and account number; check the file with the bank',
    ]);
  });

  it('is refused when no company has its account, saying the IBAN is invalid', () => {
    expect(() =>
      api['imports.statements']({ paths: [camtFile('typed.xml', invalidIban)] }),
    ).toThrow(
      `typed.xml, field account: account ${invalidIban} belongs to no company, and its IBAN is ` +
        'invalid (wrong check digits): check the file with the bank, or name the company with ' +
        '--company to import it as it is',
    );
    expect(count('SELECT count(*) FROM bank_transaction')).toBe(0);
    expect(count('SELECT count(*) FROM bank_account')).toBe(2);
  });

  it('is attached to the company --company names, with a warning', () => {
    const [result] = api['imports.statements']({
      paths: [camtFile('typed.xml', invalidIban)],
      company: 'C02',
    });

    expect(result).toMatchObject({ companies: ['C02'], imported: 1 });
    expect(result?.warnings).toEqual([
      `statement Stmt-1 names its account by the IBAN ${invalidIban}, which is invalid (wrong ` +
        'check digits): it was attached to C02 as --company says; check the file with the bank',
    ]);
  });

  it('leaves a statement with a valid IBAN without warning', () => {
    api['companies.add']({ code: 'C03', name: 'Gamma', iban: registeredIban });
    const [result] = api['imports.statements']({ paths: [camtFile('right.xml', registeredIban)] });

    expect(result).toMatchObject({ companies: ['C03'], imported: 1, warnings: [] });
  });
});
