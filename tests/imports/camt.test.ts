import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCamt } from '../../src-main/imports/camt.js';
import type { ParsedStatement, ParsedTransaction } from '../../src-main/imports/statement-types.js';

function readSample(name: string) {
  const bytes = readFileSync(new URL(`../fixtures/camt/${name}`, import.meta.url));
  return parseCamt(bytes, name);
}

function onlyStatement(name: string): ParsedStatement {
  const file = readSample(name);
  expect(file.statements).toHaveLength(1);
  return file.statements[0] as ParsedStatement;
}

function labelled(transaction: ParsedTransaction | undefined, label: string): string[] {
  return (transaction?.details ?? []).filter((d) => d.label === label).map((d) => d.text);
}

describe('camt.053.001.02 with a batch, a reversal and text only in AddtlTxInf (OCA)', () => {
  const name = 'oca-camt053-batch-reversal.xml';
  const statement = onlyStatement(name);
  const [insurance, returnedFirst, returnedSecond, media] = statement.transactions;

  it('reads the account, statement id and booked balances', () => {
    expect(readSample(name).format).toBe('camt.053');
    expect(statement.account).toEqual({ iban: 'NL77ABNA0574908765' });
    expect(statement.currency).toBe('EUR');
    expect(statement.statementId).toBe('1234Test/1');
    expect(statement.openingBalance).toEqual({ date: '2014-01-05', amountCents: 1556827 });
    expect(statement.closingBalance).toEqual({ date: '2014-01-05', amountCents: 1512112 });
  });

  it('makes each TxDtls of the batch entry a transaction with its own amount', () => {
    expect(statement.transactions.map((t) => t.amountCents)).toEqual([
      -75425, -56405, -10000, 140531,
    ]);
    expect((returnedFirst?.amountCents ?? 0) + (returnedSecond?.amountCents ?? 0)).toBe(-66405);
    expect(statement.transactions.map((t) => t.index)).toEqual([1, 2, 3, 4]);
    // Entries start at their <Ntry>, batch parts at their own <TxDtls>.
    expect(statement.transactions.map((t) => t.line)).toEqual([50, 144, 185, 228]);
    expect(statement.transactions.every((t) => t.bookingDate === '2014-01-05')).toBe(true);
  });

  it('flags the reversed batch and keeps the debit sign the bank booked', () => {
    expect(statement.transactions.map((t) => t.reversal)).toEqual([false, true, true, false]);
    expect(returnedFirst?.endToEndId).toBe('TESTBANK/NL/20141229/01206408');
    expect(returnedSecond?.endToEndId).toBe('TESTBANK/NL/20141229/01206407');
    expect(labelled(returnedFirst, 'RtrInf/Rsn')).toEqual(['AC06']);
    expect(labelled(returnedSecond, 'Refs/MndtId')).toEqual(['NL22ZZZ524885430000-C0125.2']);
    expect(returnedFirst?.payerName).toBe('Test Customer');
    expect(returnedFirst?.operationCode).toBe('PMNT/IDDT/UPDD');
  });

  it('names the creditor of an outgoing direct debit as the counterparty', () => {
    expect(insurance?.payerName).toBe('INSURANCE COMPANY TESTX');
    expect(insurance?.payerIban).toBe('NL46ABNA0499998748');
    expect(insurance?.endToEndId).toBe('435005714488-ABNO33052620');
    expect(insurance?.remittance).toBe(
      'Insurance policy 857239PERIOD 01.01.2014 - 31.12.2014 ' +
        'MKB Insurance 859239PERIOD 01.01.2014 - 31.12.2014',
    );
    expect(labelled(insurance, 'BkTxCd/Prtry')).toEqual(['EI']);
  });

  it('takes the remittance from AddtlTxInf when there is no RmtInf', () => {
    expect(media?.remittance).toBe('#RD PARTY MEDIA CUSNO 90782 4210773');
    expect(media?.payerName).toBe('3rd party Media');
    expect(media?.payerIban).toBe('NL69ABNA0522123643');
    expect(media?.endToEndId).toBe('115');
    expect(media?.references).toEqual([]);
    expect(media?.operationCode).toBe('PMNT/RCDT/ESCT');
  });
});

describe('camt.053.001.04 with two TxDtls and their own amounts (OCA)', () => {
  const statement = onlyStatement('oca-camt053-txdtls.xml');
  const [first, second] = statement.transactions;

  it('splits the 3483.00 CHF entry into 2187.00 and 1296.00', () => {
    expect(statement.currency).toBe('CHF');
    expect(statement.transactions.map((t) => t.amountCents)).toEqual([218700, 129600]);
    expect(statement.transactions.map((t) => t.currency)).toEqual(['CHF', 'CHF']);
    expect(statement.transactions.map((t) => t.line)).toEqual([79, 144]);
    expect(first?.bookingDate).toBe('2017-03-22');
    expect(first?.valueDate).toBe('2017-03-23');
  });

  it('reconciles the opening balance and the transactions with the closing balance', () => {
    const moved = statement.transactions.reduce((sum, t) => sum + t.amountCents, 0);
    expect(statement.openingBalance).toEqual({ date: '2017-03-22', amountCents: 7596015 });
    expect(statement.closingBalance).toEqual({ date: '2017-03-23', amountCents: 7944315 });
    expect((statement.openingBalance?.amountCents ?? 0) + moved).toBe(7944315);
  });

  it('gives each part its own payer and structured reference', () => {
    expect(first?.payerName).toBe('Banque Cantonale Vaudoise');
    expect(first?.payerIban).toBe('CH2222000000123456789');
    expect(second?.payerIban).toBe('CH3333000000123456789');
    expect(first?.references).toEqual(['302388292000011111111111111']);
    expect(second?.references).toEqual(['302388292000022222222222222']);
    expect(first?.endToEndId).toBeUndefined();
  });

  it('adds the entry text, accents intact, to each part', () => {
    expect(second?.remittance).toBe(
      '302388292000022222222222222 ?REJECT?0 CRÉDIT GROUPÉ BVR TRAITEMENT DU 22.03.2017 ' +
        'NUMÉRO CLIENT 01-70884-3 PAQUET ID: 123456CHCAFEBABE',
    );
    expect(labelled(first, 'AddtlNtryInf')).toHaveLength(1);
  });

  it('prefers the TxDtls bank code and keeps the entry bank reference', () => {
    expect(first?.operationCode).toBe('PMNT/RCDT/AUTT');
    expect(first?.bankReference).toBe('20170323001234567891234567891234');
    expect(labelled(first, 'Refs/AcctSvcrRef')).toEqual(['123456CHCAFEBABE']);
    expect(labelled(first, 'NtryRef')).toEqual(['012345678']);
  });
});

