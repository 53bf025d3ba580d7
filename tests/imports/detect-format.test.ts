import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src-main/imports/detect-format.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const sample = (path: string) => readFileSync(join(fixtures, path));

describe('detectFormat', () => {
  it('tells every real sample by its content, whatever its name', () => {
    expect(detectFormat(sample('cfonb120/oca-classic.cfo'), 'a.xml')).toBe('cfonb120');
    expect(detectFormat(sample('camt/oca-camt054.xml'), 'b.txt')).toBe('camt.054');
    expect(detectFormat(sample('camt/genkgo-camt053-v8.xml'), 'c.sta')).toBe('camt.053');
    expect(detectFormat(sample('mt940/ing.sta'), 'd.cfo')).toBe('mt940');
    expect(detectFormat(sample('fec/123456789FEC20500930.txt'), 'e.csv')).toBe('fec');
  });

  it('takes CFONB 05 records whose bank and branch are left blank', () => {
    const opening = `0130003    01234EUR2 01234567890  120124${' '.repeat(50)}0000010173118I${' '.repeat(16)}`;
    const complement = `05     0000 EUR2E0123456789018130124     LIBFACTURE F230875`.padEnd(
      120,
      ' ',
    );
    expect(detectFormat(Buffer.from(`${opening}\r\n${complement}\r\n`), 'blank.cfo')).toBe(
      'cfonb120',
    );
  });

  it('refuses what it cannot read, naming the file', () => {
    expect(() => detectFormat(Buffer.from('hello\nworld\n'), 'notes.txt')).toThrow(
      /notes\.txt: not a statement or ledger Lettra can read/,
    );
  });
});
