import { normalizeText } from './normalize-text.js';
import type { OpenItem } from './open-items.js';

/**
 * How each company numbers its invoices, learned from the numbers its ledger holds: the
 * letters as written and the length of each run of digits ("FA2026-003328" gives FA, four
 * digits, six digits; the last run may be a digit longer or down to three digits, as typed
 * by hand). A number in a remittance text with one of these shapes names an invoice of that
 * company, even when it is none of the open ones: a typo, an invoice already settled, a
 * number cut short. So does any number written after a word for invoice ("FACTURE N 777").
 * A payment that names an invoice that way is not to be imputed on some other open item
 * without a clerk.
 */
export class NumberingPatterns {
  private readonly patterns = new Map<number, RegExp>();
  /** Numbers of digits alone ("001412"): per company and length, the range they span. */
  private readonly digitRanges = new Map<
    number,
    Map<number, { low: number; high: number; padded: boolean }>
  >();

  constructor(items: Iterable<OpenItem>) {
    const shapes = new Map<number, Map<string, number>>();
    for (const item of items) {
      this.addDigitNumber(item);
      const shape = shapeOf(item.number);
      if (shape === undefined) continue;
      const counts = shapes.get(item.companyId) ?? new Map<string, number>();
      counts.set(shape, (counts.get(shape) ?? 0) + 1);
      shapes.set(item.companyId, counts);
    }
    for (const [companyId, counts] of shapes) {
      // The shapes of at least one item in twenty: a stray number keyed by hand is no pattern.
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      const common = [...counts].filter(([, count]) => count * 20 >= total).map(([shape]) => shape);
      if (common.length === 0) continue;
      this.patterns.set(
        companyId,
        new RegExp(`(?<![A-Z0-9])(?:${common.join('|')})(?![A-Z0-9])`, 'g'),
      );
    }
  }

  /**
   * The numbers in `text` shaped like the company's invoice numbers, as written; not those a
   * word says are something else (a mandate, a batch, a SIRET).
   */
  numbersIn(text: string, companyId: number): string[] {
    // An O typed among digits is a 0, an I or an l a 1 ("FA2O26", "FA2026-000l01").
    const normalized = normalizeText(text).replace(/(?<=\d)[OIL]|[OIL](?=\d)/g, (letter) =>
      letter === 'O' ? '0' : '1',
    );
    const pattern = this.patterns.get(companyId);
    if (pattern === undefined) return this.digitNumbersIn(normalized, companyId);
    const numbers = this.digitNumbersIn(normalized, companyId);
    for (const match of normalized.matchAll(pattern)) {
      if (!isOtherNumber(normalized, match.index, match[0].length)) numbers.push(match[0]);
    }
    return numbers;
  }

  private addDigitNumber(item: OpenItem): void {
    const digits = normalizeText(item.number);
    if (!/^\d{5,15}$/.test(digits)) return;
    const ranges = this.digitRanges.get(item.companyId) ?? new Map();
    const value = Number(digits);
    const range = ranges.get(digits.length);
    if (range === undefined) {
      ranges.set(digits.length, { low: value, high: value, padded: digits.startsWith('0') });
    } else {
      range.low = Math.min(range.low, value);
      range.high = Math.max(range.high, value);
    }
    this.digitRanges.set(item.companyId, ranges);
  }

  // A company numbering with digits alone: a number of the same length in the text, or of
  // fewer digits when the numbering pads with zeros ("1463" for "001463"), close to the range
  // its open invoices span (the next ones, or older ones already settled), is one.
  private digitNumbersIn(normalized: string, companyId: number): string[] {
    const ranges = this.digitRanges.get(companyId);
    if (ranges === undefined) return [];
    const numbers: string[] = [];
    for (const match of normalized.matchAll(/(?<![A-Z0-9])\d{4,15}(?![A-Z0-9])/g)) {
      // A year ("30 10 2026") is no invoice number cut of its zeros.
      const shorter = !/^(19|20)\d\d$/.test(match[0]);
      const range = [...ranges].find(
        ([length, { padded }]) =>
          length === match[0].length || (padded && shorter && match[0].length < length),
      )?.[1];
      if (range === undefined) continue;
      const span = Math.max(500, range.high - range.low);
      const value = Number(match[0]);
      if (value < range.low - span || value > range.high + span) continue;
      if (!isOtherNumber(normalized, match.index, match[0].length)) numbers.push(match[0]);
    }
    return numbers;
  }
}

/**
 * Numbers written after a word for invoice ("FACTURE N 777", "FACT 000777", "INVOICE
 * 2026-15"): whatever the company's pattern, the payer says they name an invoice. A year
 * alone ("FACTURES 2026") names none.
 */
export function invoiceNumbersNamed(text: string): string[] {
  const numbers: string[] = [];
  for (const match of normalizeText(text).matchAll(invoiceWordThenNumber)) {
    const number = match[1] as string;
    if (!/^(19|20)\d\d$/.test(number)) numbers.push(number);
  }
  return numbers;
}

const invoiceWords =
  'FACTURES?(?: S)?|FACT|FCT|FAC|FA|INVOICES?|INV|RECHNUNG|FACTUUR|REF|REFERENCE';
