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
const periodWords = new RegExp(`\\b(${[...monthOfWord.keys()].join('|')})\\b`, 'g');
const numberedPeriod =
  /\b(?:ECHEANCE|PERIODE|MOIS|TERME|LOYER|ABONNEMENT|REDEVANCE) (0?[1-9]|1[0-2]) (?:20)?\d\d\b/g;

/** The months (1 to 12) a remittance text says it pays, by name or as "ECHEANCE 10/2026". */
export function monthsNamed(text: string): number[] {
  // Asked again by each pass of the same receipt.
  if (lastRead?.text !== text) lastRead = { text, months: readMonths(text) };
  return lastRead.months;
}

let lastRead: { text: string; months: number[] } | undefined;

function readMonths(text: string): number[] {
  const normalized = normalizeText(text);
  const months = [
    ...[...normalized.matchAll(periodWords)].map((match) => monthOfWord.get(match[1]!) ?? 0),
    ...[...normalized.matchAll(numberedPeriod)].map((match) => Number(match[1])),
  ];
  return [...new Set(months)];
}