describe('camt.054.001.04 notification (OCA)', () => {
  const file = readSample('oca-camt054.xml');
  const [transaction] = file.statements[0]?.transactions ?? [];

  it('is recognised as camt.054 with one notification and no balances', () => {
    expect(file.format).toBe('camt.054');
    expect(file.statements).toHaveLength(1);
    expect(file.statements[0]?.account).toEqual({ iban: 'NL77ABNA0574908765' });
    expect(file.statements[0]?.currency).toBe('EUR');
    expect(file.statements[0]?.openingBalance).toBeUndefined();
    expect(file.statements[0]?.transactions).toHaveLength(1);
  });

  it('keeps the leading zeros of the structured reference and the end-to-end id', () => {
    expect(transaction).toMatchObject({
      index: 1,
      line: 31,
      bookingDate: '2022-01-26',
      amountCents: 500,
      payerName: 'Test Customer',
      payerIban: 'NL46ABNA0499998748',
      endToEndId: 'ENDTOENDID-01',
      bankReference: '98888208N8',
      references: ['000000000000000000000000003'],
      remittance: '000000000000000000000000003 Additional entry info',
      reversal: false,
    });
  });
});

describe('camt.053.001.08 (genkgo)', () => {
  const statement = onlyStatement('genkgo-camt053-v8.xml');
  const [transaction] = statement.transactions;

  it('reads an account given as Othr/Id and balances of any sign', () => {
    expect(statement.account).toEqual({ otherId: 'NL26VAYB8060476890' });
    expect(statement.currency).toBe('EUR');
    expect(statement.openingBalance).toEqual({ date: '2014-12-30', amountCents: 1815 });
    expect(statement.closingBalance).toEqual({ date: '2014-12-30', amountCents: -2700 });
  });

  it('books a lone TxDtls at the entry amount, not its own zero SEK amount', () => {
    expect(statement.transactions).toHaveLength(1);
    expect(transaction?.amountCents).toBe(885);
    expect(transaction?.currency).toBe('EUR');
  });

  it('takes the day of a booking DtTm and the payer from Dbtr/Pty', () => {
    expect(transaction).toMatchObject({
      line: 110,
      bookingDate: '2014-12-31',
      valueDate: '2015-01-02',
      payerName: 'NAME NAME',
      payerIban: 'NL56AGDH9619008421',
      endToEndId: 'MUELL/FINP/RA12345',
      references: ['4654654654654654'],
      remittance: '4654654654654654',
      bankReference: 'AAAASESS-FP-CN_98765/01',
      operationCode: 'PMNT/RCDT/BOOK',
    });
  });
});

describe('camt.053.001.02 batch booking (viafintech)', () => {
  const statement = onlyStatement('viafintech-camt053-batch.xml');
  const [batch, refund, transfer] = statement.transactions;

  it('reads three entries, the batch without TxDtls being one transaction', () => {
    expect(statement.transactions.map((t) => t.amountCents)).toEqual([-475374, 268800, 500000]);
    expect(statement.transactions.map((t) => t.bookingDate)).toEqual([
      '2019-05-21',
      '2019-06-13',
      '2019-06-18',
    ]);
    expect(statement.transactions.map((t) => t.line)).toEqual([115, 148, 208]);
    expect(labelled(batch, 'Btch/NbOfTxs')).toEqual(['3']);
    expect(batch?.payerName).toBeUndefined();
    expect(batch?.remittance).toBe('');
  });

  it('gives a lone TxDtls without amount the amount of its entry', () => {
    expect(refund).toMatchObject({
      payerName: 'TEST',
      payerIban: 'NL86INGB00066666666',
      remittance: 'TERUGGAAF',
      endToEndId: 'GBSXX21170607391766562',
    });
    expect(transfer).toMatchObject({ payerName: 'Bedrijf BV', payerIban: 'NL11INGB0001234567' });
  });

  it('opens with OPBD rather than the earlier PRCD balance', () => {
    expect(statement.account).toEqual({ iban: 'NL18INGB00012345678' });
    expect(statement.openingBalance).toEqual({ date: '2019-01-01', amountCents: 732980 });
    expect(statement.closingBalance).toEqual({ date: '2019-06-23', amountCents: 2303820 });
  });
});
