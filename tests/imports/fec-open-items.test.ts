import { describe, expect, it } from 'vitest';
import { parseFec } from '../../src-main/imports/fec.js';
import { fec, invoice, standardColumns } from '../support/fec-text.js';

describe('parseFec open items', () => {
  it('leaves out a line carrying an uppercase lettering code but still lists its customer', () => {
    const rows = [
      { ...invoice, EcritureLet: 'AB', DateLet: '20250210' },
      { ...invoice, CompAuxNum: 'C0002', CompAuxLib: 'SARL Dupont', PieceRef: 'FA2025-002' },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.items.map((item) => item.number)).toEqual(['FA2025-002']);
    expect(ledger.customers.map((customer) => customer.code)).toEqual(['C0001', 'C0002']);
  });

  it('keeps a lowercase or starred partial lettrage open for what it leaves unpaid', () => {
    const bank = { JournalCode: 'BQ', JournalLib: 'Banque', EcritureLib: 'VIR COMMUNE' };
    const rows = [
      { ...invoice, EcritureLet: 'ab' },
      {
        ...invoice,
        ...bank,
        PieceRef: 'BQ-17',
        Debit: '0,00',
        Credit: '1000,00',
        EcritureLet: 'ab',
      },
      { ...invoice, PieceRef: 'FA2025-003', Debit: '300,00', EcritureLet: 'AC*' },
      {
        ...invoice,
        ...bank,
        PieceRef: 'BQ-18',
        Debit: '0,00',
        Credit: '300,00',
        EcritureLet: 'AC*',
      },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.items).toMatchObject([
      { number: 'FA2025-001', kind: 'invoice', amountCents: 120_000, openAmountCents: 20_000 },
    ]);
  });

  it('leaves what a partial lettrage owes on its latest invoices, the older ones paid first', () => {
    const rows = [
      { ...invoice, PieceRef: 'FA-1', Debit: '100,00', EcritureLet: 'cd' },
      { ...invoice, PieceRef: 'FA-2', Debit: '200,00', EcritureLet: 'cd' },
      {
        ...invoice,
        JournalCode: 'BQ',
        PieceRef: 'BQ-3',
        Debit: '',
        Credit: '150',
        EcritureLet: 'cd',
      },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.items).toMatchObject([
      { number: 'FA-2', amountCents: 20_000, openAmountCents: 15_000 },
    ]);
  });

  it('sums the open lines of one piece and tells credit notes from payments on account', () => {
    const rows = [
      { ...invoice, Debit: '1000,00' },
      { ...invoice, Debit: '200,00', EcritureLib: 'TVA' },
      { ...invoice, PieceRef: 'AV2025-001', Credit: '150,00', Debit: '0,00' },
      {
        ...invoice,
        JournalCode: 'BQ1',
        JournalLib: 'Banque Postale',
        PieceRef: 'VIR-0042',
        Debit: '',
        Credit: '99,90',
      },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.items).toMatchObject([
      { line: 2, number: 'FA2025-001', kind: 'invoice', amountCents: 120_000 },
      { line: 4, number: 'AV2025-001', kind: 'creditNote', amountCents: -15_000 },
      { line: 5, number: 'VIR-0042', kind: 'payment', amountCents: -9_990 },
    ]);
  });

  it('takes a credit booked in a credit-note or miscellaneous journal for a credit note', () => {
    const rows = [
      {
        ...invoice,
        JournalCode: 'AV',
        JournalLib: 'Avoirs clients',
        PieceRef: 'AV-12',
        Credit: '100,00',
        Debit: '',
      },
      {
        ...invoice,
        JournalCode: 'OD',
        JournalLib: 'Operations diverses',
        PieceRef: 'AV-13',
        Credit: '50,00',
        Debit: '',
      },
      {
        ...invoice,
        JournalCode: 'CAI',
        JournalLib: 'Caisse',
        PieceRef: 'ESP-1',
        Credit: '20,00',
        Debit: '',
      },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.items.map((item) => [item.number, item.kind])).toEqual([
      ['AV-12', 'creditNote'],
      ['AV-13', 'creditNote'],
      ['ESP-1', 'payment'],
    ]);
  });

  it('takes a journal booking on a bank account for a treasury journal, whatever its code', () => {
    const rows = [
      {
        ...invoice,
        JournalCode: 'CIC',
        JournalLib: 'CIC',
        PieceRef: 'VIR0111',
        Credit: '250,00',
        Debit: '',
      },
      {
        ...invoice,
        JournalCode: 'CIC',
        JournalLib: 'CIC',
        PieceRef: 'VIR0111',
        CompteNum: '512100',
        CompAuxNum: '',
        Debit: '250,00',
        Credit: '',
      },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.items.map((item) => [item.number, item.kind])).toEqual([['VIR0111', 'payment']]);
  });

  it('takes the collective account as the customer when CompAuxNum is empty', () => {
    const rows = [{ CompteNum: '411DUPONT', CompteLib: 'Dupont SA', PieceRef: 'F9', Debit: '10' }];
    const ledger = parseFec(fec(rows), 'fec.txt');

    expect(ledger.customers).toEqual([
      { code: '411DUPONT', name: 'Dupont SA', account: '411DUPONT' },
    ]);
    expect(ledger.items).toMatchObject([{ customerCode: '411DUPONT', customerName: 'Dupont SA' }]);
  });

  it('reads customers on the account prefixes it is given and ignores other accounts', () => {
    const rows: Record<string, string>[] = [
      { ...invoice, CompteNum: '416000', CompAuxNum: 'C0009', PieceRef: 'DOUT-1' },
      { CompteNum: '706000', CompteLib: 'Prestations', PieceRef: 'FA2025-001', Credit: '1000' },
    ];
    const ledger = parseFec(fec(rows), 'fec.txt', { customerAccountPrefixes: ['411', '416'] });

    expect(ledger.lineCount).toBe(2);
    expect(ledger.items.map((item) => [item.number, item.account])).toEqual([['DOUT-1', '416000']]);
    expect(parseFec(fec(rows), 'fec.txt').items).toEqual([]);
  });

  it('reads a due date when the package adds a DateEcheance column', () => {
    const columns = [...standardColumns, 'DateEcheance'];
    const ledger = parseFec(fec([{ ...invoice, DateEcheance: '20250314' }], { columns }), 'f.txt');

    expect(ledger.items[0]?.dueDate).toBe('2025-03-14');
    expect(parseFec(fec([invoice]), 'f.txt').items[0]?.dueDate).toBeUndefined();
  });
});
