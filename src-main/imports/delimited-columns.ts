import { InputError, type ErrorContext } from '../errors/lettra-error.js';

/**
 * Picks the separator of a delimited file from its header line: the candidate that occurs
 * most often outside double quotes. A header names every column, so the real separator
 * occurs at least once per column while the others rarely occur at all.
 */
export function detectSeparator(
  headerLine: string,
  candidates: readonly string[],
): string | undefined {
  const counts = new Map<string, number>(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const character of headerLine) {
    const count = counts.get(character);
    if (character === '"') quoted = !quoted;
    else if (!quoted && count !== undefined) counts.set(character, count + 1);
  }

  let best: string | undefined;
  let bestCount = 0;
  for (const [candidate, count] of counts) {
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Folds a column name so that `CompAuxNum`, `compauxnum`, `Comp Aux Num` and a quoted
 * `"Débit"` all find the same column: case, accents, quotes, blanks and underscores are
 * left out.
 */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f\ufeff"'\s_-]/g, '')
    .toLowerCase();
}

/** Maps each normalized header name to its position; the first of two equal names wins. */
export function indexColumns(headerFields: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  headerFields.forEach((name, position) => {
    const key = normalizeColumnName(name);
    if (key !== '' && !positions.has(key)) positions.set(key, position);
  });
  return positions;
}

/**
 * Checks that a data line has as many fields as the header. One extra empty field is
 * tolerated because several exporters end every line with a separator.
 */
export function checkFieldCount(
  fields: string[],
  expected: number,
  context: ErrorContext,
  hint = '',
): void {
  if (fields.length === expected + 1 && fields[expected] === '') fields.pop();
  if (fields.length === expected) return;

  throw new InputError(
    'input.malformed',
    `the line has ${fields.length} fields where the header has ${expected}${hint}`,
    context,
  );
}
