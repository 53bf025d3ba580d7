/**
 * Calendar helpers on ISO dates (YYYY-MM-DD). Dates are handled as UTC day numbers so no
 * time zone or daylight saving change can shift a statement by a day.
 */

const dayMs = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);
}

/** The ISO date of a day number. */
export function isoFromDayNumber(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** 20261102 as FEC dates and file names want it. */
export function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

/** 021126 (DDMMYY) as CFONB 120 wants it. */
export function cfonbDate(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
}

/** 261102 (YYMMDD) as MT940 wants it. */
export function swiftDate(iso: string): string {
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

/** 02/11/2026 as payers write dates in remittance text. */
export function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The last day of the month of `iso`, for "45 days end of month" payment terms. */
export function endOfMonth(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return isoFromDayNumber(Math.round(Date.UTC(year, month, 0) / dayMs));
}

const holidayCache = new Map<number, Set<string>>();

/** French public holidays of a year: fixed dates plus Easter Monday, Ascension, Whit Monday. */
function frenchHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
  const holidays = new Set(fixed.map((monthDay) => `${year}-${monthDay}`));
  for (const offset of [1, 39, 50]) holidays.add(addDays(easter, offset));
  holidayCache.set(year, holidays);
  return holidays;
}

/** Easter Sunday by the Gregorian computus (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Banks book nothing on weekends and French public holidays. */
export function isBusinessDay(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !frenchHolidays(Number(iso.slice(0, 4))).has(iso);
}

/** `count` business days starting at `start` (included when it is one). */
export function businessDaysFrom(start: string, count: number): string[] {
  const days: string[] = [];
  let current = start;
  while (days.length < count) {
    if (isBusinessDay(current)) days.push(current);
    current = addDays(current, 1);
  }
  return days;
}

/** The last business day strictly before `iso`. */
export function previousBusinessDay(iso: string): string {
  let current = addDays(iso, -1);
  while (!isBusinessDay(current)) current = addDays(current, -1);
  return current;
}
