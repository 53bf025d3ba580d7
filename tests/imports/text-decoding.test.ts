import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src-main/imports/detect-format.js';
import { parseFec } from '../../src-main/imports/fec.js';
import { decodeText } from '../../src-main/imports/text-decoding.js';

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8 and drops its byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Société 12 €')]);
    expect(decodeText(bytes)).toBe('Société 12 €');
  });

  it('reads other bytes as Windows-1252, euro sign and curly quote included', () => {
    const bytes = new Uint8Array([
      0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9, 0x20, 0x80, 0x20, 0x92, 0x9c,
    ]);
    expect(decodeText(bytes)).toBe('Société € ’œ');
  });
});

describe('UTF-16 files', () => {
  it('reads a FEC saved by Excel as Unicode text (UTF-16 with its byte order mark)', () => {
    const header =
      'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t' +
      'CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t' +
      'ValidDate\tMontantdevise\tIdevise';
    const row =
      'VE\tVentes\t1\t20260114\t411000\tClients\tC01\tSociété Œuvre\tFA-1\t20260114\tFacture\t560,00\t0,00\t\t\t20260114\t\t';
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${header}\r\n${row}\r\n`, 'utf16le'),
    ]);
    expect(detectFormat(bytes, 'excel.txt')).toBe('fec');
    expect(parseFec(bytes, 'excel.txt').items).toMatchObject([
      { number: 'FA-1', customerName: 'Société Œuvre', amountCents: 56_000 },
    ]);
  });
});
