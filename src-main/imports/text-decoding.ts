import { isUtf8 } from 'node:buffer';

// Windows-1252 gives 0x80-0x9F printable characters (€, œ, ’, …) where Latin-1 has controls.
// Node's TextDecoder maps them to the controls, so the table is ours; 0x81, 0x8D, 0x8F,
// 0x90 and 0x9D are unassigned and stay as they are.
const windows1252High = [
  '€',
  '\u0081',
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  '\u008d',
  'Ž',
  '\u008f',
  '\u0090',
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  '\u009d',
  'ž',
  'Ÿ',
];

/**
 * Bank and accounting files come in UTF-8, Latin-1 or Windows-1252 (ISO-8859-15 in FEC
 * exports). A byte sequence that is valid UTF-8 is read as such; anything else as
 * Windows-1252, which covers Latin-1 and gives the euro sign and French ligatures.
 */
export function decodeText(bytes: Uint8Array): string {
  // Excel's "Unicode text" is UTF-16 with its byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const withoutBom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(withoutBom)) return new TextDecoder('utf-8').decode(withoutBom);
  const latin1 = new TextDecoder('latin1').decode(withoutBom);
  return latin1.replace(/[\u0080-\u009f]/g, (character) => {
    return windows1252High[character.charCodeAt(0) - 0x80] ?? character;
  });
}
