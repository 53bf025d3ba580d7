import { describe, expect, it } from 'vitest';
import { parseMt940 } from '../../src-main/imports/mt940.js';

/** The single movement of a message made of one :61: line and its :86: lines. */
function movement(statementLine: string, information: string[]) {
  const text = [
    ':20:STMT1',
    ':25:FR7630006000011234567890189',
    ':60F:C240101EUR1000,00',
    `:61:${statementLine}`,
    ...information.map((line, at) => (at === 0 ? `:86:${line}` : line)),
    ':62F:C240131EUR1000,00',
    '-',
  ].join('\r\n');
  const transaction = parseMt940(Buffer.from(text, 'latin1'), 'bank.sta').statements[0]
    ?.transactions[0];
  if (transaction === undefined) throw new Error('no movement read');
  return transaction;
}

const credit = '240102C1500,NTRFNONREF';
const debit = '240102D1500,NTRFNONREF';

describe('parseMt940 on /KEYWORD/ information', () => {
  it('takes the ordering party as payer and glues a value wrapped mid-word', () => {
    const transaction = movement(credit, [
      '/EREF/E2E-2024-001/ORDP//NAME/MAIRIE DE LYON/IBAN/FR7630006000011234567890189/RE',
      'MI/FACTURES F2024-001 ET F2024-0',
      '02/ISDT/2024-01-02',
    ]);
    expect(transaction).toMatchObject({
      payerName: 'MAIRIE DE LYON',
      payerIban: 'FR7630006000011234567890189',
      endToEndId: 'E2E-2024-001',
      remittance: 'FACTURES F2024-001 ET F2024-002',
    });
    expect(transaction.details).toEqual([
      { label: 'EREF', text: 'E2E-2024-001' },
      { label: 'ORDP/NAME', text: 'MAIRIE DE LYON' },
      { label: 'ORDP/IBAN', text: 'FR7630006000011234567890189' },
      { label: 'REMI', text: 'FACTURES F2024-001 ET F2024-002' },
      { label: 'ISDT', text: '2024-01-02' },
    ]);
  });

  it('takes an ordering party written without its NAME sub-field as the payer', () => {
    const transaction = movement(credit, ['/ORDP/DURAND ET FILS/REMI/FACTURE FA-2024-17']);
    expect(transaction).toMatchObject({
      payerName: 'DURAND ET FILS',
      remittance: 'FACTURE FA-2024-17',
    });
  });

  it('takes an unlabelled counterparty as payer of a credit only', () => {
    const lines = [
      '/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/',
      'GEMEENTE UTRECHT/REMI/FACTUUR 2024-17/EREF/NOTPROVIDED',
    ];
    expect(movement(credit, lines)).toMatchObject({
      payerName: 'GEMEENTE UTRECHT',
      payerIban: 'NL91ABNA0417164300',
      remittance: 'FACTUUR 2024-17',
    });
    const paid = movement(debit, lines);
    expect(paid.payerName).toBeUndefined();
    expect(paid.payerIban).toBeUndefined();
    expect(paid.endToEndId).toBeUndefined();
  });

  it('reads the ING counterparty, unstructured and structured remittance, and the ultimate debtor', () => {
    const transaction = movement(credit, [
      '/CNTP/NL91ABNA0417164300/ABNANL2A/J DE VRIES/UTRECHT///ULTD//NAME/SCHOOL DE LINDE//REMI/STRD/',
      'CUR/RF18539007547034//',
    ]);
    expect(transaction).toMatchObject({
      payerName: 'J DE VRIES',
      payerIban: 'NL91ABNA0417164300',
      ultimatePayerName: 'SCHOOL DE LINDE',
      references: ['RF18539007547034'],
      remittance: 'RF18539007547034',
    });
    const unstructured = movement(credit, ['/REMI/USTD//INVOICE F2024-9/']);
    expect(unstructured.remittance).toBe('INVOICE F2024-9');
  });

  it('keeps a slash inside a value rather than cutting it there', () => {
    const transaction = movement(credit, ['/REMI/F239765/F237654/F239875/EREF/ABC']);
    expect(transaction.remittance).toBe('F239765/F237654/F239875');
    expect(transaction.endToEndId).toBe('ABC');
  });
});

