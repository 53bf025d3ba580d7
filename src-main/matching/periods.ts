import { normalizeText } from './normalize-text.js';

// A period the payer says it pays ("ABONNEMENT OCTOBRE 2026", "ECHEANCE 10/2026", "LOYER
// NOVEMBRE") designates one invoice among identical ones, not necessarily the oldest.
const monthWords: Array<[number, string[]]> = [
  [1, ['JANVIER', 'JANV', 'JANUARY']],
  [2, ['FEVRIER', 'FEVR', 'FEBRUARY']],
  [3, ['MARS', 'MARCH']],
  [4, ['AVRIL', 'APRIL']],
  [5, ['MAI']],
  [6, ['JUIN', 'JUNE']],
  [7, ['JUILLET', 'JULY']],
  [8, ['AOUT', 'AUGUST']],
  [9, ['SEPTEMBRE', 'SEPT', 'SEPTEMBER']],
  [10, ['OCTOBRE', 'OCT', 'OCTOBER']],
  [11, ['NOVEMBRE', 'NOV', 'NOVEMBER']],
  [12, ['DECEMBRE', 'DEC', 'DECEMBER']],
];
const monthOfWord = new Map(monthWords.flatMap(([month, words]) => words.map((w) => [w, month])));
const periodWords = new RegExp(
  `\\b(${[...monthOfWord.keys()].join('|')})(?: ((?:20)?\\d\\d))?\\b`,
  'g',
);
const periodWord = '(?:ECHEANCE|PERIODE|MOIS|TERME|LOYER|ABONNEMENT|REDEVANCE)';
// "ECHEANCE 10/2026", and the other way round, "ECHEANCE 2026-10".
const monthThenYear = new RegExp(`\\b${periodWord} (0?[1-9]|1[0-2]) ((?:20)?\\d\\d)\\b`, 'g');
const yearThenMonth = new RegExp(`\\b${periodWord} (20\\d\\d) (0?[1-9]|1[0-2])\\b`, 'g');

/** A month a payer says it pays, and its year when it says that too. */
export interface Period {
  month: number;
  year?: number;
}

/**
 * The periods a remittance text says it pays, by the month's name ("OCTOBRE 2026", "OCT") or
 * its number ("ECHEANCE 10/2026", "ECHEANCE 2026-10").
 */
export function periodsNamed(text: string): Period[] {
  // Asked again by each pass of the same receipt.
  if (lastRead?.text !== text) lastRead = { text, periods: readPeriods(text) };
  return lastRead.periods;
}

let lastRead: { text: string; periods: Period[] } | undefined;

function readPeriods(text: string): Period[] {
  const normalized = normalizeText(text);
  const periods: Period[] = [
    ...[...normalized.matchAll(periodWords)].map((match) => ({
      month: monthOfWord.get(match[1]!) ?? 0,
      year: yearOf(match[2]),
    })),
    ...[...normalized.matchAll(monthThenYear)].map((match) => ({
      month: Number(match[1]),
      year: yearOf(match[2]),
    })),
    ...[...normalized.matchAll(yearThenMonth)].map((match) => ({
      month: Number(match[2]),
      year: yearOf(match[1]),
    })),
  ];
  return periods.map((period) => (period.year === undefined ? { month: period.month } : period));
}

function yearOf(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

/** Whether an ISO date falls in one of the periods. */
export function inPeriods(date: string, periods: readonly Period[]): boolean {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return periods.some(
    (period) => period.month === month && (period.year === undefined || period.year === year),
  );
}
