import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFec } from '../../src-main/imports/fec.js';
import { fec, invoice } from '../support/fec-text.js';

const bank = { JournalCode: 'BQ', JournalLib: 'Banque', EcritureLib: 'VIR COMMUNE' };

/** A transfer of the default customer, credited on its account in the bank journal. */
function payment(reference: string, amount: string, lettering: string): Record<string, string> {
  return {
    ...invoice,
    ...bank,
    PieceRef: reference,
    Debit: '',
    Credit: amount,
    EcritureLet: lettering,
  };
}

describe('parseFec settled invoices', () => {
  it('lists an invoice fully lettered with its payment, not a partly lettered or an open one', () => {
    const rows = [
      { ...invoice, EcritureLet: 'AA', DateLet: '20250210' },
      payment('BQ-17', '1200,00', 'AA'),
      { ...invoice, PieceRef: 'FA2025-002', Debit: '300,00', EcritureLet: 'ab' },
      payment('BQ-18', '100,00', 'ab'),
      { ...invoice, PieceRef: 'FA2025-003', PieceDate: '20250120', Debit: '80,00' },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.settledInvoices).toEqual([
      {
        customerCode: 'C0001',
        number: 'FA2025-001',
        amountCents: 120_000,
        issueDate: '2025-01-15',
      },
    ]);
    expect(ledger.items.map((item) => [item.number, item.openAmountCents])).toEqual([
      ['FA2025-002', 20_000],
      ['FA2025-003', 8_000],
    ]);
  });

  it("keeps the invoice's amount when its payment is booked under the same PieceRef", () => {
    const rows = [
      { ...invoice, Debit: '1000,00', EcritureLet: 'AB' },
      { ...invoice, Debit: '200,00', EcritureLib: 'TVA', EcritureLet: 'AB' },
      payment('FA2025-001', '1200,00', 'AB'),
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.settledInvoices).toMatchObject([{ number: 'FA2025-001', amountCents: 120_000 }]);
  });

  it('leaves out a piece of which one line is still open', () => {
    const rows = [
      { ...invoice, Debit: '1000,00', EcritureLet: 'AC' },
      { ...invoice, Debit: '200,00', EcritureLib: 'TVA' },
      payment('BQ-19', '1000,00', 'AC'),
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.settledInvoices).toEqual([]);
    expect(ledger.items).toMatchObject([{ number: 'FA2025-001', openAmountCents: 20_000 }]);
  });

  it('takes no lettered credit note, and no debit booked in a bank journal, for an invoice', () => {
    const rows = [
      { ...invoice, PieceRef: 'AV2025-001', Debit: '', Credit: '50,00', EcritureLet: 'AD' },
      { ...invoice, PieceRef: 'FA2025-004', Debit: '50,00', EcritureLet: 'AD' },
      // A transfer the bank returned, debited back to the customer and lettered with it.
      { ...invoice, ...bank, PieceRef: 'REJ-20', Debit: '75,00', EcritureLet: 'AE' },
      payment('BQ-20', '75,00', 'AE'),
      // CIC books on a bank account (512): a treasury journal whatever its code.
      { ...invoice, JournalCode: 'CIC', JournalLib: 'CIC', PieceRef: 'REJ-21', EcritureLet: 'AF' },
      {
        ...invoice,
        JournalCode: 'CIC',
        JournalLib: 'CIC',
        PieceRef: 'REJ-21',
        CompteNum: '512100',
        Debit: '',
        Credit: '1200,00',
      },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.settledInvoices.map((settled) => settled.number)).toEqual(['FA2025-004']);
  });

  it('takes an invoice of a sales journal that also books the cash of the till', () => {
    const sales = { JournalCode: 'VEN', JournalLib: 'VENTES' };
    const rows = [
      { ...invoice, ...sales, Debit: '1200,00', EcritureLet: 'AG' },
      { ...invoice, ...sales, CompteNum: '530000', CompAuxNum: '', PieceRef: 'Z-1', Debit: '40' },
      payment('BQ-21', '1200,00', 'AG'),
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.settledInvoices).toMatchObject([{ number: 'FA2025-001', amountCents: 120_000 }]);
  });

  it('finds none in the neolegal sample, whose only lettered customer debit opens the year', () => {
    // awk -F'\t' '$5 ~ /^411/': four lines. OD000000095 and OD000000096 are unlettered; "5"
    // (ANO, debit 2153,38) and its reversal "EXT 5" (INV, a credit) carry lettrage AAAF. ANO
    // also books the opening balances of the bank accounts (512), so it is a treasury journal
    // and its debit the balance of the account carried forward, no invoice.
    const name = '123456789FEC20500930.txt';
    const sample = readFileSync(new URL(`../fixtures/fec/${name}`, import.meta.url));

    expect(parseFec(sample, name).settledInvoices).toEqual([]);
  });
});
