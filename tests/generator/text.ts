/**
 * Text folding as banks do it: their systems keep upper-case ASCII, drop accents and cut
 * names at fixed widths. The generator applies the same treatment to payer-side text.
 */

/** Removes accents and maps the few non-ASCII signs payers type to what banks keep. */
export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[°º]/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/[^\x20-\x7e]/g, ' ');
}

/** Upper-case ASCII with punctuation a bank would strip turned into spaces. */
export function bankUpper(text: string): string {
  return toAscii(text)
    .toUpperCase()
    .replace(/['\-.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `text` padded with spaces or cut to exactly `width` characters. */
export function fit(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text.padEnd(width, ' ');
}

/** At most `width` characters, trailing spaces removed. */
export function cut(text: string, width: number): string {
  return text.slice(0, width).trimEnd();
}

/** Escapes the five XML special characters for element text. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
