import { describe, expect, it } from 'vitest';
import { camtDocument, entry, lineOf, namespaces, parseText, statement } from './camt-builder.js';

function v02Part(amount: string | undefined, debtor: string, text: string): string {
  const amountDetails =
    amount === undefined ? '' : `<AmtDtls><TxAmt><Amt Ccy="EUR">${amount}</Amt></TxAmt></AmtDtls>`;
  return `
          <TxDtls>
            <Refs><EndToEndId>E2E-${debtor}</EndToEndId></Refs>
            ${amountDetails}
            <RltdPties><Dbtr><Nm>${debtor}</Nm></Dbtr></RltdPties>
            <RmtInf><Ustrd>${text}</Ustrd></RmtInf>
          </TxDtls>`;
}

describe('batch entries', () => {
  it('gives each of three v02 TxDtls its own amount, never the batch total', () => {
    const batch = `<Btch><NbOfTxs>3</NbOfTxs><TtlAmt Ccy="EUR">400.00</TtlAmt></Btch>
          ${v02Part('100.00', 'COMMUNE DE LYON', 'FACT 2024-0012')}
          ${v02Part('250.50', 'CHU DE NANTES', 'FACT 2024-0013')}
          ${v02Part('49.50', 'SGC DE RENNES', 'FACT 2024-0014')}`;
    const xml = camtDocument(statement(entry({ amount: '400.00', details: batch })));

    const transactions = parseText(xml).statements[0]?.transactions ?? [];

    expect(transactions.map((t) => t.amountCents)).toEqual([10000, 25050, 4950]);
    expect(transactions.reduce((sum, t) => sum + t.amountCents, 0)).toBe(40000);
    expect(transactions.map((t) => t.amountCents)).not.toContain(40000);
    expect(transactions.map((t) => t.index)).toEqual([1, 2, 3]);
    expect(transactions.map((t) => t.line)).toEqual(
      [1, 2, 3].map((n) => lineOf(xml, '<TxDtls>', n)),
    );
    expect(transactions.map((t) => t.payerName)).toEqual([
      'COMMUNE DE LYON',
      'CHU DE NANTES',
      'SGC DE RENNES',
    ]);
    expect(transactions.map((t) => t.remittance)).toEqual([
      'FACT 2024-0012',
      'FACT 2024-0013',
      'FACT 2024-0014',
    ]);
    expect(transactions[1]?.endToEndId).toBe('E2E-CHU DE NANTES');
  });

  it('keeps a batch whole, with every text, when one of its TxDtls gives no amount', () => {
    const parts =
      v02Part('100.00', 'COMMUNE DE LYON', 'FACT 12') + v02Part(undefined, 'CHU', 'FACT 13');
    const xml = camtDocument(statement(entry({ amount: '300.00', details: parts })));

    const transactions = parseText(xml).statements[0]?.transactions ?? [];

    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toMatchObject({
      amountCents: 30000,
      line: lineOf(xml, '<Ntry>'),
      remittance: 'FACT 12 FACT 13',
      payerName: undefined,
      endToEndId: undefined,
    });
    expect(transactions[0]?.details).toEqual(
      expect.arrayContaining([
        { label: 'Counterparty', text: 'COMMUNE DE LYON' },
        { label: 'Counterparty', text: 'CHU' },
        { label: 'Refs/EndToEndId', text: 'E2E-CHU' },
      ]),
    );
  });

  it('still counts each TxDtls of a batch kept whole in the positions that follow', () => {
    const parts =
      v02Part('100.00', 'A', 'one') +
      v02Part(undefined, 'B', 'two') +
      v02Part(undefined, 'C', 'three');
    const xml = camtDocument(
      statement(entry({ amount: '300.00', details: parts }) + entry({ amount: '5.00' })),
    );

    const transactions = parseText(xml).statements[0]?.transactions ?? [];

    expect(transactions.map((transaction) => transaction.index)).toEqual([1, 4]);
  });

  it('numbers transactions across all statements of the file in file order', () => {
    const batch = v02Part('1.00', 'A', 'one') + v02Part('2.00', 'B', 'two');
    const xml = camtDocument(
      statement(entry({ details: batch })) + statement(entry({ amount: '3.00' })),
    );

    const file = parseText(xml);

    expect(file.statements).toHaveLength(2);
    expect(file.statements.flatMap((s) => s.transactions.map((t) => t.index))).toEqual([1, 2, 3]);
    expect(file.statements[1]?.transactions[0]?.line).toBe(lineOf(xml, '<Ntry>', 2));
  });
});

