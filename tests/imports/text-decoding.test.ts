import { describe, expect, it } from 'vitest';
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
