import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMt940 } from '../../src-main/imports/mt940.js';
import type { ParsedStatement, ParsedTransaction } from '../../src-main/imports/statement-types.js';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/mt940/${name}`, import.meta.url));
}

function transactionsOf(statements: ParsedStatement[]): ParsedTransaction[] {
  return statements.flatMap((statement) => statement.transactions);
}

describe('parseMt940 on the ING sample', () => {
  const file = parseMt940(fixture('ing.sta'), 'ing.sta');
  const transactions = transactionsOf(file.statements);

  it('skips the header lines and the -XXX terminator and reads one statement', () => {
    expect(file.format).toBe('mt940');
    expect(file.statements).toHaveLength(1);
    expect({ ...file.statements[0], transactions: [] }).toEqual({
      account: { otherId: '0001234567' },
      currency: 'EUR',
      // :28C: is 000, so the :20: reference names the statement.
      statementId: 'MPBZ',
      openingBalance: { date: '2010-07-22', amountCents: 0 },
      closingBalance: { date: '2010-07-23', amountCents: 347 },
      transactions: [],
    });
  });

  it('reads the seven movements with their lines, signs and dates', () => {
    expect(transactions.map((t) => [t.index, t.line, t.amountCents, t.bookingDate])).toEqual([
      [1, 8, -2_503, '2010-07-22'],
      [2, 12, -303, '2010-07-22'],
      [3, 14, -111, '2010-07-22'],
      [4, 16, -2_000, '2010-07-22'],
      [5, 18, -110, '2010-07-22'],
      [6, 20, 368, '2010-07-22'],
      [7, 22, 100, '2010-07-23'],
    ]);
    expect(transactions.every((t) => t.operationCode === 'NTRF' && t.currency === 'EUR')).toBe(
      true,
    );
  });

  it('joins the lines of a free-text :86: with spaces', () => {
    expect(transactions[0]?.remittance).toBe(
      'RC AFREKENING BETALINGSVERKEER BETREFT REKENING 4715589 PERIODE: 01-10-2010 / 31-12-2010 ' +
        'ING Bank N.V. tarifering ING',
    );
  });

  it('turns the tabs of a :86: into single spaces', () => {
    expect(transactions[1]?.remittance).toBe(
      '0111111111 GPSEOUL SPOEDBETALING MPBZS1016000047 GPSEOUL',
    );
    expect(transactions[3]?.remittance).toBe(
      'ABN AMRO BANK>AMSTERDAM 22\u00ad07\u00ad2010 09:57 002 5595781',
    );
  });

  it('keeps a customer reference but not NONREF', () => {
    expect(transactions[2]?.references).toEqual(['TMG TANGO']);
    expect(transactions[0]?.references).toEqual([]);
    expect(transactions[0]?.bankReference).toBeUndefined();
  });

  it('leaves the :86: that follows :62F: out of the last movement', () => {
    expect(transactions[6]?.remittance).toBe(
      '0111111111 Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN Betaling transactiedatum: ' +
        '22-07-2010',
    );
  });
});

describe('parseMt940 on the Rabobank sample', () => {
  const file = parseMt940(fixture('rabobank-iban.sta'), 'rabobank-iban.sta');
  const transactions = transactionsOf(file.statements);

  it('reads two statements of one IBAN after the :940: header', () => {
    expect(file.statements.map((statement) => ({ ...statement, transactions: [] }))).toEqual([
      {
        account: { iban: 'NL71RABO0123456789' },
        currency: 'EUR',
        statementId: '940S130101',
        openingBalance: { date: '2013-01-01', amountCents: 100_000 },
        closingBalance: { date: '2013-01-08', amountCents: 96_500 },
        transactions: [],
      },
      {
        account: { iban: 'NL71RABO0123456789' },
        currency: 'EUR',
        statementId: '940S130101',
        openingBalance: { date: '2013-01-08', amountCents: 96_500 },
        closingBalance: { date: '2013-01-15', amountCents: 93_000 },
        transactions: [],
      },
    ]);
    expect(transactions.map((t) => [t.index, t.line, t.amountCents])).toEqual([
      [1, 6, -2_500],
      [2, 10, -1_000],
      [3, 18, -2_500],
      [4, 22, -1_000],
    ]);
  });

  it('glues a keyword value wrapped mid-word across lines', () => {
    expect(transactions[0]).toEqual({
      index: 1,
      line: 6,
      bookingDate: '2013-01-01',
      valueDate: '2013-01-01',
      amountCents: -2_500,
      currency: 'EUR',
      remittance: '',
      references: [],
      endToEndId: '01-01-2013 12:00 0030000987654321',
      operationCode: 'N102',
      reversal: false,
      details: [
        { label: 'supplementary details', text: 'NL70ABNA0987654321' },
        { label: 'EREF', text: '01-01-2013 12:00 0030000987654321' },
        { label: 'BENM/NAME', text: 'CONTRA ACCOUNT HOLDER' },
        { label: 'ISDT', text: '2013-07-11' },
      ],
    });
  });

  it('reads /REMI/ as the remittance and never takes the beneficiary for the payer', () => {
    expect(transactions[1]).toMatchObject({
      remittance: 'Reference 201301234',
      operationCode: 'N154',
      details: expect.arrayContaining([{ label: 'BENM/NAME', text: 'JOHN DOE' }]),
    });
    expect(transactions.some((t) => t.payerName !== undefined || t.payerIban !== undefined)).toBe(
      false,
    );
  });
});

describe('parseMt940 on the Luxembourg multi-line sample', () => {
  const file = parseMt940(fixture('lu-multiline-fr.sta'), 'lu-multiline-fr.sta');
  const [statement, stray] = file.statements;
  const movement = statement?.transactions[0];

  it('reads a BIC/account :25:, a :28: statement number and the balances', () => {
    expect(statement?.account).toEqual({ otherId: '"NUMERO DE COMPTE IBAN 2"' });
    expect(statement?.statementId).toBe('00115/001');
    expect(statement?.openingBalance).toEqual({ date: '2004-08-02', amountCents: 1_640 });
    expect(statement?.closingBalance).toEqual({ date: '2004-08-04', amountCents: 1_140 });
  });

  it('reads "DR5," as a debit of 5,00 with funds code R, and both references', () => {
    expect(movement).toMatchObject({
      index: 1,
      line: 5,
      valueDate: '2004-08-04',
      bookingDate: '2004-08-04',
      amountCents: -500,
      operationCode: 'NTRF',
      references: ['REFERENCE DO 111'],
      bankReference: 'MUL0408041114005',
      reversal: false,
    });
    expect(movement?.details).toContainEqual({
      label: 'supplementary details',
      text: '/OCMT/EUR4,5//IACC/D3/',
    });
  });

  it('joins ?20-?29 then ?60-?65 into the remittance and reads the /CHGS/ charges', () => {
    const lines = [1, 2, 3, 4, 5].map((n) => `LIGNE${String(n).repeat(21)}X12345678`);
    const later = ['7', '8', '9'].map((n) => `LIGNE${n.repeat(21)}X12345678`);
    const names = [1, 2, 3, 4, 5, 6].map((n) => `NOM ET ADRESSE DO / BENEF ${n}12345678`);
    expect(movement?.remittance).toBe(
      [...lines, '/CHGS/EUR0,5/', ...later, 'LIGNE101010101010101010101X12345678', ...names].join(
        ' ',
      ),
    );
    expect(movement?.chargesCents).toBe(50);
  });

  it('keeps the counterparty subfields in the details but not as payer of a debit', () => {
    expect(movement?.details).toEqual(
      expect.arrayContaining([
        { label: 'GVC', text: '020' },
        { label: '?00', text: 'VIREMENT111111111111111111X' },
        { label: '?30', text: 'BILLLULL1234' },
        { label: '?31', text: 'NUMERO DE COMPTE01234567' },
        { label: '?32', text: 'NOM DU DO / BENEFICIAIRE 11' },
        { label: '?33', text: 'NOM DU DO / BENEFICIAIRE 22' },
        { label: '?38', text: 'NUMERO DE COMPTE IBAN 234567890123' },
      ]),
    );
    expect(movement?.payerName).toBeUndefined();
  });

  it('leaves the statement :86: after :62F: and :64: out of every movement', () => {
    expect(transactionsOf(file.statements).some((t) => t.remittance.includes('FREE TEXT'))).toBe(
      false,
    );
  });

  it('reads a :61: left after the final "-" as a statement of the same account', () => {
    expect(file.statements).toHaveLength(2);
    expect(stray?.account).toEqual(statement?.account);
    expect(stray?.openingBalance).toBeUndefined();
    expect(stray?.transactions).toEqual([
      {
        index: 2,
        line: 38,
        bookingDate: '2022-12-20',
        valueDate: '2022-12-19',
        amountCents: 11_900,
        currency: 'EUR',
        remittance: '',
        references: ['341241773/1XXXXX'],
        bankReference: 'O/341241774',
        operationCode: 'NMSC',
        reversal: false,
        details: [
          { label: 'customer reference', text: '341241773/1XXXXX' },
          { label: 'supplementary details', text: 'Paiement' },
        ],
      },
    ]);
  });
});
