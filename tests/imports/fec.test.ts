import { readFileSync } from 'node:fs';
import { detectFormat } from '../../src-main/imports/detect-format.js';
import { describe, expect, it } from 'vitest';
import { parseFec } from '../../src-main/imports/fec.js';
import { fec, fecText, invoice, standardColumns } from '../support/fec-text.js';
import { thrownInputError } from '../support/input-error.js';

const sampleName = '123456789FEC20500930.txt';
const sample = readFileSync(new URL(`../fixtures/fec/${sampleName}`, import.meta.url));

describe('parseFec on the neolegal sample ledger', () => {
  const ledger = parseFec(sample, sampleName);

  it('takes the SIREN from the file name and counts every data line', () => {
    expect(ledger.format).toBe('fec');
    expect(ledger.siren).toBe('123456789');
    // `grep -c $'\n'` gives 10756 line feeds; the last line has none, the first is the header.
    expect(ledger.lineCount).toBe(10756);
  });

  it('lists the collective account as the only customer, no line having an auxiliary account', () => {
    // awk -F'\t' '$5 ~ /^411/': four lines, all on 411100000 "CLIENTS" with CompAuxNum empty.
    expect(ledger.customers).toEqual([
      { code: '411100000', name: 'CLIENTS', account: '411100000' },
    ]);
  });

  it('finds the two unlettered customer lines as open invoices', () => {
    // The other two 411 lines (opening balance 2153,38 and its reversal) carry lettrage AAAF.
    // Records are separated by CR then CRLF, so an editor shows record n on line 2n - 1:
    // `awk 'NR == 8980'` (after removing the CRs) is line 17959, and NR 8983 is line 17965.
    expect(ledger.items).toEqual([
      {
        line: 17959,
        customerCode: '411100000',
        customerName: 'CLIENTS',
        number: 'OD000000095',
        kind: 'invoice',
        issueDate: '2023-04-26',
        amountCents: 7_578_450,
        openAmountCents: 7_578_450,
        account: '411100000',
        label: 'RETROCESSION ACLA INTERCO',
      },
      {
        line: 17965,
        customerCode: '411100000',
        customerName: 'CLIENTS',
        number: 'OD000000096',
        kind: 'invoice',
        issueDate: '2023-04-26',
        amountCents: 5_241_600,
        openAmountCents: 5_241_600,
        account: '411100000',
        label: 'RETROCESSION STEVE MC TWO  INTERCO',
      },
    ]);
  });
});

