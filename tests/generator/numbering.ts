import type { Random } from './random.js';
import type { NumberingStyle } from './types.js';

/**
 * Invoice numbering schemes of the companies, and what payers do to the numbers when they
 * retype them. Two companies share the "2026-0815" scheme on purpose: a bare number can
 * then belong to either, and only the account it was paid to or the payer tells which.
 */

function padded(sequence: number, width: number): string {
  return String(sequence).padStart(width, '0');
}

/** Builds a style from a pattern such as "FA{YYYY}-{6}" ({YY} two-digit year, {n} width). */
export function numberingStyle(pattern: string): NumberingStyle {
  const yearly = pattern.includes('{YY');
  return {
    pattern,
    yearly,
    format(sequence, year) {
      return pattern
        .replace('{YYYY}', String(year))
        .replace('{YY}', String(year % 100).padStart(2, '0'))
        .replace(/\{(\d)\}/, (_, width: string) => padded(sequence, Number(width)));
    },
  };
}

/** Invoice and credit note patterns by company position; reused in turn past ten companies. */
export const numberingPatterns: ReadonlyArray<readonly [string, string]> = [
  ['FA{YYYY}-{6}', 'AV{YYYY}-{6}'],
  ['F{YY}/{5}', 'A{YY}/{5}'],
  ['{YYYY}-{4}', 'AV-{YYYY}-{4}'],
  ['FC-{5}', 'AC-{5}'],
  ['INV{6}', 'CN{6}'],
  ['V{YY}-{4}', 'VA{YY}-{4}'],
  ['FACT {YYYY} {4}', 'AVOIR {YYYY} {4}'],
  ['{YYYY}-{4}', 'A{YYYY}-{4}'],
  ['FV{YY}.{5}', 'AV{YY}.{5}'],
  ['{YYYY}/{5}', 'AVO{YYYY}/{5}'],
];

/** Ways a payer retypes a number; each returns null when it would not change this one. */
const messyVariants: ReadonlyArray<(reference: string, random: Random) => string | null> = [
  // Separators dropped: FA2026-000123 -> FA2026000123.
  (reference) => nullIfSame(reference, reference.replace(/[-/. ]/g, '')),
  // Leading zeros of the sequence dropped: FA2026-000123 -> FA2026-123.
  (reference) => nullIfSame(reference, reference.replace(/([^\d]|^)0+(\d+)$/, '$1$2')),
  // Glued to the word before it: FACTFA2026-000123.
  (reference, random) => `${random.pick(['FACT', 'FACTURE', 'FAC', 'FCT', 'REF'])}${reference}`,
  (reference) => nullIfSame(reference, reference.toLowerCase()),
  // A space typed in the middle: FA 2026-000123, FA2026-000 123.
  (reference, random) => {
    const position = random.int(1, reference.length - 1);
    if (reference[position - 1] === ' ' || reference[position] === ' ') return null;
    return `${reference.slice(0, position)} ${reference.slice(position)}`;
  },
  (reference, random) => `${random.pick(['N°', 'N° ', 'No ', 'N.'])}${reference}`,
];

function nullIfSame(original: string, changed: string): string | null {
  return changed === original ? null : changed;
}

/** A retyped form of `reference` that a human still reads as the same number. */
export function messyReference(reference: string, random: Random): string {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const variant = random.pick(messyVariants)(reference, random);
    if (variant !== null) return variant;
  }
  return reference.replace(/[-/. ]/g, '');
}

const lookAlikes: Record<string, string> = {
  '0': 'O',
  O: '0',
  '1': 'I',
  I: '1',
  '5': 'S',
  '8': 'B',
};

/** One character wrong: a digit changed, two digits swapped, or a look-alike letter. */
export function typoReference(reference: string, random: Random): string {
  const digitPositions: number[] = [];
  for (let i = 0; i < reference.length; i += 1) {
    if (/\d/.test(reference[i] ?? '')) digitPositions.push(i);
  }
  // Typos fall on the sequence part: the year prefix is rarely mistyped.
  const tail = digitPositions.slice(-4);
  const position = random.pick(tail.length > 0 ? tail : [reference.length - 1]);
  const character = reference[position] ?? '0';
  const mode = random.int(0, 2);
  let replacement = character;
  if (mode === 0 && lookAlikes[character]) replacement = lookAlikes[character];
  else if (
    mode === 1 &&
    position + 1 < reference.length &&
    /\d/.test(reference[position + 1] ?? '')
  ) {
    const next = reference[position + 1] ?? '';
    if (next !== character) {
      return `${reference.slice(0, position)}${next}${character}${reference.slice(position + 2)}`;
    }
  }
  while (replacement === character) replacement = String(random.int(0, 9));
  return `${reference.slice(0, position)}${replacement}${reference.slice(position + 1)}`;
}
