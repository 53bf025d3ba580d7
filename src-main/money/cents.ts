import { InputError, type ErrorContext } from '../errors/lettra-error.js';

/** Amounts are integer cents everywhere; these helpers are the only way in and out. */
export type Cents = number;

const decimalPattern = /^([+-])?(\d{1,18})(?:[.,](\d{1,2}))?$/;

/**
 * Reads a decimal amount written with a dot or a comma ("1234,5", "-12.30", "1 234,56")
 * into cents, without going through a float. Thousands separators (space, no-break space,
 * apostrophe) are accepted; anything else is an InputError naming the context.
 */
export function parseDecimalToCents(text: string, context: ErrorContext = {}): Cents {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  let candidate = compact;
  // "1.234,56" or "1,234.56": the last separator is the decimal one.
  if (/[.,].*[.,]/.test(compact)) {
    const lastSeparator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
    const integerPart = compact.slice(0, lastSeparator).replace(/[.,]/g, '');
    candidate = `${integerPart}.${compact.slice(lastSeparator + 1)}`;
  }
  const match = decimalPattern.exec(candidate);
  if (!match) {
    throw new InputError('input.badAmount', `"${text}" is not an amount`, {
      ...context,
      value: text,
    });
  }
  const [, sign, units = '0', fraction = ''] = match;
  // Beyond 13 digits of euros, cents no longer fit exactly in a JavaScript number.
  if (units.replace(/^0+/, '').length > 13) {
    throw new InputError('input.badAmount', `"${text}" is too large an amount`, {
      ...context,
      value: text,
    });
  }
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** Converts an amount given as integer digits with `decimals` implied decimals into cents. */
export function scaledIntegerToCents(digits: string, decimals: number): Cents {
  const value = BigInt(digits);
  if (decimals === 2) return Number(value);
  if (decimals < 2) return Number(value * 10n ** BigInt(2 - decimals));
  const divisor = 10n ** BigInt(decimals - 2);
  // Sub-cent digits do not exist in euros; round half away from zero rather than truncate.
  const half = divisor / 2n;
  return Number((value + half) / divisor);
}

/** "1234.50" for JSON and CSV exports: dot decimals, always two, minus sign when negative. */
export function formatCentsPlain(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** "1 234,56 €" as a French clerk reads it. */
export function formatCentsFrench(cents: Cents, currency = 'EUR'): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const units = String(Math.trunc(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const symbol = currency === 'EUR' ? '€' : currency;
  return `${sign}${units},${String(absolute % 100).padStart(2, '0')}\u00a0${symbol}`;
}

/** "1234,56" as the FEC wants it: comma decimals, no thousands separator. */
export function formatCentsComma(cents: Cents): string {
  return formatCentsPlain(cents).replace('.', ',');
}

/** "€1,234.56" for explanations read in English. */
export function formatCentsEnglish(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const units = String(Math.trunc(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}€${units}.${String(absolute % 100).padStart(2, '0')}`;
}
