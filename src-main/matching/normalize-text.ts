/**
 * Text as the engine compares it: no accents, upper case, every run of anything that is not
 * a letter or a digit turned into one space. `°`, `/`, `-` and `_` all separate.
 */
export function normalizeText(text: string): string {
  // The same texts and names are compared again and again over a run.
  let normalized = normalizedTexts.get(text);
  if (normalized === undefined) {
    if (normalizedTexts.size >= 20_000) normalizedTexts.clear();
    normalized = normalizeAnew(text);
    normalizedTexts.set(text, normalized);
  }
  return normalized;
}

const normalizedTexts = new Map<string, string>();

function normalizeAnew(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Œœ]/g, 'OE')
    .replace(/[Ææ]/g, 'AE')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Only the letters and digits, for comparing references whatever their separators. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

/**
 * The compact text and, for each of its characters, whether the original text had a
 * separator just before it. References are searched in the compact text (so separators the
 * payer added or dropped do not matter) and judged by where the real boundaries were.
 */
export interface CompactedText {
  text: string;
  boundaryBefore: Uint8Array;
}

export function compactWithBoundaries(text: string): CompactedText {
  const normalized = normalizeText(text);
  const characters: string[] = [];
  const boundaries: number[] = [];
  let separatorPending = true;
  for (const character of normalized) {
    if (character === ' ') {
      separatorPending = true;
      continue;
    }
    characters.push(character);
    boundaries.push(separatorPending ? 1 : 0);
    separatorPending = false;
  }
  return { text: characters.join(''), boundaryBefore: Uint8Array.from(boundaries) };
}

export function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}