describe('structured remittance', () => {
  it('keeps the leading zeros of referred document numbers in a camt.054', () => {
    const part = `<TxDtls>
            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <RmtInf>
              <Ustrd>REGLEMENT MANDAT 4512</Ustrd>
              <Strd><RfrdDocInf><Nb>000123</Nb></RfrdDocInf><RfrdDocInf><Nb>000124</Nb></RfrdDocInf></Strd>
              <Strd><CdtrRefInf><Ref>RF18000000000000123</Ref></CdtrRefInf></Strd>
            </RmtInf>
          </TxDtls>`;
    const xml = camtDocument(
      statement(entry({ amount: '1250.00', details: part }), 'Ntfctn'),
      namespaces.camt054v02,
      'BkToCstmrDbtCdtNtfctn',
    );

    const file = parseText(xml);
    const [transaction] = file.statements[0]?.transactions ?? [];

    expect(file.format).toBe('camt.054');
    expect(transaction?.references).toEqual(['000123', '000124', 'RF18000000000000123']);
    expect(transaction?.remittance).toBe('REGLEMENT MANDAT 4512 000123 000124 RF18000000000000123');
    expect(transaction?.details).toContainEqual({ label: 'Strd/RfrdDocInf/Nb', text: '000123' });
    expect(transaction?.endToEndId).toBeUndefined();
  });

  it('joins several Ustrd lines, AddtlTxInf and AddtlNtryInf with single spaces', () => {
    const part = `<TxDtls>
            <RmtInf><Ustrd>VIR  TRESORERIE</Ustrd><Ustrd>FACTURES 881 ET 882</Ustrd></RmtInf>
            <AddtlTxInf>MANDAT 2024-77</AddtlTxInf>
          </TxDtls>`;
    const after = '<AddtlNtryInf>DRFIP OCCITANIE</AddtlNtryInf>';
    const xml = camtDocument(statement(entry({ details: part, after })));

    const [transaction] = parseText(xml).statements[0]?.transactions ?? [];

    expect(transaction?.remittance).toBe(
      'VIR TRESORERIE FACTURES 881 ET 882 MANDAT 2024-77 DRFIP OCCITANIE',
    );
    expect(transaction?.details.map((d) => d.label)).toEqual([
      'Ustrd',
      'Ustrd',
      'AddtlTxInf',
      'AddtlNtryInf',
    ]);
  });
});

