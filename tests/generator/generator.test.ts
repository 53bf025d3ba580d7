import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ibanFromBban, luhnValid, ribKey } from './bank-ids.js';
import {
  generateGroup,
  scenarioGroup,
  scenarioWeights,
  writeGroup,
  type GeneratedGroup,
  type GeneratorOptions,
  type Manifest,
} from './index.js';
import {
  readLedgers,
  readStatementAmounts,
  readText,
  unbalancedFecEntries,
  type LedgerDocument,
} from './read-output.js';

const folders: string[] = [];

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lettra-generator-'));
  folders.push(folder);
  return folder;
}

/** Every file under a folder, as relative path to bytes. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue;
    const path = join(name.parentPath, name.name);
    files.set(path.slice(folder.length), readFileSync(path));
  }
  return files;
}

// Ten companies over five days, one of them on MT940 so every writer is exercised.
const smallOptions: GeneratorOptions = {
  seed: 11,
  days: 5,
  statementFormats: [...Array<undefined>(9).fill(undefined), 'mt940'],
};

let group: GeneratedGroup;
let folder: string;
let manifest: Manifest;
let ledgers: Map<string, Map<string, LedgerDocument>>;

beforeAll(() => {
  group = generateGroup(smallOptions);
  folder = freshFolder();
  manifest = writeGroup(group, folder);
  ledgers = readLedgers(folder, manifest);
});

afterAll(() => {
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

describe('generated files', () => {
  it('are byte-identical for the same seed and differ for another seed', () => {
    const again = freshFolder();
    writeGroup(generateGroup(smallOptions), again);
    const first = snapshot(folder);
    const second = snapshot(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, bytes] of first) expect(second.get(path)?.equals(bytes), path).toBe(true);

    const other = generateGroup({ ...smallOptions, seed: 12 });
    expect(JSON.stringify(other.truth)).not.toEqual(JSON.stringify(group.truth));
  });

  it('list every company, ledger and statement in the manifest', () => {
    expect(manifest.companies).toHaveLength(10);
    expect(manifest.ledgers.filter((ledger) => ledger.format === 'csv')).toHaveLength(2);
    expect(manifest.statements).toHaveLength(10 * 5);
    for (const ledger of manifest.ledgers.filter((item) => item.format === 'fec')) {
      const siren = manifest.companies.find((company) => company.code === ledger.company)?.siren;
      expect(ledger.file).toMatch(
        new RegExp(`${siren}FEC${group.ledgerDate.replaceAll('-', '')}\\.txt$`),
      );
    }
    const formats = new Set(manifest.statements.map((statement) => statement.schema));
    expect(formats).toEqual(new Set(['cfonb120', 'camt.053.001.02', 'camt.053.001.08', 'mt940']));
  });

  it('give every company a valid SIREN, RIB key and IBAN', () => {
    for (const company of group.companies) {
      expect(luhnValid(company.siren), company.siren).toBe(true);
      expect(company.ribKey).toBe(
        ribKey(company.bankCode, company.branchCode, company.accountNumber),
      );
      expect(ibanFromBban('FR', company.iban.slice(4))).toBe(company.iban);
    }
    for (const accountant of group.accountants) expect(accountant.iban).toMatch(/^FR\d{2}30001/);
  });

  it('balance every FEC entry, on 18 columns', () => {
    for (const ledger of manifest.ledgers.filter((item) => item.format === 'fec')) {
      const text = readText(join(folder, ledger.file));
      const rows = text.split(/\r?\n/).filter(Boolean);
      for (const row of rows) expect(row.split('\t')).toHaveLength(18);
      expect(unbalancedFecEntries(text)).toEqual([]);
      // Settled history is there, lettered, and the credit notes too.
      expect(text).toMatch(/\tBQ\d{6}\t/);
      expect(text).toMatch(/\t[A-Z]{2}\t\d{8}\t/);
      expect(text).toMatch(/\tAvoir /);
    }
  });

  it('write CFONB lines of exactly 120 characters with record codes 01, 04, 05 and 07', () => {
    const files = manifest.statements.filter((statement) => statement.format === 'cfonb120');
    expect(files.length).toBeGreaterThan(0);
    let cutReferences = 0;
    for (const statement of files) {
      const lines = readText(join(folder, statement.file)).split(/\r?\n/).filter(Boolean);
      for (const line of lines) {
        expect(line).toHaveLength(120);
        expect(['01', '04', '05', '07']).toContain(line.slice(0, 2));
      }
      expect(lines[0]?.startsWith('01')).toBe(true);
      expect(lines.at(-1)?.startsWith('07')).toBe(true);
      cutReferences += lines.filter((line) => line.slice(45, 48) === 'LC2').length;
    }
    expect(cutReferences).toBeGreaterThan(0);
  });

  it('write well-formed camt.053 documents', () => {
    for (const statement of manifest.statements.filter((item) => item.format === 'camt.053')) {
      const text = readText(join(folder, statement.file));
      expect(XMLValidator.validate(text), statement.file).toBe(true);
      const version = statement.schema.slice(-2);
      expect(text).toContain(`camt.053.001.${version}`);
      expect(text).toContain(version === '08' ? '<Pty>' : '<AmtDtls>');
    }
  });
});

describe('truth', () => {
  it('names only invoices of the ledgers, with their company and customer', () => {
    const statementDays = new Map(
      group.statements.map((statement) => [statement.file, statement.day]),
    );
    const issueDates = new Map(
      group.invoices.map((invoice) => [`${invoice.company}/${invoice.number}`, invoice.issueDate]),
    );
    for (const record of group.truth) {
      if (record.expected === null) {
        expect(record.scenario).toMatch(/^noise\./);
        continue;
      }
      expect(new Set(record.expected.map((line) => `${line.company}/${line.customer}`)).size).toBe(
        1,
      );
      for (const line of record.expected) {
        const document = ledgers.get(line.company)?.get(line.invoice);
        expect(document, `${line.company}/${line.invoice}`).toBeDefined();
        expect(document?.customer).toBe(line.customer);
        expect(
          issueDates.get(`${line.company}/${line.invoice}`)! < statementDays.get(record.file)!,
        ).toBe(true);
      }
    }
  });

  it('makes the expected amounts add up to the amount received, at the written index', () => {
    const byFile = new Map<string, number[]>();
    for (const statement of manifest.statements) {
      const amounts = readStatementAmounts(
        readText(join(folder, statement.file)),
        statement.format,
      );
      byFile.set(statement.file.split(/[\\/]/).at(-1) ?? '', amounts);
    }
    const credits = [...byFile.values()].flat().filter((amount) => amount > 0).length;
    expect(group.truth).toHaveLength(credits);
    for (const record of group.truth) {
      const received = byFile.get(record.file)?.[record.index - 1];
      expect(received, `${record.file}#${record.index}`).toBeGreaterThan(0);
      if (record.expected === null) continue;
      const total = record.expected.reduce((sum, line) => sum + line.amountCents, 0);
      expect(total, `${record.file}#${record.index} ${record.scenario}`).toBe(received);
    }
  });

  it('never pays an invoice beyond what was open at the ledger date', () => {
    const settled = new Map<string, number>();
    const fullPayments = new Map<string, number>();
    for (const line of group.truth.flatMap((record) => record.expected ?? [])) {
      const key = `${line.company}/${line.invoice}`;
      if (['invoice', 'partial', 'creditNote'].includes(line.kind)) {
        settled.set(key, (settled.get(key) ?? 0) + line.amountCents);
      }
      if (line.kind === 'invoice') fullPayments.set(key, (fullPayments.get(key) ?? 0) + 1);
    }
    for (const [key, amount] of settled) {
      const [company, invoice] = key.split(/\/(.*)/s) as [string, string];
      const open = ledgers.get(company)?.get(invoice)?.openCents ?? 0;
      expect(Math.abs(amount), key).toBeLessThanOrEqual(Math.abs(open));
    }
    expect(Math.max(...fullPayments.values())).toBe(1);
  });

  it('imputes a payment naming no invoice on the oldest due of identical open invoices', () => {
    const invoices = new Map(
      group.invoices.map((item) => [`${item.company}/${item.number}`, item]),
    );
    const remaining = new Map(
      group.invoices.map((item) => [`${item.company}/${item.number}`, item.openCents]),
    );
    const day = new Map(group.statements.map((statement) => [statement.file, statement.day]));
    const records = [...group.truth].sort(
      (a, b) =>
        day.get(a.file)!.localeCompare(day.get(b.file)!) ||
        a.file.localeCompare(b.file) ||
        a.index - b.index,
    );
    const order = (item: { dueDate: string; number: string }) =>
      `${item.dueDate} ${item.number.padStart(20, '0')}`;
    let unnamedTwins = 0;
    for (const record of records) {
      const unnamed = ['noReference', 'publicMandateOnly'].includes(record.scenario);
      for (const line of record.expected ?? []) {
        const key = `${line.company}/${line.invoice}`;
        const paid = invoices.get(key)!;
        if (unnamed && line.kind === 'invoice') {
          const openTwins = group.invoices.filter(
            (other) =>
              other.company === paid.company &&
              other.customer === paid.customer &&
              other !== paid &&
              remaining.get(`${other.company}/${other.number}`) === line.amountCents,
          );
          if (openTwins.length > 0) unnamedTwins += 1;
          for (const twin of openTwins) {
            expect(order(twin) > order(paid), `${record.file}#${record.index}`).toBe(true);
          }
        }
        if (['invoice', 'partial', 'creditNote'].includes(line.kind)) {
          remaining.set(key, (remaining.get(key) ?? 0) - line.amountCents);
        }
      }
    }
    expect(unnamedTwins).toBeGreaterThan(5);
  });

  it('shares invoice numbers between companies and amounts within a customer', () => {
    const owners = new Map<string, Set<string>>();
    const amounts = new Map<string, number>();
    let repeatedAmounts = 0;
    for (const invoice of group.invoices.filter((item) => item.openCents !== 0)) {
      owners.set(invoice.number, (owners.get(invoice.number) ?? new Set()).add(invoice.company));
      const key = `${invoice.company}/${invoice.customer}/${invoice.amountCents}`;
      if (amounts.has(key)) repeatedAmounts += 1;
      amounts.set(key, 1);
    }
    expect([...owners.values()].filter((companies) => companies.size > 1).length).toBeGreaterThan(
      10,
    );
    expect(repeatedAmounts).toBeGreaterThan(100);
  });
});

describe('scale and mix', () => {
  it('keeps the scenario mix within two points of the weights on 2000 receipts', () => {
    const mixed = generateGroup({ seed: 5, days: 10, receiptsPerDay: 20 });
    expect(mixed.truth).toHaveLength(2000);
    const counts = new Map<string, number>();
    for (const record of mixed.truth) {
      const key = scenarioGroup(record.scenario);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [scenario, weight] of Object.entries(scenarioWeights)) {
      const share = ((counts.get(scenario) ?? 0) * 100) / mixed.truth.length;
      expect(Math.abs(share - weight), scenario).toBeLessThanOrEqual(2);
    }
  });

  it('generates 10,000 receipts against 100,000 open invoices in a few seconds', () => {
    const started = performance.now();
    const large = generateGroup({
      seed: 3,
      days: 15,
      receiptsPerDay: 67,
      invoicesPerCompany: 10_000,
      customersPerCompany: 400,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(large.truth).toHaveLength(10_050);
    expect(large.invoices.filter((invoice) => invoice.openCents !== 0)).toHaveLength(100_000);
    expect(seconds).toBeLessThan(15);
  }, 60_000);

  it('refuses a group whose receipts would need more open items than the ledger holds', () => {
    expect(() => generateGroup({ seed: 1, invoicesPerCompany: 100 })).toThrow(RangeError);
  });
});