const invoiceWordThenNumber = new RegExp(
  `\\b(?:${invoiceWords})(?: (?:N|NO|NR|NUM|NUMERO))? ((?:\\d+ )*\\d{3,})\\b`,
  'g',
);

// Words that introduce the other numbers of a remittance text: a public accountant's
// mandate, batch, commitment or contract, an order (bon de commande, purchase order), a
// delivery note, a quote, the payer's own file or customer number, a direct debit mandate.
const otherNumberWords = new Set([
  ...['MANDAT', 'MDT', 'BORD', 'BORDEREAU', 'BRD', 'BDX', 'TITRE', 'ENGAGEMENT', 'MARCHE'],
  ...['SIRET', 'SIREN', 'LOT', 'DOSSIER', 'CLIENT', 'CONTRAT', 'RUM', 'ICS'],
  ...['COMMANDE', 'CDE', 'CMD', 'BDC', 'BC', 'ORDRE', 'ORDER', 'PO', 'BL', 'DEVIS'],
]);

/**
 * Whether the number of `length` characters at `index` is one a word says is something else:
 * right after it ("MANDAT 4471"), after a word for number ("MANDAT N 4471"), a single run of
 * digits after a year ("MANDAT 2026 00045123"), or in a list a plural introduces ("MANDATS
 * 4471 4472"). A number after the other one is not it: "BRD 534 2026-2711" and "BRD 2015
 * 2026/02836" name an invoice after the batch.
 */
export function isOtherNumber(normalized: string, index: number, length: number): boolean {
  const words = normalized.slice(0, index).trimEnd().split(' ');
  let position = words.length - 1;
  const skipNumberWords = () => {
    while (position >= 0 && numberWords.has(words[position] as string)) position -= 1;
  };
  skipNumberWords();
  const singleRun = /^\d+$/.test(normalized.slice(index, index + length));
  if (singleRun && /^(19|20)\d\d$/.test(words[position] ?? '')) {
    position -= 1;
    skipNumberWords();
  }
  const word = words[position] ?? '';
  // An abbreviation written with dots ("P.O.") comes as single letters.
  const dotted = /^[A-Z]$/.test(word) ? `${words[position - 1] ?? ''}${word}` : '';
  if (otherNumberWords.has(word) || otherNumberWords.has(dotted)) return true;
  // A list: digits back to a plural word for other numbers.
  while (position >= 0 && /^\d+$/.test(words[position] as string)) position -= 1;
  skipNumberWords();
  const plural = words[position] ?? '';
  return plural.endsWith('S') && otherNumberWords.has(plural.slice(0, -1));
}

/**
 * Whether the number of `length` characters at `start` of a compact text (see
 * compactWithBoundaries) is one a word says is something else (isOtherNumber), the word
 * standing before it or glued to it ("MDT001346").
 */
export function isOtherNumberAt(
  normalized: string,
  compact: string,
  boundaryBefore: Uint8Array,
  start: number,
  length: number,
): boolean {
  if (boundaryBefore[start] === 1) {
    const from = normalizedIndex(boundaryBefore, start);
    const to = normalizedIndex(boundaryBefore, start + length - 1) + 1;
    return isOtherNumber(normalized, from, to - from);
  }
  let tokenStart = start;
  while (tokenStart > 0 && boundaryBefore[tokenStart] !== 1) tokenStart -= 1;
  const glued = compact.slice(tokenStart, start);
  return /^[A-Z]+$/.test(glued) && otherNumberWords.has(glued);
}

/** Where the compact text's character at `index` stands in the normalized text. */
function normalizedIndex(boundaryBefore: Uint8Array, index: number): number {
  let spaces = 0;
  for (let position = 1; position <= index; position += 1) spaces += boundaryBefore[position] ?? 0;
  return index + spaces;
}

const numberWords = new Set(['N', 'NO', 'NR', 'NUM', 'NUMERO', 'NUMEROS']);

// A pattern of the number: its letters as they are, each run of digits by its length, any
// separator optional when letters mark the number. A number of digits alone keeps its
// separators ("2026-0815"), or any mandate or SIRET would fit it; one run of digits alone,
// or fewer than five digits, is too like any other number to be a pattern.
function shapeOf(number: string): string | undefined {
  const normalized = normalizeText(number);
  const runs = normalized.match(/[A-Z]+|\d+/g);
  if (runs === null) return undefined;
  const digitRuns = runs.filter((run) => /^\d/.test(run));
  if (digitRuns.join('').length < 5) return undefined;
  const lettered = digitRuns.length < runs.length;
  if (!lettered && (digitRuns.length < 2 || !normalized.includes(' '))) return undefined;
  const last = runs.length - 1;
  return runs
    .map((run, index) => {
      if (!/^\d/.test(run)) return run;
      // Typed by hand, the running number loses its zeros or takes a digit too many.
      const loose = lettered && index === last && run.length > 3;
      return loose ? `\\d{3,${run.length + 1}}` : `\\d{${run.length}}`;
    })
    .join(lettered ? ' ?' : ' ');
}
