import { describe, expect, it } from 'vitest';
import { InputError } from '../../src-main/errors/lettra-error.js';
import { parseCfonb120 } from '../../src-main/imports/cfonb120.js';

/** A 120-character record with each text at its 1-based CFONB position. */
function record(parts: Array<[number, string]>): string {
  const characters = Array<string>(120).fill(' ');
  for (const [position, text] of parts) {
    [...text].forEach((character, offset) => (characters[position - 1 + offset] = character));
  }
  return characters.join('');
}

interface Options {
  decimals?: string;
  account?: string;
  currency?: string;
}

function header(
  code: string,
  { decimals = '2', account = '00012345678', currency = 'EUR' }: Options,
): Array<[number, string]> {
  return [
    [1, code],
    [3, '30003'],
    [12, '01234'],
    [17, currency],
    [20, decimals],
    [22, account],
  ];
}

function balance(code: '01' | '07', date: string, amount: string, options: Options = {}) {
  return record([...header(code, options), [35, date], [91, amount]]);
}

function movement(amount: string, label: string, options: Options & { date?: string } = {}) {
  const date = options.date ?? '130124';
  return record([
    ...header('04', options),
    [33, '05'],
    [35, date],
    [43, date],
    [49, label],
    [91, amount],
  ]);
}

function complement(qualifier: string, text: string) {
  return record([...header('05', {}), [33, '05'], [35, '130124'], [46, qualifier], [49, text]]);
}

function parse(lines: string[], separator = '\n') {
  return parseCfonb120(Buffer.from(lines.join(separator), 'latin1'), 'bank.cfo');
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

describe('parseCfonb120 on hand-made records', () => {
  it('cuts a file with no line break every 120 characters and numbers the records as lines', () => {
    const file = parse(
      [
        balance('01', '120124', '0000000010000{'),
        movement('0000000001050E', 'VIR MAIRIE DE LYON'),
        complement('LIB', 'FACTURE FA-2024-001'),
        balance('07', '130124', '0000000011050E'),
      ],
      '',
    );
    expect(file.statements).toHaveLength(1);
    expect(file.statements[0]?.transactions).toMatchObject([
      { line: 2, amountCents: 10_505, remittance: 'VIR MAIRIE DE LYON FACTURE FA-2024-001' },
    ]);
    expect(file.statements[0]?.closingBalance?.amountCents).toBe(110_505);
  });

  it('scales amounts written with 0, 1 or 3 decimals to cents', () => {
    const [zero, one, three, threeRounded] = parse([
      movement('0000000000123D', 'ZERO', { decimals: '0' }),
      movement('0000000000123D', 'ONE', { decimals: '1' }),
      movement('0000000000123D', 'THREE', { decimals: '3' }),
      movement('0000000001234E', 'THREE ROUNDED', { decimals: '3' }),
    ]).statements[0]!.transactions;
    expect(zero?.amountCents).toBe(123_400);
    expect(one?.amountCents).toBe(12_340);
    expect(three?.amountCents).toBe(123);
    // 12,345 has a half cent: rounded away from zero.
    expect(threeRounded?.amountCents).toBe(1_235);
  });

  it('reads { and A-I as positive last digits, } and J-R as negative ones', () => {
    const positive = [...'{ABCDEFGHI'];
    const negative = [...'}JKLMNOPQR'];
    const amounts = parse(
      [...positive, ...negative].map((last) => movement(`0000000000001${last}`, 'SIGN')),
    ).statements[0]!.transactions.map((t) => t.amountCents);
    expect(amounts).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19, -10, -11, -12, -13, -14, -15, -16, -17, -18, -19,
    ]);
    // toBe compares with Object.is, so a negative zero would fail here.
    const [zero] = parse([movement('0000000000000}', 'ZERO')]).statements[0]!.transactions;
    expect(zero?.amountCents).toBe(0);
  });

  it('decodes Latin-1 text (é as the byte 0xE9)', () => {
    const lines = [
      movement('0000000001000{', 'VIR Société Générale'),
      complement('NPY', 'Régie des eaux de Nîmes'),
    ];
    const bytes = Buffer.from(lines.join('\r\n'), 'latin1');
    expect(bytes.includes(0xe9)).toBe(true);
    const [transaction] = parseCfonb120(bytes, 'latin1.cfo').statements[0]!.transactions;
    expect(transaction?.payerName).toBe('Régie des eaux de Nîmes');
    expect(transaction?.remittance).toBe('VIR Société Générale');
    expect(transaction?.details.map((detail) => detail.text)).toContain('Régie des eaux de Nîmes');
  });

  it('reads lowercase currency and qualifiers and keeps lowercase text', () => {
    const file = parse([
      movement('0000000001000{', 'vir trésorerie de rennes', { currency: 'eur' }),
      complement('npy', 'Trésorerie de Rennes'),
      complement('rcn', 'f2024-0012'),
    ]);
    const [transaction] = file.statements[0]!.transactions;
    expect(file.statements[0]?.currency).toBe('EUR');
    expect(transaction).toMatchObject({
      currency: 'EUR',
      payerName: 'Trésorerie de Rennes',
      references: ['f2024-0012'],
      remittance: 'vir trésorerie de rennes',
    });
  });

  it('takes an IBAN given as payer identifier and the ultimate payer name', () => {
    const [transaction] = parse([
      movement('0000000001000{', 'VIR SGC DE BREST'),
      complement('IPY', 'FR76 3000 6000 0112 3456 7890 189'),
      complement('NPO', 'COLLEGE JEAN MOULIN'),
    ]).statements[0]!.transactions;
    expect(transaction?.payerIban).toBe('FR7630006000011234567890189');
    expect(transaction?.ultimatePayerName).toBe('COLLEGE JEAN MOULIN');
  });

  it('keeps the space an LCC ends with when LC2 starts the next word', () => {
    const lcc = 'REGLEMENT DES FACTURES FA-2024-001 FA-2024-002 ET FA-2024-003 DU MOIS '.padEnd(70);
    const [transaction] = parse([
      movement('0000000001000{', 'VIR CLIENT'),
      complement('LCC', lcc),
      complement('LC2', 'DE MARS'),
    ]).statements[0]!.transactions;
    expect(lcc).toHaveLength(70);
    expect(transaction?.remittance).toBe(
      'VIR CLIENT REGLEMENT DES FACTURES FA-2024-001 FA-2024-002 ET FA-2024-003 DU MOIS DE MARS',
    );
  });

  it('starts a new statement when a movement names another account', () => {
    const file = parse([
      movement('0000000001000{', 'A', { account: '00000000001' }),
      movement('0000000002000{', 'B', { account: '00000000002' }),
    ]);
    expect(file.statements.map((s) => s.account.accountNumber)).toEqual([
      '00000000001',
      '00000000002',
    ]);
    expect(file.statements.flatMap((s) => s.transactions.map((t) => t.index))).toEqual([1, 2]);
  });

  it('marks a movement with a reject reason (positions 41-42) as a reversal', () => {
    const rejected = movement('0000000001000}', 'RETOUR PRLV').split('');
    rejected.splice(40, 2, 'A', '1');
    const [transaction] = parse([rejected.join('')]).statements[0]!.transactions;
    expect(transaction?.reversal).toBe(true);
    expect(transaction?.details).toEqual([{ label: 'reject reason', text: 'A1' }]);
  });
});

