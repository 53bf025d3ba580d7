/**
 * CFONB and SWIFT formats write years with two digits. Every statement Lettra reads is from this
 * century, so "24" means 2024.
 */
const century = 2000;

/** "2024-01-13" from numbers, or undefined when the day does not exist (31 April, 29 Feb 2023). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!valid) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Reads a CFONB date "130124" (day, month, year); undefined when it is not a real date. */
export function dateFromDdmmyy(text: string): string | undefined {
  if (!/^\d{6}$/.test(text)) return undefined;
  return isoDate(
    century + Number(text.slice(4, 6)),
    Number(text.slice(2, 4)),
    Number(text.slice(0, 2)),
  );
}

/** Reads a SWIFT date "240113" (year, month, day); undefined when it is not a real date. */
export function dateFromYymmdd(text: string): string | undefined {
  if (!/^\d{6}$/.test(text)) return undefined;
  return isoDate(
    century + Number(text.slice(0, 2)),
    Number(text.slice(2, 4)),
    Number(text.slice(4, 6)),
  );
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
