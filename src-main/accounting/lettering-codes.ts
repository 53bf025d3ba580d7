/**
 * Lettrage codes as French accounting packages hand them out: A to Z, then AA to ZZ, then
 * AAA... (bijective base 26, so no code is skipped and none is ever ambiguous). A code in
 * lowercase marks a partial lettrage, as several packages write it.
 */

/** The code at `index` of the sequence: 0 is A, 25 is Z, 26 is AA, 702 is AAA. */
export function letteringCode(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`bad lettering index ${index}`);
  let rest = index + 1;
  let code = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    code = String.fromCharCode(65 + digit) + code;
    rest = Math.floor((rest - 1) / 26);
  }
  return code;
}

/**
 * Where a code read from a ledger stands in the sequence, whatever its case and with the
 * trailing `*` some packages add to a partial one; undefined for a code that is not made of
 * letters only (digits, punctuation), which cannot collide with Lettra's codes.
 */
export function letteringIndex(code: string): number | undefined {
  const letters = code.trim().replace(/\*$/, '').toUpperCase();
  if (!/^[A-Z]{1,6}$/.test(letters)) return undefined;
  let value = 0;
  for (const character of letters) value = value * 26 + (character.charCodeAt(0) - 64);
  return value - 1;
}

/** The code as written on a line: upper case when the lettrage balances, lower case if partial. */
export function writtenCode(code: string, state: 'partial' | 'full' | 'cancelled'): string {
  return state === 'partial' ? code.toLowerCase() : code;
}