describe('parseCfonb120 on malformed records', () => {
  it('names the file, the line and the field of an amount with a bad sign character', () => {
    const error = thrown(() =>
      parse([balance('01', '120124', '0000000010000{'), '', movement('000000000104X7', 'VIR')]),
    );
    expect(error.code).toBe('input.badAmount');
    expect(error.context).toMatchObject({ file: 'bank.cfo', line: 3, field: 'amount' });
    expect(error.message).toBe(
      'bank.cfo, line 3, field amount: "000000000104X7" is not a CFONB amount ' +
        '(13 digits, then a digit-and-sign character)',
    );
  });

  it('rejects a number of decimals other than 0 to 3', () => {
    const error = thrown(() => parse([movement('0000000001000{', 'VIR', { decimals: '5' })]));
    expect(error.context).toMatchObject({ line: 1, field: 'decimals', value: '5' });
  });

  it('rejects a booking date that does not exist', () => {
    const error = thrown(() => parse([movement('0000000001000{', 'VIR', { date: '310224' })]));
    expect(error.code).toBe('input.badDate');
    expect(error.message).toContain('bank.cfo, line 1, field booking date');
  });

  it('rejects an unknown record code and a 05 with no 04 before it', () => {
    expect(
      thrown(() => parse(['09' + movement('0000000001000{', 'X').slice(2)])).context,
    ).toMatchObject({
      line: 1,
      field: 'record code',
    });
    const orphan = thrown(() =>
      parse([balance('01', '120124', '0000000010000{'), complement('LIB', 'X')]),
    );
    expect(orphan.context).toMatchObject({ line: 2, field: 'record code', value: '05' });
  });

  it('rejects a file with no record', () => {
    expect(thrown(() => parse(['', '   ', ''])).code).toBe('file.empty');
  });
});
