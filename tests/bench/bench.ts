import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from '../../src-main/api/router.js';
import { openStore } from '../../src-main/db/store.js';
import { generateGroup, writeGroup } from '../generator/index.js';

/**
 * Times the import and the matching of a generated group of `receipts` receipts against ten
 * times as many open invoices, and reports the peak memory of the process. Each size runs in
 * its own process so that peaks do not carry over.
 *
 *   npm run bench                      10,000 receipts against 100,000 open invoices
 *   npm run bench -- 1000 10000 50000  a scaling table
 */
interface BenchResult {
  receipts: number;
  openInvoices: number;
  transactions: number;
  importLedgersSeconds: number;
  importStatementsSeconds: number;
  matchSeconds: number;
  auto: number;
  peakMegabytes: number;
}

const companyCount = 10;
const days = 20;

async function measure(receipts: number): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'lettra-bench-'));
  try {
    const group = generateGroup({
      seed: 7,
      companyCount,
      days,
      receiptsPerDay: Math.max(1, Math.round(receipts / (companyCount * days))),
      invoicesPerCompany: Math.round((receipts * 10) / companyCount),
      customersPerCompany: Math.max(40, Math.round(receipts / 25)),
    });
    const manifest = writeGroup(group, folder);
    const store = await openStore(join(folder, 'bench.sqlite'));
    const api = createApi(store);
    for (const company of manifest.companies) {
      api['companies.add']({
        code: company.code,
        name: company.name,
        iban: company.iban,
        siren: company.siren,
      });
    }
    let started = performance.now();
    const ledgers = api['imports.ledgers']({
      paths: manifest.ledgers.map((ledger) => join(folder, ledger.file)),
    });
    const importLedgersSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const statements = api['imports.statements']({
      paths: manifest.statements.map((statement) => join(folder, statement.file)),
    });
    const importStatementsSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const matching = api['matching.run']({});
    const matchSeconds = (performance.now() - started) / 1000;
    await store.close();
    return {
      receipts: matching.receipts,
      openInvoices: ledgers.reduce((sum, ledger) => sum + ledger.openItems, 0),
      transactions: statements.reduce((sum, statement) => sum + statement.imported, 0),
      importLedgersSeconds,
      importStatementsSeconds,
      matchSeconds,
      auto: matching.auto,
      peakMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const [mode, size] = process.argv.slice(2);
if (mode === '--one') {
  process.stdout.write(JSON.stringify(await measure(Number(size))));
} else {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((value) => value > 0);
  const self = fileURLToPath(import.meta.url);
  console.log(
    'receipts  open invoices  transactions  ledgers s  statements s  match+post s  s/1k receipts  auto %  peak MB',
  );
  for (const receipts of sizes.length > 0 ? sizes : [10_000]) {
    const output = execFileSync(process.execPath, [self, '--one', String(receipts)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    const result = JSON.parse(output) as BenchResult;
    console.log(
      [
        String(result.receipts).padStart(8),
        String(result.openInvoices).padStart(14),
        String(result.transactions).padStart(13),
        result.importLedgersSeconds.toFixed(2).padStart(10),
        result.importStatementsSeconds.toFixed(2).padStart(13),
        result.matchSeconds.toFixed(2).padStart(12),
        ((result.matchSeconds * 1000) / Math.max(1, result.receipts)).toFixed(3).padStart(13),
        ((result.auto * 100) / Math.max(1, result.receipts)).toFixed(1).padStart(7),
        String(result.peakMegabytes).padStart(8),
      ].join(' '),
    );
  }
}
