import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camt053, companyIbans } from '../support/test-group.js';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/src-main/cli/lettra.js');
let folder: string;

/** Runs the built `lettra` on the test database; the exit code and what it wrote. */
function lettra(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, '--db', join(folder, 'lettra.sqlite'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LETTRA_LANG: 'en', LETTRA_LOG: 'warn' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const settings = (...args: string[]) => lettra('matching', 'settings', '--company', 'C01', ...args);

describe('lettra matching settings', () => {
  beforeAll(() => {
    // The command under test is the one users run, built from the sources as they are now.
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root });
    folder = mkdtempSync(join(tmpdir(), 'lettra-cli-'));
    const iban = companyIbans.C01 as string;
    expect(
      lettra('company', 'add', '--code', 'C01', '--name', 'Alpha', '--iban', iban).status,
    ).toBe(0);
    const ledger = join(folder, 'open-items.csv');
    writeFileSync(
      ledger,
      [
        'company,customer,customer_name,invoice,issue_date,due_date,amount,open_amount',
        'C01,411ACME,"ACME INDUSTRIE SAS",A26-0101,2026-10-01,2026-10-31,1000.00,1000.00',
        'C01,411DURA,"DURAND ET FILS SARL",A26-0102,2026-10-01,2026-10-31,1000.00,1000.00',
        '',
      ].join('\n'),
    );
    expect(lettra('import', 'ledger', ledger).status).toBe(0);
  }, 120_000);

  afterAll(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it('shows the defaults, then what the company and a customer set, and where each comes from', () => {
    const defaults = settings();
    expect(defaults.status).toBe(0);
    expect(defaults.stdout).toMatch(/^Matching settings of C01:$/m);
    expect(defaults.stdout).toMatch(/price-revision\s+5 %\s+default/);
    expect(defaults.stdout).toMatch(/auto-threshold\s+0\.95\s+default/);

    const company = settings('--price-revision', '4%', '--write-off-max', '7,50');
    expect(company.status).toBe(0);
    expect(company.stdout).toMatch(/price-revision\s+4 %\s+company/);
    expect(company.stdout).toMatch(/write-off-max\s+7,50\s€\s+company/);
    // The posting rules still hold write-offs above their own 5,00 €: the clerk is told.
    expect(company.stdout).toMatch(/posting rules allow write-offs up to 5,00\s€ only/);

    const customer = settings('--customer', '411ACME', '--price-revision', '0.02');
    expect(customer.status).toBe(0);
    expect(customer.stdout).toMatch(/^Matching settings of C01, customer 411ACME:$/m);
    expect(customer.stdout).toMatch(/price-revision\s+2 %\s+customer/);
    expect(customer.stdout).toMatch(/write-off-max\s+7,50\s€\s+company/);
    expect(customer.stdout).toMatch(/bank-fee-max\s+30,00\s€\s+default/);
  });

  it('refuses a bad value naming the option or setting, and changes nothing', () => {
    expect(settings('--customer', '411ACME', '--price-revision', '2%').status).toBe(0);
    const typo = settings('--price-revision', '3 percent');
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('field price-revision');
    const perCustomer = settings('--customer', '411ACME', '--auto-threshold', '0.97');
    expect(perCustomer.status).toBe(1);
    expect(perCustomer.stderr).toMatch(/field autoThreshold: .*per company/);
    const unknown = settings('--customer', '411NOPE');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unknown customer');
    const unchanged = settings('--customer', '411ACME').stdout;
    expect(unchanged).toMatch(/price-revision\s+2 %\s+customer/);
    expect(unchanged).toMatch(/auto-threshold\s+0\.95\s+default/);
  });

  it('matches with the customer’s tolerance, and forgets it on --reset', () => {
    expect(settings('--price-revision', '4%').status).toBe(0);
    expect(settings('--customer', '411ACME', '--price-revision', '2%').status).toBe(0);
    const statement = join(folder, 'statement.xml');
    writeFileSync(
      statement,
      camt053(
        companyIbans.C01 as string,
        [
          { amount: '1030.00', payerName: 'ACME INDUSTRIE', text: 'FACTURE A26-0101' },
          { amount: '1030.00', payerName: 'DURAND ET FILS', text: 'FACTURE A26-0102' },
        ],
        1,
      ),
    );
    expect(lettra('import', 'statement', statement).status).toBe(0);
    expect(lettra('match').status).toBe(0);
    const exported = JSON.parse(lettra('export', 'allocations').stdout) as Array<{
      allocations: Array<{ customer: string; kind: string }>;
    }>;
    const kindsOf = (customer: string) =>
      exported
        .flatMap((receipt) => receipt.allocations)
        .filter((line) => line.customer === customer)
        .map((line) => line.kind);
    expect(kindsOf('411ACME')).toEqual(['invoice', 'onAccount']);
    expect(kindsOf('411DURA')).toEqual(['invoice', 'priceRevision']);

    const reset = settings('--customer', '411ACME', '--reset');
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/price-revision\s+4 %\s+company/);
  });
});