describe('parseMt940 on ?NN subfield information', () => {
  const subfields = [
    '166?00GUTSCHRIFT?20EREF+E2E-77?21SVWZ+RE 2024-0001 RE 2024-0?220',
    '02?30COBADEFFXXX?31DE89370400440532013000?32MUSTERMANN GMBH UND CO KOMM',
    '?33ANDITGESELLSCHAFT?38DE89370400440532013000',
  ];

  it('joins a 27-character subfield to the next one and reads the SEPA keywords in it', () => {
    const transaction = movement(credit, subfields);
    expect(transaction).toMatchObject({
      remittance: 'RE 2024-0001 RE 2024-0002',
      endToEndId: 'E2E-77',
      payerName: 'MUSTERMANN GMBH UND CO KOMMANDITGESELLSCHAFT',
      payerIban: 'DE89370400440532013000',
    });
    expect(transaction.details.slice(0, 3)).toEqual([
      { label: 'GVC', text: '166' },
      { label: '?00', text: 'GUTSCHRIFT' },
      { label: '?20', text: 'EREF+E2E-77' },
    ]);
  });

  it('does not take the counterparty of a debit for the payer', () => {
    const transaction = movement(debit, subfields);
    expect(transaction.payerName).toBeUndefined();
    expect(transaction.payerIban).toBeUndefined();
    expect(transaction.details).toContainEqual({
      label: '?32',
      text: 'MUSTERMANN GMBH UND CO KOMM',
    });
  });

  it('separates shorter subfields with a space', () => {
    const transaction = movement(credit, ['051?20RECHNUNG 4711?21KUNDE 0815?60DANKE']);
    expect(transaction.remittance).toBe('RECHNUNG 4711 KUNDE 0815 DANKE');
  });
});

describe('parseMt940 on free-text information', () => {
  it('joins the lines with spaces and takes an IBAN in the supplementary details of a credit', () => {
    const text = [
      ':20:STMT1',
      ':25:NL91ABNA0417164300',
      ':60F:C240101EUR1000,00',
      ':61:240102C25,00N541EREF',
      'NL20INGB0001234567',
      ':86:Betaling factuur',
      '2024-0042 dank u',
      ':62F:C240131EUR1025,00',
    ].join('\n');
    const [transaction] = parseMt940(Buffer.from(text), 'plain.sta').statements[0]!.transactions;
    expect(transaction).toMatchObject({
      remittance: 'Betaling factuur 2024-0042 dank u',
      payerIban: 'NL20INGB0001234567',
      references: [],
    });
  });
});

describe('parseMt940 on free text', () => {
  it('glues a line cut at the 65 characters of SWIFT to the next, and spaces shorter ones', () => {
    const text = 'VIREMENT ECOLE JULES FERRY FACTURE FA2026000230 REGLEMENT PARTIEL DU MOIS';
    // ":86:" and 61 characters fill the first 65-character line, cutting "PARTIEL".
    const transaction = movement(credit, [text.slice(0, 61), text.slice(61), 'MERCI']);
    expect(text.slice(0, 61).endsWith(' PAR')).toBe(true);
    expect(transaction.remittance).toBe(`${text} MERCI`);
  });
});

describe('parseMt940 on keywords after a free label', () => {
  it('reads the payer, IBAN, end-to-end id and remittance after "VIR SEPA RECU"', () => {
    const transaction = movement(credit, [
      'VIR SEPA RECU',
      '/EREF/E2E-MDL-0213',
      '/NAME/MAIRIE DE LYON',
      '/IBAN/FR7610278060000002011122227',
      '/REMI/FACTURE FA2026-000150',
    ]);
    expect(transaction).toMatchObject({
      payerName: 'MAIRIE DE LYON',
      payerIban: 'FR7610278060000002011122227',
      endToEndId: 'E2E-MDL-0213',
      remittance: 'VIR SEPA RECU FACTURE FA2026-000150',
    });
  });
});
