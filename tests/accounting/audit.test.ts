import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBatch } from '../../src-main/accounting/export-batch.js';
import { undoAllocation } from '../../src-main/accounting/undo-allocation.js';
import { printAudit } from '../../src-main/cli/print-accounting.js';
import { accountingGroup, acme } from './accounting-fixture.js';

let group: Awaited<ReturnType<typeof accountingGroup>>;
let id: number;

beforeEach(async () => {
  group = await accountingGroup([{ ...acme, number: 'FA-77', amount: '450.00' }]);
  [id] = group.arrive([{ amount: '450.00', payerName: 'ACME INDUSTRIE' }]) as [number];
  group.validate(id, [{ invoice: 'FA-77', amount: '450.00', kind: 'invoice' }]);
  group.post();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await group.dispose();
});

describe('audit', () => {
  it('follows a receipt from its statement line to the batch that carried its entry', () => {
    const { batch } = exportBatch(group.store, { company: 'C01', format: 'fec' });
    const report = group.api['accounting.audit']({ transaction: id });
    const [chain] = report.chains;
    expect(chain?.transaction).toMatchObject({
      id,
      company: 'C01',
      statementFile: 'arrival-101.xml',
      sourceIndex: 1,
      bookingDate: '2026-11-16',
      amountCents: 45_000,
      payerName: 'ACME INDUSTRIE',
      status: 'validated',
    });
    expect(chain?.transaction.sourceLine).toBeGreaterThan(0);
    expect(chain?.allocations).toEqual([
      {
        company: 'C01',
        invoice: 'FA-77',
        customer: '411ACME',
        kind: 'invoice',
        amountCents: 45_000,
        decidedBy: 'clerk',
        decidedAt: '2026-11-17T09:00:00.000Z',
      },
    ]);
    expect(chain?.entries).toMatchObject([
      {
        kind: 'receipt',
        journal: 'BQ',
        number: 'LBQ000001',
        date: '2026-11-16',
        decidedBy: 'clerk',
        decidedAt: '2026-11-17T09:00:00.000Z',
        decisionId: null,
        batch: { number: 1, format: 'fec', fileName: batch?.fileName, sha256: batch?.sha256 },
        lines: [
          { account: '512000', debitCents: 45_000, lettering: null },
          {
            account: '411000',
            auxiliary: '411ACME',
            pieceRef: 'FA-77',
            creditCents: 45_000,
            lettering: 'A',
            letteringState: 'full',
            decidedBy: 'clerk',
          },
        ],
      },
    ]);
  });

  it('shows an invoice with its lettrage and every receipt that touched it, undone ones too', () => {
    exportBatch(group.store, { company: 'C01', format: 'fec' });
    undoAllocation(group.store, id, 'clerk', { date: '2026-11-20' });
    const report = group.api['accounting.audit']({ invoice: 'FA-77', company: 'C01' });
    expect(report.invoices).toEqual([
      {
        company: 'C01',
        number: 'FA-77',
        kind: 'invoice',
        customer: '411ACME',
        customerName: 'ACME INDUSTRIE SAS',
        issueDate: '2026-10-01',
        amountCents: 45_000,
        ledgerOpenCents: 45_000,
        lettering: [{ code: 'A', state: 'cancelled', date: '2026-11-16' }],
      },
    ]);
    expect(report.chains[0]?.allocations).toEqual([]);
    expect(
      report.chains[0]?.entries.map((entry) => [entry.kind, entry.number, entry.reversedByEntryId]),
    ).toEqual([
      ['receipt', 'LBQ000001', 2],
      ['reversal', null, null],
    ]);

    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    printAudit(report);
    const text = printed.join('\n');
    expect(text).toContain('Invoice FA-77 of C01, customer 411ACME ACME INDUSTRIE SAS');
    expect(text).toContain('arrival-101.xml line');
    expect(text).toContain('entry #1 receipt of C01, journal BQ LBQ000001, 2026-11-16');
    expect(text).toContain('lettrage A 2026-11-16 (cancelled since)');
    expect(text).toContain('exported in batch 1 (FEC) 111111118FEC20261116-B1.txt');
    expect(text).toContain('entry #2 reversal of C01, journal BQ (not numbered yet), 2026-11-20');
    expect(text).toContain('reverses entry #1');
  });

  it('links the posting to the decision the clerk logged', () => {
    const [next] = group.arrive([{ amount: '10.00' }]) as [number];
    const { lastInsertRowid } = group.store.sql
      .prepare(
        `INSERT INTO decision_log (at, actor, action, transaction_id, before_json, after_json)
         VALUES ('2026-11-17T10:00:00Z', 'marie', 'allocate', ?, '{}', '{}')`,
      )
      .run(next);
    group.validate(next, [{ customer: '411ACME', amount: '10.00', kind: 'onAccount' }]);
    group.post();
    const [chain] = group.api['accounting.audit']({ transaction: next }).chains;
    expect(chain?.decisions).toEqual([
      {
        id: Number(lastInsertRowid),
        at: '2026-11-17T10:00:00Z',
        actor: 'marie',
        action: 'allocate',
      },
    ]);
    expect(chain?.entries[0]?.decisionId).toBe(Number(lastInsertRowid));
  });

  it('names the invoice or transaction it cannot find', () => {
    expect(() => group.api['accounting.audit']({ invoice: 'NOPE' })).toThrow(
      /no invoice numbered NOPE/,
    );
    expect(() => group.api['accounting.audit']({ transaction: 4242 })).toThrow(
      /no transaction has the id 4242/,
    );
    expect(() => group.api['accounting.audit']({})).toThrow(/one invoice or one transaction/);
  });
});
