import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postValidatedAllocations } from '../../src-main/accounting/post-allocations.js';
import type { AllocationKind } from '../../src-main/matching/allocation-kinds.js';
import { parseDecimalToCents } from '../../src-main/money/cents.js';
import {
  camt053,
  companyIbans,
  testGroup,
  type TestInvoice,
  type TestTransfer,
} from '../support/test-group.js';

/** One line of a clerk's allocation: an invoice of `company` (C01), or a customer only. */
export interface ClerkLine {
  amount: string;
  kind: AllocationKind;
  invoice?: string;
  company?: string;
  customer?: string;
}

/** A journal line as tests compare it: account, auxiliary, piece, debit, credit, lettrage. */
export type LineTuple = [string, string | null, string, number, number, string | null];

export interface PostedEntry {
  company: string;
  kind: string;
  journal: string;
  lines: LineTuple[];
}

/**
 * The test group (C01 and C02, open items through the CSV import) with what accounting tests
 * need: transfers imported without matching, allocations recorded as a clerk's review queue
 * (or the engine) records them, posting, and the entries read back as tuples.
 */
export async function accountingGroup(invoices: TestInvoice[]) {
  const group = await testGroup(invoices);
  const { store, api } = group;
  let statements = 100;

  const invoiceId = store.sql.prepare(
    `SELECT i.id, i.customer_id AS customerId FROM invoice i JOIN company c ON c.id = i.company_id
     WHERE c.code = ? AND i.number = ?`,
  );
  const customerId = store.sql
    .prepare(
      `SELECT cu.id FROM customer cu JOIN company c ON c.id = cu.company_id
       WHERE c.code = ? AND cu.code = ?`,
    )
    .pluck();
  const companyId = store.sql.prepare('SELECT id FROM company WHERE code = ?').pluck();

  return {
    ...group,
    /** Imports the transfers as one camt.053 statement, without matching; their ids in order. */
    arrive(transfers: TestTransfer[], account = 'C01'): number[] {
      statements += 1;
      const name = `arrival-${statements}.xml`;
      writeFileSync(
        join(store.folder, name),
        camt053(companyIbans[account] as string, transfers, statements),
      );
      api['imports.statements']({ paths: [join(store.folder, name)] });
      return store.sql
        .prepare('SELECT id FROM bank_transaction WHERE source_file = ? ORDER BY source_index')
        .pluck()
        .all(name) as number[];
    },
    /** Records an allocation as validated by a clerk (or, with `engine`, as allocated automatically). */
    validate(transactionId: number, lines: ClerkLine[], by: 'clerk' | 'engine' = 'clerk'): void {
      const insert = store.sql.prepare(
        `INSERT INTO allocation (transaction_id, invoice_id, company_id, customer_id, amount_cents,
           kind, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-17T09:00:00.000Z')`,
      );
      for (const line of lines) {
        const company = line.company ?? 'C01';
        const invoice =
          line.invoice === undefined
            ? undefined
            : (invoiceId.get(company, line.invoice) as { id: number; customerId: number });
        const customer =
          line.customer === undefined
            ? invoice?.customerId
            : customerId.get(company, line.customer);
        insert.run(
          transactionId,
          invoice?.id ?? null,
          companyId.get(company),
          customer ?? null,
          parseDecimalToCents(line.amount),
          line.kind,
          by,
        );
      }
      store.sql
        .prepare('UPDATE bank_transaction SET match_status = ? WHERE id = ?')
        .run(by === 'clerk' ? 'validated' : 'auto', transactionId);
    },
    post: () => postValidatedAllocations(store),
    /** The entries a transaction caused, oldest first, lines as tuples. */
    entries(transactionId: number): PostedEntry[] {
      const entries = store.sql
        .prepare(
          `SELECT e.id, c.code AS company, e.kind, e.journal_code AS journal FROM journal_entry e
           JOIN company c ON c.id = e.company_id WHERE e.transaction_id = ? ORDER BY e.id`,
        )
        .all(transactionId) as Array<{
        id: number;
        company: string;
        kind: string;
        journal: string;
      }>;
      const lines = store.sql.prepare(
        `SELECT account, auxiliary_account, piece_ref, debit_cents, credit_cents, lettering_code
         FROM journal_line WHERE entry_id = ? ORDER BY position`,
      );
      return entries.map(({ id, ...entry }) => ({
        ...entry,
        lines: lines.raw().all(id) as LineTuple[],
      }));
    },
    /** The lettrage groups of a customer: code, state, documents. */
    lettering(customer: string, company = 'C01') {
      return store.sql
        .prepare(
          `SELECT g.code, g.state, (SELECT group_concat(number, ' ') FROM (SELECT i.number FROM lettering_document d
             JOIN invoice i ON i.id = d.invoice_id WHERE d.lettering_id = g.id ORDER BY i.number))
             AS documents
           FROM lettering g JOIN customer cu ON cu.id = g.customer_id
           JOIN company c ON c.id = g.company_id
           WHERE cu.code = ? AND c.code = ? ORDER BY g.id`,
        )
        .all(customer, company) as Array<{ code: string; state: string; documents: string | null }>;
    },
  };
}

export const acme = { customer: '411ACME', customerName: 'ACME INDUSTRIE SAS' };
export const martin = { customer: '411MART', customerName: 'COMMUNE DE SAINT-MARTIN' };