describe('counterparties', () => {
  it('reads the payer of a v08 message from Dbtr/Pty/Nm and UltmtDbtr/Pty/Nm', () => {
    const part = (account: string) => `<TxDtls>
            <Amt Ccy="EUR">80.00</Amt>
            <RltdPties>
              <Dbtr><Pty><Nm>TRESORERIE DE VANNES</Nm></Pty></Dbtr>
              <DbtrAcct><Id><Othr><Id>${account}</Id></Othr></Id></DbtrAcct>
              <UltmtDbtr><Pty><Nm>COMMUNE DE SARZEAU</Nm></Pty></UltmtDbtr>
            </RltdPties>
          </TxDtls>`;
    const xml = camtDocument(
      statement(
        entry({ amount: '80.00', details: part('0012345678') }) +
          entry({ amount: '80.00', details: part('FR76 3000 1007 9412 3456 7890 185') }),
      ),
      namespaces.camt053v08,
    );

    const [local, sepa] = parseText(xml).statements[0]?.transactions ?? [];

    expect(local).toMatchObject({
      payerName: 'TRESORERIE DE VANNES',
      ultimatePayerName: 'COMMUNE DE SARZEAU',
      payerIban: undefined,
    });
    expect(local?.details).toContainEqual({ label: 'DbtrAcct/Othr/Id', text: '0012345678' });
    expect(sepa?.payerIban).toBe('FR7630001007941234567890185');
  });

  it('decodes numeric character references in names and texts', () => {
    const part = `<TxDtls>
            <RltdPties><Dbtr><Nm>SOCI&#201;T&#xC9; &amp; FILS</Nm></Dbtr></RltdPties>
            <RmtInf><Ustrd>FACTURE N&#176; 12 &#8211; SOLDE</Ustrd></RmtInf>
          </TxDtls>`;
    const xml = camtDocument(statement(entry({ details: part })));

    const [transaction] = parseText(xml).statements[0]?.transactions ?? [];

    expect(transaction?.payerName).toBe('SOCIÉTÉ & FILS');
    expect(transaction?.remittance).toBe('FACTURE N° 12 – SOLDE');
  });

  it('names the creditor of an outgoing transfer as the counterparty', () => {
    const part = `<TxDtls>
            <RltdPties>
              <Dbtr><Nm>OUR COMPANY SAS</Nm></Dbtr>
              <Cdtr><Nm>FOURNISSEUR SARL</Nm></Cdtr>
              <CdtrAcct><Id><IBAN>FR7612548029989876543210917</IBAN></Id></CdtrAcct>
            </RltdPties>
          </TxDtls>`;
    const xml = camtDocument(statement(entry({ indicator: 'DBIT', details: part })));

    const [transaction] = parseText(xml).statements[0]?.transactions ?? [];

    expect(transaction).toMatchObject({
      amountCents: -10000,
      payerName: 'FOURNISSEUR SARL',
      payerIban: 'FR7612548029989876543210917',
    });
  });

  it('books a reversed credit as a negative reversal naming its original debtor', () => {
    const part = `<TxDtls>
            <RltdPties>
              <Dbtr><Nm>CLIENT DUPONT</Nm></Dbtr>
              <Cdtr><Nm>OUR COMPANY SAS</Nm></Cdtr>
            </RltdPties>
            <RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf>
          </TxDtls>`;
    const xml = camtDocument(
      statement(entry({ indicator: 'DBIT', reversal: true, details: part })),
    );

    const [transaction] = parseText(xml).statements[0]?.transactions ?? [];

    expect(transaction).toMatchObject({
      amountCents: -10000,
      reversal: true,
      payerName: 'CLIENT DUPONT',
    });
    expect(transaction?.details).toContainEqual({ label: 'RtrInf/Rsn', text: 'MD06' });
  });
});

describe('entry figures', () => {
  it('reports the charges of an entry, as a total or as v02 records', () => {
    const total = '<Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">1.50</TtlChrgsAndTaxAmt></Chrgs>';
    const records =
      '<Chrgs><Amt Ccy="EUR">0.50</Amt></Chrgs><Chrgs><Amt Ccy="EUR">0.25</Amt></Chrgs>';
    const xml = camtDocument(statement(entry({ extra: total }) + entry({ extra: records })));

    const transactions = parseText(xml).statements[0]?.transactions ?? [];

    expect(transactions.map((t) => t.chargesCents)).toEqual([150, 75]);
  });

  it('keeps the calendar day the bank wrote in a booking date-time', () => {
    const xml = camtDocument(
      statement(entry({ booking: '<DtTm>2024-03-01T00:30:00+01:00</DtTm>' })),
    );

    const [transaction] = parseText(xml).statements[0]?.transactions ?? [];

    expect(transaction?.bookingDate).toBe('2024-03-01');
    expect(transaction?.bankReference).toBe('BANKREF-1');
  });

  it('accepts a booking date with a time zone', () => {
    const xml = camtDocument(statement(entry({ booking: '<Dt>2024-03-01+01:00</Dt>' })));

    expect(parseText(xml).statements[0]?.transactions[0]?.bookingDate).toBe('2024-03-01');
  });
});

describe('parseCamt on what the bank booked', () => {
  it('takes the entry amount, never the instructed one, for a single transfer less its charges', () => {
    const xml = camtDocument(
      statement(
        entry({
          amount: '985.00',
          details: `<TxDtls><AmtDtls><InstdAmt><Amt Ccy="USD">1000.00</Amt></InstdAmt></AmtDtls>
            <RmtInf><Ustrd>FACT 1</Ustrd></RmtInf></TxDtls>`,
        }),
      ),
    );
    const [transaction] = parseText(xml).statements[0]?.transactions ?? [];
    expect(transaction).toMatchObject({ amountCents: 98_500, currency: 'EUR' });
  });
});
