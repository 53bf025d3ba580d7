import { describe, expect, it } from 'vitest';
import { parseCamt } from '../../src-main/imports/camt.js';
import {
  camtDocument,
  entry,
  inputErrorOf,
  lineOf,
  namespaces,
  parseText,
  statement,
} from './camt-builder.js';

describe('recognising the message', () => {
  it('reads a document whose elements carry a namespace prefix', () => {
    const xml = camtDocument(statement(entry({})))
      .replace(/<(\/?)(\w)/g, '<$1camt:$2')
      .replace('<camt:Document xmlns=', '<camt:Document xmlns:camt=')
      .replace('<camt:?xml', '<?xml');

    const file = parseText(xml);

    expect(file.format).toBe('camt.053');
    expect(file.statements[0]?.transactions[0]?.line).toBe(lineOf(xml, '<camt:Ntry>'));
  });

  it('tells camt.054 from camt.053 by the message element when the namespace is missing', () => {
    const xml = camtDocument(
      statement(entry({}), 'Ntfctn'),
      namespaces.camt053v02,
      'BkToCstmrDbtCdtNtfctn',
    ).replace(` xmlns="${namespaces.camt053v02}"`, '');

    expect(parseText(xml).format).toBe('camt.054');
  });

  it('counts lines right with CRLF line ends and an Ntry inside a comment', () => {
    const xml = camtDocument(
      statement(`      <!-- <Ntry> left out by the bank -->\n${entry({ amount: '7.00' })}`),
    ).replace(/\n/g, '\r\n');

    const [transaction] = parseText(xml).statements[0]?.transactions ?? [];

    expect(transaction?.amountCents).toBe(700);
    expect(transaction?.line).toBe(lineOf(xml, '<Ntry>\r\n'));
  });

  it('decodes a file written in ISO-8859-1', () => {
    const text = 'RÉGLEMENT FACTURE Nº 12 CNE DE NÎMES';
    const xml = camtDocument(
      statement(entry({ details: `<TxDtls><RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls>` })),
    ).replace('UTF-8', 'ISO-8859-1');

    const file = parseCamt(Buffer.from(xml, 'latin1'), 'latin1.xml');

    expect(file.statements[0]?.transactions[0]?.remittance).toBe(text);
  });

  it('decodes the euro sign and Œ of a file that declares ISO-8859-15', () => {
    const xml = camtDocument(
      statement(
        entry({ details: '<TxDtls><RmtInf><Ustrd>S#UR 99,90 $</Ustrd></RmtInf></TxDtls>' }),
      ),
    ).replace('UTF-8', 'ISO-8859-15');
    // In ISO-8859-15, 0xBC is Œ and 0xA4 the euro sign; Latin-1 reads them ¼ and ¤.
    const bytes = Buffer.from(xml.replace('#', '\u00bc').replace('$', '\u00a4'), 'latin1');

    const file = parseCamt(bytes, 'latin9.xml');

    expect(file.statements[0]?.transactions[0]?.remittance).toBe('SŒUR 99,90 €');
  });
});

describe('refusing what cannot be read', () => {
  it('throws an InputError naming the file, line and field of a malformed amount', () => {
    const xml = camtDocument(statement(entry({}) + entry({ amount: '12,50' })));

    const error = inputErrorOf(() => parseText(xml, 'releve-mars.xml'));

    expect(error.code).toBe('input.badAmount');
    expect(error.context).toEqual({
      file: 'releve-mars.xml',
      line: lineOf(xml, '<Ntry>', 2),
      field: 'Ntry/Amt',
      value: '12,50',
    });
    expect(error.message).toContain('releve-mars.xml');
  });

  it('points at the TxDtls whose own amount is malformed', () => {
    const part = '\n<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">-5.00</Amt></TxAmt></AmtDtls></TxDtls>';
    const xml = camtDocument(statement(entry({ details: part })));

    const error = inputErrorOf(() => parseText(xml));

    expect(error.code).toBe('input.badAmount');
    expect(error.context.line).toBe(lineOf(xml, '<TxDtls>'));
    expect(error.context.field).toBe('TxDtls/AmtDtls/TxAmt/Amt');
  });

  it('refuses a booking date that is not in the calendar', () => {
    const xml = camtDocument(statement(entry({ booking: '<Dt>2024-02-30</Dt>' })));

    const error = inputErrorOf(() => parseText(xml));

    expect(error.code).toBe('input.badDate');
    expect(error.context).toMatchObject({ field: 'Ntry/BookgDt', line: lineOf(xml, '<Ntry>') });
  });

  it('refuses an entry without a credit/debit indicator', () => {
    const xml = camtDocument(statement(entry({}).replace('<CdtDbtInd>CRDT</CdtDbtInd>', '')));

    const error = inputErrorOf(() => parseText(xml));

    expect(error.code).toBe('input.missingField');
    expect(error.context.field).toBe('Ntry/CdtDbtInd');
  });

  it('refuses a truncated file, giving the line where the XML breaks', () => {
    const xml = camtDocument(statement(entry({})));
    const truncated = xml.slice(0, xml.indexOf('</Ntry>'));

    const error = inputErrorOf(() => parseText(truncated));

    expect(error.code).toBe('input.malformed');
    expect(error.context).toEqual({
      file: 'test.xml',
      line: truncated.trimEnd().split('\n').length,
    });
    expect(error.message).toContain('truncated');
  });

  it('refuses a message without any statement', () => {
    const error = inputErrorOf(() => parseText(camtDocument('')));

    expect(error.code).toBe('input.malformed');
    expect(error.context.field).toBe('BkToCstmrStmt/Stmt');
  });

  it('says the format is unknown for text, JSON or another XML message', () => {
    const payment = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn><GrpHdr><MsgId>1</MsgId></GrpHdr></CstmrCdtTrfInitn>
</Document>`;

    for (const text of ['0120145 releve', '{"Ntry": []}', payment]) {
      expect(inputErrorOf(() => parseText(text, 'odd.txt')).code).toBe('file.unknownFormat');
    }
    expect(inputErrorOf(() => parseText('  \n', 'vide.xml')).code).toBe('file.empty');
  });
});