describe('parseFec on files of other shapes', () => {
  it('reads a pipe-separated file', () => {
    const ledger = parseFec(fec([invoice], { separator: '|' }), '552100554FEC20251231.txt');

    expect(ledger.siren).toBe('552100554');
    expect(parseFec(fec([invoice]), 'C:\\exports\\552100554FEC20251231.txt').siren).toBe(
      '552100554',
    );
    expect(ledger.items).toMatchObject([
      { line: 2, customerCode: 'C0001', number: 'FA2025-001', amountCents: 120_000 },
    ]);
  });

  it('reads a semicolon-separated file', () => {
    const ledger = parseFec(fec([invoice], { separator: ';' }), 'ledger.csv');

    expect(ledger.siren).toBeUndefined();
    expect(ledger.items).toMatchObject([{ customerName: 'Commune de Saint-Agrève' }]);
  });

  it('finds columns by name in a 22-column variant written in another order and case', () => {
    const columns = [
      ...standardColumns.slice(9),
      ...standardColumns.slice(0, 9),
      'DateRglt',
      'ModeRglt',
      'NatOp',
      'IdClient',
    ];
    const rows = [{ ...invoice, DateRglt: '20250301', ModeRglt: 'VIR', IdClient: 'X' }];
    const bytes = fec(rows, { columns, headerName: (column) => column.toUpperCase() });
    const ledger = parseFec(bytes, 'fec.txt');

    expect(columns).toHaveLength(22);
    expect(ledger.items).toMatchObject([
      { customerCode: 'C0001', number: 'FA2025-001', amountCents: 120_000 },
    ]);
  });

  it('reads the Montant and Sens variant, D as a debit and C as a credit', () => {
    const columns = standardColumns.flatMap((name) =>
      name === 'Debit' ? ['Montant', 'Sens'] : name === 'Credit' ? [] : [name],
    );
    const rows = [
      { ...invoice, Montant: '500,00', Sens: 'D' },
      { ...invoice, PieceRef: 'AV2025-002', Montant: '80,00', Sens: 'C' },
    ];
    const ledger = parseFec(fec(rows, { columns }), 'fec.txt');

    expect(ledger.items).toMatchObject([
      { number: 'FA2025-001', kind: 'invoice', amountCents: 50_000 },
      { number: 'AV2025-002', kind: 'creditNote', amountCents: -8_000 },
    ]);
  });

  it('decodes ISO-8859-15 bytes, é at 0xE9 and the euro sign at 0xA4', () => {
    const rows = [{ ...invoice, CompAuxLib: 'Hôpital de Sélestat', EcritureLib: 'Révision 12 €' }];
    const text = fecText(rows);
    const bytes = Uint8Array.from(text, (character) =>
      character === '€' ? 0xa4 : character.charCodeAt(0),
    );
    const ledger = parseFec(bytes, 'fec.txt');

    expect(bytes.includes(0xe9)).toBe(true);
    expect(ledger.customers).toMatchObject([{ name: 'Hôpital de Sélestat' }]);
    expect(ledger.items).toMatchObject([{ label: 'Révision 12 €' }]);
  });

  it('reads CR, LF and CRLF line ends mixed in one file after a UTF-8 byte order mark', () => {
    const lines = fecText([invoice, { ...invoice, PieceRef: 'F2' }, { ...invoice, PieceRef: 'F3' }])
      .split('\r\n')
      .filter((line) => line !== '');
    const text = `\ufeff${lines[0]}\r\n${lines[1]}\r${lines[2]}\n\r\n${lines[3]}`;
    const ledger = parseFec(new TextEncoder().encode(text), 'fec.txt');

    expect(ledger.lineCount).toBe(3);
    expect(ledger.items.map((item) => [item.number, item.line])).toEqual([
      ['FA2025-001', 2],
      ['F2', 3],
      ['F3', 5],
    ]);
  });

  it('accepts other date forms, dot decimals and thousands spaces, and skips empty lines', () => {
    const rows = [
      { ...invoice, EcritureDate: '2025-02-03', PieceDate: '', Debit: '1 234.56' },
      { ...invoice, PieceRef: 'F2', PieceDate: '28/02/2025', Debit: '12\u00a0345,6' },
    ];
    const text = fecText(rows).replace('\r\n', '\r\n\r\n  \r\n');
    const ledger = parseFec(new TextEncoder().encode(text), 'fec.txt');

    expect(ledger.lineCount).toBe(2);
    expect(ledger.items).toMatchObject([
      { line: 4, issueDate: '2025-02-03', amountCents: 123_456 },
      { line: 5, issueDate: '2025-02-28', amountCents: 1_234_560 },
    ]);
  });

  it('refuses a bad Debit with an error naming the file, the line and the field', () => {
    const bytes = fec([invoice, { ...invoice, PieceRef: 'F2', Debit: '12,3x' }]);
    const error = thrownInputError(() => parseFec(bytes, '552100554FEC20251231.txt'));

    expect(error.code).toBe('input.badAmount');
    expect(error.context).toMatchObject({
      file: '552100554FEC20251231.txt',
      line: 3,
      field: 'Debit',
    });
    expect(error.message).toBe(
      '552100554FEC20251231.txt, line 3, field Debit: "12,3x" is not an amount',
    );
  });

  it('refuses a line with fewer fields than the header', () => {
    const text = `${fecText([invoice])}VT\tJournal des ventes\tVT2\t20250115\r\n`;
    const error = thrownInputError(() => parseFec(new TextEncoder().encode(text), 'fec.txt'));

    expect(error.code).toBe('input.malformed');
    expect(error.message).toBe('fec.txt, line 3: the line has 4 fields where the header has 18');
  });

  it('refuses a date that is not in the calendar, naming the field', () => {
    const error = thrownInputError(() =>
      parseFec(fec([{ ...invoice, EcritureDate: '20250230' }]), 'f.txt'),
    );

    expect(error.code).toBe('input.badDate');
    expect(error.context).toMatchObject({ file: 'f.txt', line: 2, field: 'EcritureDate' });
  });

  it('refuses a line without an account number rather than losing its invoice', () => {
    const bytes = fec([invoice, { ...invoice, PieceRef: 'F2', CompteNum: '' }]);
    const error = thrownInputError(() => parseFec(bytes, 'f.txt'));

    expect(error.code).toBe('input.missingField');
    expect(error.message).toBe('f.txt, line 3, field CompteNum: the line has no account number');
  });

  it('refuses a header without CompteNum, naming the missing column', () => {
    const columns = standardColumns.filter((name) => name !== 'CompteNum');
    const error = thrownInputError(() => parseFec(fec([invoice], { columns }), 'f.txt'));

    expect(error.code).toBe('input.missingField');
    expect(error.message).toBe(
      'f.txt, line 1, field CompteNum: the FEC header has no CompteNum column',
    );
  });
});

describe('FEC files re-saved by other tools', () => {
  const header =
    'JournalCode;JournalLib;EcritureNum;EcritureDate;CompteNum;CompteLib;CompAuxNum;CompAuxLib;' +
    'PieceRef;PieceDate;EcritureLib;Debit;Credit;EcritureLet;DateLet;ValidDate;Montantdevise;Idevise';
  const row =
    'VE;Ventes;1;20260114;411000;Clients;C01;ACME;FA-1;20260114;Facture;480,00;0,00;;;20260114;;';

  it('reads a FEC whose every field is in double quotes', () => {
    const quote = (line: string) =>
      line
        .split(';')
        .map((field) => `"${field}"`)
        .join(';');
    const bytes = Buffer.from(`${quote(header)}\r\n${quote(row)}\r\n`, 'utf8');
    expect(detectFormat(bytes, 'quoted.txt')).toBe('fec');
    expect(parseFec(bytes, 'quoted.txt').items).toMatchObject([
      { number: 'FA-1', customerCode: 'C01', amountCents: 48_000 },
    ]);
  });

  it('ignores the Ctrl-Z a DOS tool writes at the end', () => {
    const bytes = Buffer.from(`${header}\r\n${row}\r\n\u001a`, 'utf8');
    expect(parseFec(bytes, 'dos.txt').items).toHaveLength(1);
  });
});
