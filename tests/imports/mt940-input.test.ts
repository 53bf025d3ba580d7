import { describe, expect, it } from 'vitest';
import { InputError } from '../../src-main/errors/lettra-error.js';
import { parseMt940 } from '../../src-main/imports/mt940.js';

const iban = 'FR7630006000011234567890189';

/** A bare MT940 message around the given :61:/:86: lines. */
function message(lines: string[], reference = 'STMT1'): string[] {
  return [
    `:20:${reference}`,
    `:25:${iban}`,
    ':28C:00042/001',
    ':60F:C240101EUR1000,00',
    ...lines,
    ':62F:C240131EUR1000,00',
    '-',
  ];
}

function parse(lines: string[], separator = '\r\n') {
  return parseMt940(Buffer.from(lines.join(separator), 'latin1'), 'bank.sta');
}

function thrown(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseMt940 on message wrappers', () => {
  it('reads messages inside SWIFT blocks, one ending on the line where the next begins', () => {
    const file = parse([
      '{1:F01BNPAFRPPXXX0000000000}{2:O9401200240201BNPAFRPPXXXX00000000002402011200N}{3:{108:A1}}{4:',
      ...message([':61:240102C100,NTRFNONREF'], 'FIRST').slice(0, -1),
      '-}{5:{CHK:123456789ABC}}{1:F01BNPAFRPPXXX0000000000}{2:O940BNPAFRPPXXXXN}{4:',
      ...message([':61:240103D2,5NTRFNONREF'], 'SECOND').slice(0, -1),
      '-}',
    ]);
    expect(file.statements.map((s) => [s.statementId, s.account.iban])).toEqual([
      ['00042/001', iban],
      ['00042/001', iban],
    ]);
    expect(
      file.statements.flatMap((s) => s.transactions.map((t) => [t.index, t.line, t.amountCents])),
    ).toEqual([
      [1, 6, 10_000],
      [2, 13, -250],
    ]);
  });

  it('reads a :20: that follows "{4:" on the same line, and LF line ends', () => {
    const [first, ...rest] = message([':61:240102C1,NTRFNONREF']);
    const file = parse(['{1:F01BNPAFRPPXXX0000000000}{4:' + first, ...rest], '\n');
    expect(file.statements[0]?.transactions[0]?.amountCents).toBe(100);
  });

  it('keeps a :86: line starting with a dash as text, not as the end of the message', () => {
    const file = parse(
      message([':61:240102C1,NTRFNONREF', ':86:REGLEMENT', '- FACTURE F2024-001']),
    );
    expect(file.statements).toHaveLength(1);
    expect(file.statements[0]?.transactions[0]?.remittance).toBe('REGLEMENT - FACTURE F2024-001');
  });
});

describe('parseMt940 on statement lines', () => {
  const amounts = (lines: string[]) =>
    parse(message(lines)).statements[0]!.transactions.map((t) => [t.amountCents, t.reversal]);

  it('reads RC as a cancelled credit (negative) and RD as a cancelled debit (positive)', () => {
    expect(amounts([':61:240102RC12,34NTRFNONREF', ':61:240102RD12,34NTRFNONREF'])).toEqual([
      [-1_234, true],
      [1_234, true],
    ]);
  });

  it('reads amounts ending with a comma or with one decimal, and a funds code letter', () => {
    expect(
      amounts([
        ':61:240102C5,NTRFNONREF',
        ':61:240102CR25,5NTRFNONREF',
        ':61:240102D0,07FCHGNONREF',
      ]),
    ).toEqual([
      [500, false],
      [2_550, false],
      [-7, false],
    ]);
  });

  it('gives the entry date the year that puts it nearest the value date', () => {
    const file = parse(message([':61:2312310102C1,NTRFNONREF', ':61:2401011229D1,NTRFNONREF']));
    expect(file.statements[0]?.transactions.map((t) => [t.valueDate, t.bookingDate])).toEqual([
      ['2023-12-31', '2024-01-02'],
      ['2024-01-01', '2023-12-29'],
    ]);
  });

  it('reads customer and bank references and the supplementary details', () => {
    const [transaction] = parse(
      message([':61:240102C100,NTRFF2024-0012//BNP20240102X1', 'VIREMENT SEPA RECU']),
    ).statements[0]!.transactions;
    expect(transaction).toMatchObject({
      references: ['F2024-0012'],
      bankReference: 'BNP20240102X1',
      operationCode: 'NTRF',
      details: [
        { label: 'customer reference', text: 'F2024-0012' },
        { label: 'supplementary details', text: 'VIREMENT SEPA RECU' },
      ],
    });
  });

  it('decodes Latin-1 bytes in the :86:', () => {
    const bytes = Buffer.from(
      message([':61:240102C100,NTRFNONREF', ':86:Trésorerie de Nîmes, facture 12']).join('\r\n'),
      'latin1',
    );
    expect(bytes.includes(0xe9)).toBe(true);
    const file = parseMt940(bytes, 'latin1.sta');
    expect(file.statements[0]?.transactions[0]?.remittance).toBe('Trésorerie de Nîmes, facture 12');
  });
});

describe('parseMt940 on malformed input', () => {
  it('names the file, the line and the field of a malformed :61: amount', () => {
    const error = thrown(() => parse(message([':61:240102C1,2,3NTRFNONREF'])));
    expect(error.code).toBe('input.badAmount');
    expect(error.context).toMatchObject({ file: 'bank.sta', line: 5, field: ':61: amount' });
    expect(error.message).toBe(
      'bank.sta, line 5, field :61: amount: "1,2,3" is not an MT940 amount',
    );
  });

  it('rejects a :61: it cannot read and a date that does not exist', () => {
    const malformed = thrown(() => parse(message([':61:24010C100,NTRFNONREF'])));
    expect(malformed.code).toBe('input.malformed');
    expect(malformed.context).toMatchObject({ line: 5, field: ':61:' });
    const badDate = thrown(() => parse(message([':61:240230C100,NTRFNONREF'])));
    expect(badDate.code).toBe('input.badDate');
    expect(badDate.context).toMatchObject({ line: 5, field: ':61: value date', value: '240230' });
  });

  it('rejects a malformed balance and a statement without an account', () => {
    const balance = thrown(() => parse([':20:X', `:25:${iban}`, ':60F:C2401EUR1,00', '-']));
    expect(balance.context).toMatchObject({ line: 3, field: ':60F:' });
    const account = thrown(() => parse([':20:X', ':60F:C240101EUR1,00', '-']));
    expect(account.code).toBe('input.missingField');
    expect(account.context).toMatchObject({ line: 1, field: ':25:' });
  });

  it('rejects a file with no statement', () => {
    expect(thrown(() => parse(['0000 01INGBNL2AXXXX00001', '940 00'])).code).toBe('file.empty');
  });
});
