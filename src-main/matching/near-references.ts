import { compactText, compactWithBoundaries, isDigit, normalizeText } from './normalize-text.js';
import { isOtherNumber, isOtherNumberAt } from './numbering-patterns.js';
import type { OpenItem } from './open-items.js';
import type { ReferenceHit } from './reference-index.js';

/**
 * Invoice numbers of a known customer written with one mistake: a character wrong (a typo,
 * or an OCR look-alike such as O for 0) or two neighbours swapped; or only their sequence
 * number. Searched only among the
 * open items of customers the payer already points to, where a near miss is telling; across
 * the whole book it would find a look-alike of anything.
 */
export function findNearReferences(text: string, items: OpenItem[]): ReferenceHit[] {
  const { compact, boundaryBefore, normalized, standaloneNumbers } = readText(text);
  const hits: ReferenceHit[] = [];
  for (const item of items) {
    const { number, sequence, head, tail } = numberParts(item);
    if (number.length < 5) continue;
    // "FACTURE N 170" for FA2026-000170: only the sequence, written as a number of its own.
    if (sequence.length >= 3 && standaloneNumbers.has(sequence)) {
      hits.push({ item, quality: 0.7, matched: sequence });
      continue;
    }
    // One mistake leaves the first three or the last three characters as they are.
    if (!compact.includes(head) && !compact.includes(tail)) continue;
    for (let start = 0; start + number.length <= compact.length; start += 1) {
      const end = start + number.length;
      // The same edges as an exact reference: no digit run continues across them.
      if (boundaryBefore[start] !== 1 && isDigit(compact[start]) && isDigit(compact[start - 1])) {
        continue;
      }
      if (
        end < compact.length &&
        boundaryBefore[end] !== 1 &&
        isDigit(compact[end - 1]) &&
        isDigit(compact[end])
      ) {
        continue;
      }
      if (
        oneMistakeApart(compact, start, number) &&
        !(
          isDigit(compact[start]) &&
          isOtherNumberAt(normalized, compact, boundaryBefore, start, end - start)
        )
      ) {
        hits.push({ item, quality: 0.75, matched: compact.slice(start, end) });
        break;
      }
    }
  }
  return hits;
}

// A receipt's text is searched for each customer its payer points to: read once.
let lastRead: { text: string; read: ReturnType<typeof readTextAnew> } | undefined;
function readText(text: string): ReturnType<typeof readTextAnew> {
  if (lastRead?.text !== text) lastRead = { text, read: readTextAnew(text) };
  return lastRead.read;
}

function readTextAnew(text: string) {
  const { text: compact, boundaryBefore } = compactWithBoundaries(text);
  // Numbers standing alone, but not those a word says are something else ("BORD 461").
  const normalized = normalizeText(text);
  const standaloneNumbers = new Set(
    [...normalized.matchAll(/(?<![A-Z0-9])\d{3,}(?![A-Z0-9])/g)]
      .filter((match) => !isOtherNumber(normalized, match.index, match[0].length))
      .map((match) => match[0].replace(/^0+/, '')),
  );
  return { compact, boundaryBefore, normalized, standaloneNumbers };
}

/**
 * Open items one mistake away from numbers the text writes in the company's numbering
 * pattern but that are no open item (see NumberingPatterns). The pattern says the payer
 * meant an invoice of the company, so the whole company's items are searched, not only those
 * of the customers the payer points to; an item must still owe about the amount received.
 */
export function findNearNumbers(
  numbers: string[],
  items: Iterable<OpenItem>,
  owes: (item: OpenItem) => boolean,
): ReferenceHit[] {
  const typed = [...new Set(numbers.map(compactText))];
  const hits: ReferenceHit[] = [];
  for (const item of items) {
    const number = compactNumber(item);
    const match = typed.find(
      (written) => written.length === number.length && oneMistakeApart(written, 0, number),
    );
    if (match !== undefined && owes(item)) hits.push({ item, quality: 0.75, matched: match });
  }
  return hits;
}

// Item numbers are compared compact, again and again over a run: their parts are computed
// once per item and kept on it under a key of this module's own.
interface NumberParts {
  number: string;
  sequence: string;
  head: string;
  tail: string;
}
const partsKey = Symbol('number parts');
function numberParts(item: OpenItem): NumberParts {
  const holder = item as OpenItem & { [partsKey]?: NumberParts };
  if (holder[partsKey] === undefined) {
    const number = compactText(item.number);
    const sequence = sequenceOf(item.number);
    holder[partsKey] = { number, sequence, head: number.slice(0, 3), tail: number.slice(-3) };
  }
  return holder[partsKey];
}

function compactNumber(item: OpenItem): string {
  return numberParts(item).number;
}

// True when text[start..] differs from `number` by exactly one substitution or one swap of
// neighbours; an exact match is the reference index's job.
function oneMistakeApart(text: string, start: number, number: string): boolean {
  let first = -1;
  for (let index = 0; index < number.length; index += 1) {
    if (text[start + index] === number[index]) continue;
    if (first >= 0) {
      const swapped =
        index === first + 1 &&
        text[start + first] === number[index] &&
        text[start + index] === number[first];
      if (!swapped) return false;
      // A swap uses both differences; anything after must match exactly.
      for (let rest = index + 1; rest < number.length; rest += 1) {
        if (text[start + rest] !== number[rest]) return false;
      }
      return true;
    }
    first = index;
  }
  return first >= 0 && sameKind(text[start + first], number[first]);
}

// A letter typed for a digit is a typo only when it looks like one (O/0, I/1, S/5, B/8).
function sameKind(typed: string | undefined, expected: string | undefined): boolean {
  if (isDigit(typed) === isDigit(expected)) return true;
  const pair = `${typed}${expected}`;
  return [
    'O0',
    '0O',
    'I1',
    '1I',
    'L1',
    '1L',
    'S5',
    '5S',
    'B8',
    '8B',
    'Z2',
    '2Z',
    'G6',
    '6G',
  ].includes(pair);
}

// The running number at the end: "FA2026-000170" and "FA2026000170" give "170".
function sequenceOf(number: string): string {
  const lastGroup = /(\d+)\D*$/.exec(number)?.[1] ?? '';
  const withoutYear =
    lastGroup.length >= 8 ? lastGroup.replace(/^(?:19|20)\d\d(?=0)/, '') : lastGroup;
  return withoutYear.replace(/^0+/, '');
}
