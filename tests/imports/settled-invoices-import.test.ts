import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/router.js';
import type { LettraApi } from '../../src-main/api/contract.js';
import { loadOpenBook, loadSettledInvoices } from '../../src-main/matching/open-items.js';
import { fecText } from '../support/fec-text.js';
import { openTempStore } from '../support/temp-store.js';
import { camt053, companyIbans } from '../support/test-group.js';

const realFec = join(import.meta.dirname, '..', 'fixtures', 'fec', '123456789FEC20500930.txt');
const durand = { CompAuxNum: '411DURAND', CompAuxLib: 'DURAND ET FILS' };

let store: Awaited<ReturnType<typeof openTempStore>>;
let api: LettraApi;

beforeEach(async () => {
  store = await openTempStore();
  api = createApi(store);
  api['companies.add']({
    code: 'C01',
    name: 'Alpha',
    iban: companyIbans.C01 as string,
    siren: '123456789',
  });
});

afterEach(async () => {
  await store.dispose();
});

/** An invoice of Durand and its revenue, in the sales journal; `lettering` on its 411 line. */
function sale(number: string, date: string, amount: string, lettering = '') {
  const entry = { EcritureNum: `VT-${number}`, EcritureDate: date, PieceDate: date };
  return [
    { ...entry, ...durand, PieceRef: number, Debit: amount, EcritureLet: lettering },
    { ...entry, CompteNum: '706000', CompteLib: 'Prestations', PieceRef: number, Credit: amount },
  ];
}

/** A transfer from Durand in the bank journal; `lettering` on its 411 line. */
function transfer(reference: string, date: string, amount: string, lettering: string) {
  const entry = {
    JournalCode: 'BQ',
    JournalLib: 'Banque',
    EcritureNum: `BQ-${reference}`,
    EcritureDate: date,
    PieceDate: date,
    PieceRef: reference,
    EcritureLib: `VIR DURAND ET FILS ${reference}`,
  };
  return [
    { ...entry, CompteNum: '512000', CompteLib: 'Banque', Debit: amount },
    { ...entry, ...durand, Credit: amount, EcritureLet: lettering },
  ];
}

/** C01's FEC closed on `date`, written in the store's folder. */
function writeFec(date: string, rows: Record<string, string>[]): string {
  const path = join(store.folder, `123456789FEC${date}.txt`);
  writeFileSync(path, fecText(rows));
  return path;
}

/** October: FAC000224 paid and lettered, FAC000225 open, FAC000226 paid 400 of 900. */
function october(): string {
  return writeFec('20261031', [
    ...sale('FAC000224', '20261001', '1200,00', 'AA'),
    ...sale('FAC000225', '20261002', '1200,00'),
    ...sale('FAC000226', '20261003', '900,00', 'ab'),
    ...transfer('VIR-1020', '20261020', '1200,00', 'AA'),
    ...transfer('VIR-1025', '20261025', '400,00', 'ab'),
  ]);
}

function settledRows() {
  return store.sql
    .prepare(
      `SELECT c.code AS company, s.customer_code AS customer, s.number, s.amount_cents AS amount,
         s.issue_date AS issueDate FROM settled_invoice s JOIN company c ON c.id = s.company_id
       ORDER BY s.number`,
    )
    .all();
}

function openNumbers(): Array<[string, number]> {
  return store.sql
    .prepare('SELECT number, ledger_open_cents FROM invoice WHERE ledger_open_cents <> 0')
    .raw()
    .all() as Array<[string, number]>;
}

