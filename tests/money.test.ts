import { describe, expect, it } from 'vitest';
import { formatCentsFrench, parseDecimalToCents } from '../src-main/money/cents.js';

describe('money', () => {
  it('reads amounts with a dot, a comma or thousands separators into exact cents', () => {
    expect(parseDecimalToCents('1234,5')).toBe(123_450);
    expect(parseDecimalToCents('-12.30')).toBe(-1_230);
    expect(parseDecimalToCents('1 234 567,89')).toBe(123_456_789);
    expect(parseDecimalToCents('1.234,56')).toBe(123_456);
    expect(parseDecimalToCents('0.07')).toBe(7);
  });

  it('refuses what is not an amount, or too large to stay exact, naming the field', () => {
    expect(() => parseDecimalToCents('12,3x', { file: 'f.csv', line: 3, field: 'amount' })).toThrow(
      'f.csv, line 3, field amount: "12,3x" is not an amount',
    );
    expect(() => parseDecimalToCents('123456789012345,67')).toThrow(/too large an amount/);
    expect(parseDecimalToCents('9999999999999,99')).toBe(999_999_999_999_999);
  });

  it('formats cents the French way for clerks', () => {
    expect(formatCentsFrench(123_456)).toBe('1\u202f234,56\u00a0€');
    expect(formatCentsFrench(-5)).toBe('-0,05\u00a0€');
  });
});
