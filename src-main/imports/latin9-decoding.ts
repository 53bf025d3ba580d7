import { isUtf8 } from 'node:buffer';
import { decodeText } from './text-decoding.js';

// The eight places where ISO-8859-15 differs from Windows-1252 above 0xA0.
const iso885915Differences = new Map([
  ['\u00a4', '€'],
  ['\u00a6', 'Š'],
  ['\u00a8', 'š'],
  ['\u00b4', 'Ž'],
  ['\u00b8', 'ž'],
  ['\u00bc', 'Œ'],
  ['\u00bd', 'œ'],
  ['\u00be', 'Ÿ'],
]);

/**
 * Decodes a file written in ISO-8859-15 (Latin-9), as FEC exports are (article A47 A-1) and
 * some XML statements declare: UTF-8 when the bytes are valid UTF-8, Latin-9 otherwise.
 * `decodeText` reads legacy bytes as Windows-1252, which puts `¤` where Latin-9 has the euro
 * sign, so those eight characters are put back. Bytes 0x80-0x9F, mere control codes in
 * Latin-9, keep their Windows-1252 meaning: packages running on Windows write their `€` and
 * `œ` there while calling the file ISO-8859-15.
 */
export function decodeLatin9Text(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (isUtf8(bytes)) return text;
  return text.replace(/[\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc-\u00be]/g, (character) => {
    return iso885915Differences.get(character) ?? character;
  });
}