describe('ledger import of settled invoices', () => {
  it('records the invoice a FEC shows fully lettered, and neither the partly paid nor the open one', () => {
    const [result] = api['imports.ledgers']({ paths: [october()] });

    expect(result).toMatchObject({ openItems: 2, closedItems: 0, settledInvoices: 1 });
    expect(settledRows()).toEqual([
      {
        company: 'C01',
        customer: '411DURAND',
        number: 'FAC000224',
        amount: 120_000,
        issueDate: '2026-10-01',
      },
    ]);
    expect(openNumbers()).toEqual([
      ['FAC000225', 120_000],
      ['FAC000226', 50_000],
    ]);
  });

  it('keeps one row per number when the same ledger, then a later one, is imported again', () => {
    api['imports.ledgers']({ paths: [october()] });
    api['imports.ledgers']({ paths: [october()] });
    expect(settledRows()).toHaveLength(1);

    const november = writeFec('20261130', [
      ...sale('FAC000224', '20261001', '1200,00', 'AA'),
      ...sale('FAC000225', '20261002', '1200,00', 'AB'),
      ...sale('FAC000226', '20261003', '900,00', 'ab'),
      ...transfer('VIR-1020', '20261020', '1200,00', 'AA'),
      ...transfer('VIR-1025', '20261025', '400,00', 'ab'),
      ...transfer('VIR-1110', '20261110', '1200,00', 'AB'),
    ]);
    const [result] = api['imports.ledgers']({ paths: [november] });

    expect(result).toMatchObject({ openItems: 1, closedItems: 1, settledInvoices: 2 });
    expect(settledRows()).toMatchObject([{ number: 'FAC000224' }, { number: 'FAC000225' }]);
    expect(openNumbers()).toEqual([['FAC000226', 50_000]]);
  });

  it('gives the matching engine a settled invoice under a negative id, with its customer', () => {
    api['imports.ledgers']({ paths: [october()] });
    store.sql
      .prepare(
        `INSERT INTO settled_invoice (company_id, customer_code, number, amount_cents, issue_date)
         VALUES (1, '411GONE', 'FAC000100', 5000, '2026-01-05')`,
      )
      .run();
    const durandId = store.sql
      .prepare(`SELECT id FROM customer WHERE code = '411DURAND'`)
      .pluck()
      .get() as number;

    const settled = loadSettledInvoices(store, loadOpenBook(store).items);

    expect(settled).toEqual([
      {
        id: -1,
        companyId: 1,
        companyCode: 'C01',
        customerId: durandId,
        number: 'FAC000224',
        kind: 'invoice',
        issueDate: '2026-10-01',
        dueDate: null,
        remainingCents: 0,
        settledCents: 120_000,
      },
      expect.objectContaining({ id: -2, number: 'FAC000100', customerId: 0, settledCents: 5000 }),
    ]);
  });

  it('no longer counts an invoice as settled once a later ledger lists it open again', () => {
    api['imports.ledgers']({ paths: [october()] });
    // The accountant undid the lettrage: the transfer is money on account again.
    const reopened = writeFec('20261130', [
      ...sale('FAC000224', '20261001', '1200,00'),
      ...transfer('VIR-1020', '20261020', '1200,00', ''),
      ...sale('FAC000230', '20261105', '300,00'),
    ]);
    api['imports.ledgers']({ paths: [reopened] });

    expect(settledRows()).toMatchObject([{ number: 'FAC000224' }]);
    const book = loadOpenBook(store);
    expect(book.items.map((item) => item.number)).toEqual(['FAC000224', 'FAC000230']);
    // The two invoices this ledger no longer lists are closed, hence settled; FAC000224 is not.
    expect(loadSettledInvoices(store, book.items).map((item) => item.number)).toEqual([
      'FAC000225',
      'FAC000226',
    ]);
  });

  it('reads a second payment of an invoice the ledger shows paid as such, not as a typo', () => {
    api['imports.ledgers']({ paths: [october()] });
    const statement = join(store.folder, 'statement.xml');
    writeFileSync(
      statement,
      camt053(
        companyIbans.C01 as string,
        [{ amount: '1200.00', payerName: 'DURAND ET FILS', text: 'FACT FAC000224' }],
        1,
      ),
    );
    api['imports.statements']({ paths: [statement] });
    api['matching.run']({});
    const [receipt] = api['allocations.export']({});

    expect(receipt?.status).not.toBe('auto');
    expect(receipt?.explanation).toMatch(/FAC000224, settled already: paid twice\?/);
  });

  it('records no settled invoice from the neolegal sample, its open items as before', () => {
    // Its one fully lettered customer debit is the opening balance "5" of a treasury journal
    // (see fec-settled-invoices.test.ts); the two open OD pieces stay open items.
    const [result] = api['imports.ledgers']({ paths: [realFec] });

    expect(result).toMatchObject({ openItems: 2, settledInvoices: 0 });
    expect(settledRows()).toEqual([]);
  });
});
