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
// Words that say a month is the one paid for ("LOYER JUIN", "MOIS DE MARS"): a month's name
// elsewhere may be a payer's ("MARS WRIGLEY") or a place's ("SAINT MARS DU DESERT").
const periodNouns = [
  ...['ECHEANCE', 'PERIODE', 'MOIS', 'TERME', 'LOYER', 'LOYERS', 'ABONNEMENT', 'REDEVANCE'],
  ...['PAIEMENT', 'REGLEMENT', 'FACTURE', 'FACT', 'COTISATION', 'MENSUALITE', 'LOCATION'],
  ...['PRESTATION', 'PRESTATIONS', 'ABO'],
];
const periodNounSet = new Set(periodNouns);
// "ECHEANCE 10/2026", and the other way round, "ECHEANCE 2026-10"; not after a word for
// invoice or payment, where "2026-1" may be an invoice's number.
const periodWord = '(?:ECHEANCE|PERIODE|MOIS|TERME|LOYER|ABONNEMENT|REDEVANCE)';
const monthThenYear = new RegExp(`\\b${periodWord} (0?[1-9]|1[0-2]) ((?:20)?\\d\\d)\\b`, 'g');
const yearThenMonth = new RegExp(`\\b${periodWord} (20\\d\\d) (0?[1-9]|1[0-2])\\b`, 'g');

/** A month a payer says it pays, and its year when it says that too. */
export interface Period {
  month: number;
  year?: number;
}

/**
 * The periods a remittance text says it pays, by the month's name ("OCTOBRE 2026", "LOYER
 * OCT") or its number ("ECHEANCE 10/2026", "ECHEANCE 2026-10").
 */
export function periodsNamed(text: string, payerName = ''): Period[] {
  // Asked again by each pass of the same receipt.
  if (lastRead?.text !== text || lastRead.payerName !== payerName) {
    lastRead = { text, payerName, periods: readPeriods(text, payerName) };
  }
  return lastRead.periods;
}

let lastRead: { text: string; payerName: string; periods: Period[] } | undefined;

function readPeriods(text: string, payerName: string): Period[] {
  const normalized = normalizeText(text);
  // The payer's own name is no period, whatever month it holds ("MARS WRIGLEY").
  const nameWords = new Set(normalizeText(payerName).split(' '));
  const periods: Period[] = [
    ...monthsByName(normalized.split(' ').map((word) => (nameWords.has(word) ? '' : word))),
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

// A month's name followed by a year ("NOVEMBRE 2026"), or after a word for what is paid, two
// words before at most ("MOIS DE MARS") or through other months ("SEPTEMBRE OCTOBRE").
function monthsByName(words: string[]): Period[] {
  const periods: Period[] = [];
  let lastPeriodWord = -Infinity;
  for (const [index, word] of words.entries()) {
    if (periodNounSet.has(word)) lastPeriodWord = index;
    const month = monthOfWord.get(word);
    if (month === undefined) continue;
    // The year after the month ("OCTOBRE 2026", "OCT 26") or, in full, before ("2026 OCTOBRE").
    const next = words[index + 1] ?? '';
    const previous = words[index - 1] ?? '';
    const year = /^(20)?\d\d$/.test(next)
      ? yearOf(next)
      : /^20\d\d$/.test(previous)
        ? yearOf(previous)
        : undefined;
    if (year === undefined && index - lastPeriodWord > 2) continue;
    periods.push(year === undefined ? { month } : { month, year });
    lastPeriodWord = index;
  }
  return periods;
}

function yearOf(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

/**
 * The periods with a year each: one not written is the year putting the month nearest the
 * booking date ("ABONNEMENT OCTOBRE" paid in November 2026 is October 2026, "DECEMBRE" paid
 * in January 2027 is December 2026).
 */
export function withYears(periods: readonly Period[], bookingDate: string): Period[] {
  const booked = Number(bookingDate.slice(0, 4)) * 12 + Number(bookingDate.slice(5, 7)) - 1;
  return periods.map(({ month, year }) => {
    if (year !== undefined) return { month, year };
    const around = Math.floor(booked / 12);
    const nearest = [around - 1, around, around + 1].sort(
      (a, b) => Math.abs(a * 12 + month - 1 - booked) - Math.abs(b * 12 + month - 1 - booked),
    )[0] as number;
    return { month, year: nearest };
  });
}

/** Whether an ISO date falls in one of the periods. */
export function inPeriods(date: string, periods: readonly Period[]): boolean {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return periods.some(
    (period) => period.month === month && (period.year === undefined || period.year === year),
  );
}
