import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCfonb120 } from '../../src-main/imports/cfonb120.js';
import type { ParsedStatement, ParsedTransaction } from '../../src-main/imports/statement-types.js';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/cfonb120/${name}`, import.meta.url));
}

function transactionsOf(statements: ParsedStatement[]): ParsedTransaction[] {
  return statements.flatMap((statement) => statement.transactions);
}

function sumOf(transactions: ParsedTransaction[]): number {
  return transactions.reduce((total, transaction) => total + transaction.amountCents, 0);
}

describe('parseCfonb120 on the OCA classic sample', () => {
  const file = parseCfonb120(fixture('oca-classic.cfo'), 'oca-classic.cfo');
  const [statement] = file.statements;
  const transactions = transactionsOf(file.statements);
  const byPayer = (name: string) => transactions.filter((t) => t.payerName === name);

  it('reads one statement of one account with its 01 and 07 balances', () => {
    expect(file.format).toBe('cfonb120');
    expect(file.statements).toHaveLength(1);
    expect(statement?.account).toEqual({
      bankCode: '30003',
      branchCode: '01234',
      accountNumber: '01234567890',
    });
    expect(statement?.currency).toBe('EUR');
    // 01: 0000010173118I, 07: 0000010315857I, two decimals.
    expect(statement?.openingBalance).toEqual({ date: '2024-01-12', amountCents: 101_731_189 });
    expect(statement?.closingBalance).toEqual({ date: '2024-01-13', amountCents: 103_158_579 });
  });

  it('finds the 13 movements, numbered in file order, adding up to the change of balance', () => {
    expect(transactions.map((t) => t.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(transactions.map((t) => t.line)).toEqual([
      2, 6, 12, 18, 23, 27, 32, 37, 41, 46, 52, 59, 68,
    ]);
    expect(transactions.map((t) => t.amountCents)).toEqual([
      104_017, 132_100, 477_291, 234_112, 21_880, 51_080, 52_078, 155_223, 569_076, -1_999, -1_999,
      -61_714, -303_755,
    ]);
    expect(sumOf(transactions)).toBe(103_158_579 - 101_731_189);
  });

  it('reads the first transfer: +1 040,17 from MA JOLIE BOUTIQUE with its invoice number', () => {
    expect(transactions[0]).toEqual({
      index: 1,
      line: 2,
      bookingDate: '2024-01-13',
      valueDate: '2024-01-13',
      amountCents: 104_017,
      currency: 'EUR',
      payerName: 'MA JOLIE BOUTIQUE',
      remittance: 'VIR INST MA JOLIE BOUTIQUE facture F230875',
      references: [],
      operationCode: '18',
      reversal: false,
      details: [
        { label: 'LIB', text: 'facture F230875' },
        { label: 'NPY', text: 'MA JOLIE BOUTIQUE' },
        { label: 'NBE', text: 'AKRETION FRANCE' },
      ],
    });
  });

  it('glues LC2 to the LCC it continues, with no space, even inside a number', () => {
    const [first, second] = byPayer('AKRETION FRANCE');
    // LCC ends "Ident: 00003" at column 118 and LC2 holds "263".
    expect(first?.remittance).toMatch(/Compte Fact: 30008765 - Ident: 00003263$/);
    expect(second?.remittance).toMatch(/Compte Fact: 30008765 - Ident: 00003074$/);
    expect(first?.details.filter((d) => d.label.startsWith('LC'))).toEqual([
      {
        label: 'LCC',
        text: 'FIBENT - FR - Facture: 76662391 - Compte Fact: 30008765 - Ident: 00003',
      },
      { label: 'LC2', text: '263' },
    ]);
  });

  it('keeps several invoice numbers of one transfer in its remittance', () => {
    expect(byPayer('RATP')[0]?.remittance).toBe(
      'VIR RATP Akretion factures F239765/F237654/F239875/F240001',
    );
    expect(byPayer('DURANCIA MONTGENEVRE')[0]?.remittance).toBe(
      'VIR DURANCIA MONTGENEVRE F230866 F230765 F238765 F230866 F230765 F238765',
    );
  });

  it('names a public payer and keeps its client reference as a reference', () => {
    const [dga] = byPayer('DGA FRANCE');
    expect(dga?.amountCents).toBe(51_080);
    expect(dga?.remittance).toBe('VIR DGA FRANCE F238765+F229876');
    expect(dga?.references).toEqual(['9']);
    expect(dga?.endToEndId).toBe('9');
  });

  it('attaches a 05 whose header differs from its 04 to that 04 anyway', () => {
    // Line 21 (NBE) carries operation 0005/18 under the 04 of line 18 (0621/45).
    const econymo = transactions[3];
    expect(econymo?.payerName).toBe('Econymo Software SARL');
    expect(econymo?.operationCode).toBe('45');
    expect(econymo?.details.map((d) => d.label)).toEqual(['LIB', 'NPY', 'NBE', 'LCC']);
    expect(econymo?.remittance).toBe('VIR Econymo Software SARL Invoice F235678 Invoice F235678');
  });

  it('keeps every qualifier of the file in the details', () => {
    const labels = new Set(transactions.flatMap((t) => t.details.map((d) => d.label)));
    expect([...labels].sort()).toEqual([
      'IBE',
      'IPY',
      'LC2',
      'LCC',
      'LIB',
      'NBE',
      'NPY',
      'RCN',
      'RUM',
    ]);
  });

  it('reads a direct debit: negative, mandate and creditor id kept, a non-IBAN IPY not an IBAN', () => {
    const debit = transactions[9];
    expect(debit?.amountCents).toBe(-1_999);
    expect(debit?.operationCode).toBe('B1');
    expect(debit?.payerIban).toBeUndefined();
    expect(debit?.references).toEqual(['fmpmt-1168225394']);
    expect(debit?.details).toContainEqual({ label: 'IPY', text: 'fmc-31375826' });
    expect(debit?.details).toContainEqual({
      label: 'RUM',
      text: 'FM-47933521-1                      RCUR',
    });
    expect(debit?.details).toContainEqual({
      label: 'IBE',
      text: 'FR07ZZZ591778                      IDENTIFIANT CREANCIER SEPA',
    });
  });

  it('keeps lowercase text as the bank wrote it', () => {
    expect(transactions[0]?.details[0]?.text).toBe('facture F230875');
    expect(transactions[9]?.references).toEqual(['fmpmt-1168225394']);
  });
});

describe('parseCfonb120 on the pennylane sample', () => {
  const file = parseCfonb120(fixture('pennylane-example.txt'), 'pennylane-example.txt');
  const [first, second] = file.statements;
  const transactions = transactionsOf(file.statements);

  it('reads two statements of two accounts, with negative balances', () => {
    expect(file.statements).toHaveLength(2);
    expect(first?.account).toEqual({
      bankCode: '15589',
      branchCode: '00000',
      accountNumber: '98765432100',
    });
    expect(first?.openingBalance).toEqual({ date: '2019-05-15', amountCents: -19_040 });
    expect(first?.closingBalance).toEqual({ date: '2019-05-16', amountCents: -24_121 });
    expect(second?.account).toEqual({
      bankCode: '18706',
      branchCode: '00000',
      accountNumber: '00123456789',
    });
    expect(second?.openingBalance).toEqual({ date: '2019-05-16', amountCents: -24_121 });
    expect(second?.closingBalance).toEqual({ date: '2019-05-17', amountCents: -16_372 });
  });

  it('keeps in its statement a movement whose bank code changed (15589 then 15489)', () => {
    expect(first?.transactions.map((t) => t.line)).toEqual([3, 16, 19]);
    expect(first?.transactions[2]?.remittance).toBe('F COMMISSION D INTERVENTION');
    expect(sumOf(first?.transactions ?? [])).toBe(-24_121 - -19_040);
    expect(sumOf(second?.transactions ?? [])).toBe(-16_372 - -24_121);
  });

  it('reads negative amounts ending in } and J-R, and counts the blank lines', () => {
    expect(transactions.map((t) => [t.line, t.amountCents])).toEqual([
      [3, -3_221],
      [16, -1_070],
      [19, -790],
      [26, 9_749],
      [29, -1_210],
      [31, -790],
    ]);
    expect(transactions.map((t) => t.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps unknown and odd qualifiers, skips a blank 05, and separates REF and RCN references', () => {
    const [debit] = transactions;
    expect(debit?.details.map((d) => d.label)).toEqual([
      'LIB',
      'LIB',
      'REF',
      'RCN',
      'NPY',
      'AAA',
      'AAA',
      'BBB',
      'CCC',
      'N Y',
      "2'C",
    ]);
    expect(debit?.references).toEqual(['REFERENCE', 'OTHER REFERENCE']);
    expect(debit?.payerName).toBe('INTERNET SFR');
    expect(debit?.remittance).toBe(
      'PRLV SEPA TEST CABINET MENSUEAUHTR13133 MENSUEAUHTR13DUP INTERNETA AAA INTERNETA ABB ' +
        'INTERNETE BBB INTERNETI CCC EXAMPLE WITH EMPTY SPACE EXAMPLE WITH OTHER COMBINATIONS',
    );
  });

  it('takes the bank reference from positions 105-120 and the value date apart', () => {
    expect(transactions[1]?.bankReference).toBe('REFERENCE');
    expect(transactions[0]?.bankReference).toBeUndefined();
    expect(transactions[3]).toMatchObject({ bookingDate: '2019-05-17', valueDate: '2019-05-15' });
  });
});

describe('parseCfonb120 on the silarhi sample', () => {
  const file = parseCfonb120(fixture('silarhi-complex.txt'), 'silarhi-complex.txt');
  const transactions = transactionsOf(file.statements);

  it('reads eight daily statements of two accounts, empty days included', () => {
    expect(file.statements.map((s) => [s.account.accountNumber, s.transactions.length])).toEqual([
      ['00012345603', 1],
      ['00020427603', 2],
      ['00020427603', 0],
      ['00020427603', 1],
      ['00020427603', 0],
      ['00020427603', 1],
      ['00020427603', 0],
      ['00020427603', 0],
    ]);
    for (const statement of file.statements) {
      const change =
        (statement.closingBalance?.amountCents ?? 0) - (statement.openingBalance?.amountCents ?? 0);
      expect(sumOf(statement.transactions)).toBe(change);
    }
  });

  it('reads a PAS DE MOUVEMENT day as a statement with balances and no movement', () => {
    expect(file.statements[7]).toEqual({
      account: { bankCode: '10278', branchCode: '02204', accountNumber: '00020427603' },
      currency: 'EUR',
      openingBalance: { date: '2020-04-23', amountCents: 58_435_302 },
      closingBalance: { date: '2020-04-24', amountCents: 58_435_302 },
      transactions: [],
    });
  });

  it('joins repeated LIB lines in order', () => {
    expect(transactions[4]?.remittance).toBe(
      'PRLV SEPA OVH SAS PAYMENT ORDER 124359169 ERS INF ORDER 124359169',
    );
    expect(transactions[4]?.line).toBe(18);
  });

  it('reads a value date earlier than the booking date', () => {
    expect(transactions[3]).toMatchObject({
      line: 12,
      bookingDate: '2020-04-10',
      valueDate: '2020-04-01',
      amountCents: -11_775,
      remittance: 'FACTURE SGT20022040001692 DONT TVA 11 39EUR',
    });
  });
});

describe('parseCfonb120 on line layouts', () => {
  const original = fixture('oca-classic.cfo').toString('latin1');
  const parsedOriginal = parseCfonb120(Buffer.from(original, 'latin1'), 'x.cfo');
  const reparse = (text: string) => parseCfonb120(Buffer.from(text, 'latin1'), 'x.cfo');

  it('reads a file whose records are glued with no line break, one line per record', () => {
    expect(reparse(original.replace(/\n/g, ''))).toEqual(parsedOriginal);
  });

  it('reads CRLF and CR line ends and lines whose trailing spaces were trimmed', () => {
    const trimmed = original.split('\n').map((line) => line.trimEnd());
    expect(reparse(trimmed.join('\r\n'))).toEqual(parsedOriginal);
    expect(reparse(trimmed.join('\r'))).toEqual(parsedOriginal);
  });

  it('reads a glued file whose last record lost its trailing spaces', () => {
    expect(reparse(original.replace(/\n/g, '').trimEnd())).toEqual(parsedOriginal);
  });
});
