import { describe, expect, it } from 'vitest';
import { parseOpenItemsCsv } from '../../src-main/imports/open-items-csv.js';
import { thrownInputError } from '../support/input-error.js';

const header = 'company,customer,customer_name,invoice,issue_date,due_date,amount,open_amount';

function csv(...lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

describe('parseOpenItemsCsv', () => {
  it('reads quoted fields holding the separator, doubled quotes and a line break', () => {
    const bytes = csv(
      header,
      'ACME,C001,"Dupont, ""Le Moulin""",FA-1,2025-01-15,2025-02-14,1200.00,"1200,00"',
      'ACME,C002,"Mairie de\nSaint-Lô",FA-2,15/01/2025,,"350,5",100',
      'ACME,C001,"Dupont, ""Le Moulin""",FA-3,2025-01-20,2025-02-19,10,10',
    );
    const ledger = parseOpenItemsCsv(bytes, 'open-items.csv');

    expect(ledger.format).toBe('csv');
    expect(ledger.lineCount).toBe(3);
    expect(ledger.items).toEqual([
      {
        line: 2,
        company: 'ACME',
        customerCode: 'C001',
        customerName: 'Dupont, "Le Moulin"',
        number: 'FA-1',
        kind: 'invoice',
        issueDate: '2025-01-15',
        dueDate: '2025-02-14',
        amountCents: 120_000,
        openAmountCents: 120_000,
      },
      {
        line: 3,
        company: 'ACME',
        customerCode: 'C002',
        customerName: 'Mairie de\nSaint-Lô',
        number: 'FA-2',
        kind: 'invoice',
        issueDate: '2025-01-15',
        amountCents: 35_050,
        openAmountCents: 10_000,
      },
      expect.objectContaining({ line: 5, number: 'FA-3', amountCents: 1_000 }),
    ]);
    expect(ledger.customers).toEqual([
      { company: 'ACME', code: 'C001', name: 'Dupont, "Le Moulin"' },
      { company: 'ACME', code: 'C002', name: 'Mairie de\nSaint-Lô' },
    ]);
  });

  it('finds columns by name in any order and case, semicolon-separated with comma decimals', () => {
    const bytes = csv(
      'Open_Amount;INVOICE;Amount;Customer;Customer_Name;Company;Due_Date;Issue_Date',
      '1 234,56;FA-9;1 234,56;C7;SARL Martin;BETA;31/03/2025;01/03/2025',
    );
    const ledger = parseOpenItemsCsv(bytes, 'beta.csv');

    expect(ledger.items).toMatchObject([
      {
        company: 'BETA',
        customerCode: 'C7',
        number: 'FA-9',
        issueDate: '2025-03-01',
        dueDate: '2025-03-31',
        amountCents: 123_456,
        openAmountCents: 123_456,
      },
    ]);
  });

  it('reads a tab-separated export after a byte order mark', () => {
    const text = `\ufeff${header.replaceAll(',', '\t')}\nACME\tC1\tLycée Fénelon\tF1\t2025-01-02\t\t5\t5\n`;
    const ledger = parseOpenItemsCsv(new TextEncoder().encode(text), 'tabs.tsv');

    expect(ledger.items).toMatchObject([{ customerName: 'Lycée Fénelon', amountCents: 500 }]);
  });

  it('reads a negative amount as a credit note, with or without its kind', () => {
    const bytes = csv(
      `${header},kind`,
      'ACME,C1,Client,AV-1,2025-01-02,,-80.00,-80.00,',
      'ACME,C1,Client,AV-2,2025-01-03,,-45.00,-20.00,credit_note',
      'ACME,C1,Client,AV-3,2025-01-04,,-12.00,0,creditNote',
      'ACME,C1,Client,FA-4,2025-01-05,,99.00,99.00,Invoice',
      'ACME,C1,Client,RG-5,2025-01-06,,-30.00,-30.00,payment',
    );
    const ledger = parseOpenItemsCsv(bytes, 'kinds.csv');

    expect(
      ledger.items.map((item) => [item.number, item.kind, item.amountCents, item.openAmountCents]),
    ).toEqual([
      ['AV-1', 'creditNote', -8_000, -8_000],
      ['AV-2', 'creditNote', -4_500, -2_000],
      ['AV-3', 'creditNote', -1_200, 0],
      ['FA-4', 'invoice', 9_900, 9_900],
      ['RG-5', 'payment', -3_000, -3_000],
    ]);
  });

  it('refuses an open amount larger than the amount, naming the line and open_amount', () => {
    const bytes = csv(
      header,
      'ACME,C1,X,F1,2025-01-02,,100.00,100.00',
      'ACME,C1,X,F2,2025-01-02,,100.00,150.00',
    );
    const error = thrownInputError(() => parseOpenItemsCsv(bytes, 'larger.csv'));

    expect(error.code).toBe('input.badAmount');
    expect(error.context).toMatchObject({
      file: 'larger.csv',
      line: 3,
      field: 'open_amount',
      value: '150.00',
    });
    expect(error.message).toBe(
      'larger.csv, line 3, field open_amount: the open amount 150.00 is larger than the amount 100.00',
    );
  });

  it('refuses an open amount larger than a credit note, in absolute value', () => {
    const bytes = csv(header, 'ACME,C1,X,AV1,2025-01-02,,-100.00,-100.01');

    expect(thrownInputError(() => parseOpenItemsCsv(bytes, 'avoir.csv')).message).toBe(
      'avoir.csv, line 2, field open_amount: the open amount -100.01 is larger than the amount -100.00',
    );
  });

  it('refuses an open amount of the other sign than the amount', () => {
    const onInvoice = csv(header, 'ACME,C1,X,F1,2025-01-02,,100.00,-20');
    const onCreditNote = csv(`${header},kind`, 'ACME,C1,X,AV1,2025-01-02,,-100.00,20,credit_note');

    const invoiceError = thrownInputError(() => parseOpenItemsCsv(onInvoice, 'a.csv'));
    expect(invoiceError.code).toBe('input.badAmount');
    expect(invoiceError.message).toBe(
      'a.csv, line 2, field open_amount: the open amount -20.00 does not have the sign of the amount 100.00',
    );
    expect(thrownInputError(() => parseOpenItemsCsv(onCreditNote, 'b.csv')).message).toBe(
      'b.csv, line 2, field open_amount: the open amount 20.00 does not have the sign of the amount -100.00',
    );
  });

  it('refuses a negative invoice and a positive credit note or payment, naming the amount', () => {
    const refusal = (line: string) =>
      thrownInputError(() => parseOpenItemsCsv(csv(`${header},kind`, line), 'signs.csv'));

    const negativeInvoice = refusal('ACME,C1,X,F1,2025-01-02,,-100.00,-100.00,invoice');
    expect(negativeInvoice.code).toBe('input.badAmount');
    expect(negativeInvoice.context).toMatchObject({ line: 2, field: 'amount', value: '-100.00' });
    expect(negativeInvoice.message).toBe(
      'signs.csv, line 2, field amount: the amount -100.00 is negative but the kind is invoice: ' +
        "an invoice's amount is positive",
    );
    expect(refusal('ACME,C1,X,AV1,2025-01-02,,100.00,100.00,credit_note').message).toBe(
      'signs.csv, line 2, field amount: the amount 100.00 is positive but the kind is ' +
        "credit_note: a credit note's amount is negative",
    );
    expect(refusal('ACME,C1,X,RG1,2025-01-02,,"30,00","30,00",payment').context).toMatchObject({
      field: 'amount',
      value: '30,00',
    });
  });

  it('decodes an ISO-8859-15 file as the FEC importer does: Œ and the euro sign', () => {
    // "Œuvre €" in ISO-8859-15: 0xBC is Œ and 0xA4 the euro sign (¼ and ¤ in Latin-1).
    const name = [0xbc, ...new TextEncoder().encode('uvre '), 0xa4];
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode(`${header}\r\nACME,C1,`),
      ...name,
      ...new TextEncoder().encode(',F1,2025-01-02,,5,5\r\n'),
    ]);
    const ledger = parseOpenItemsCsv(bytes, 'latin9.csv');

    expect(ledger.items[0]?.customerName).toBe('Œuvre €');
    expect(ledger.customers[0]?.name).toBe('Œuvre €');
  });

  it('gives customers their SIREN and IBAN when the export has them', () => {
    const bytes = csv(
      `${header},customer_siren,customer_iban`,
      'ACME,C1,Commune,F1,2025-01-02,,5,5,217 500 016 00010,fr76 3000 6000 0112 3456 7890 189',
      'ACME,C2,Société,F2,2025-01-02,,5,5,,',
    );
    const ledger = parseOpenItemsCsv(bytes, 'ids.csv');

    expect(ledger.customers).toEqual([
      {
        company: 'ACME',
        code: 'C1',
        name: 'Commune',
        siren: '217500016',
        iban: 'FR7630006000011234567890189',
      },
      { company: 'ACME', code: 'C2', name: 'Société' },
    ]);
  });

  it('refuses a header without open_amount, naming the column', () => {
    const bytes = csv(header.replace(',open_amount', ''), 'ACME,C1,X,F1,2025-01-02,,5');
    const error = thrownInputError(() => parseOpenItemsCsv(bytes, 'short.csv'));

    expect(error.code).toBe('input.missingField');
    expect(error.message).toBe(
      'short.csv, line 1, field open_amount: the header has no open_amount column',
    );
  });

  it('refuses a bad date, naming the file, the line and the field', () => {
    const bytes = csv(header, 'ACME,C1,X,F1,2025-01-02,,5,5', 'ACME,C1,X,F2,2025-13-01,,5,5');
    const error = thrownInputError(() => parseOpenItemsCsv(bytes, 'dates.csv'));

    expect(error.code).toBe('input.badDate');
    expect(error.context).toMatchObject({ file: 'dates.csv', line: 3, field: 'issue_date' });
    expect(error.message).toMatch(
      /^dates\.csv, line 3, field issue_date: "2025-13-01" is not a date/,
    );
  });

  it('refuses an unquoted comma decimal in a comma-separated file, saying to quote it', () => {
    const bytes = csv(header, 'ACME,C1,X,F1,2025-01-02,,12,50,12.50');
    const error = thrownInputError(() => parseOpenItemsCsv(bytes, 'commas.csv'));

    expect(error.code).toBe('input.malformed');
    expect(error.message).toBe(
      'commas.csv, line 2: the line has 9 fields where the header has 8 ' +
        '(with comma separators, a comma-decimal amount must be quoted)',
    );
  });

  it('refuses a quote left open, naming the line where the record starts', () => {
    const bytes = csv(header, 'ACME,C1,X,F1,2025-01-02,,5,5', 'ACME,C1,"X,F2,2025-01-02,,5,5');
    const error = thrownInputError(() => parseOpenItemsCsv(bytes, 'quotes.csv'));

    expect(error.message).toBe('quotes.csv, line 3: a quoted field is never closed');
  });

  it('refuses an unknown kind and an empty invoice number, naming the field', () => {
    const kind = csv(`${header},kind`, 'ACME,C1,X,F1,2025-01-02,,5,5,facture');
    const number = csv(header, 'ACME,C1,X, ,2025-01-02,,5,5');

    expect(thrownInputError(() => parseOpenItemsCsv(kind, 'k.csv')).context).toMatchObject({
      line: 2,
      field: 'kind',
      value: 'facture',
    });
    expect(thrownInputError(() => parseOpenItemsCsv(number, 'n.csv')).message).toBe(
      'n.csv, line 2, field invoice: the invoice is empty',
    );
  });
});
