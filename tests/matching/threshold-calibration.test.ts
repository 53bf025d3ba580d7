import { describe, expect, it } from 'vitest';
import {
  calibrateThreshold,
  type DecidedCase,
} from '../../src-main/matching/threshold-calibration.js';

const right = (best: number): DecidedCase => ({ best, lead: 3, right: true });
const wrong = (best: number): DecidedCase => ({ best, lead: 3, right: false });
const many = (count: number, make: () => DecidedCase) => Array.from({ length: count }, make);

describe('automatic threshold calibration', () => {
  it('keeps the cautious threshold until enough decisions back a lower one', () => {
    expect(calibrateThreshold([])).toBe(0.95);
    expect(calibrateThreshold(many(39, () => right(0.9)))).toBe(0.95);
  });

  it('lowers the threshold over a band where the favourite was always right', () => {
    expect(calibrateThreshold(many(40, () => right(0.9)))).toBe(0.9);
    expect(
      calibrateThreshold([...many(30, () => right(0.93)), ...many(30, () => right(0.86))]),
    ).toBe(0.86);
  });

  it('stops above the first band where a favourite was wrong', () => {
    const cases = [...many(45, () => right(0.92)), wrong(0.88), ...many(50, () => right(0.85))];
    expect(calibrateThreshold(cases)).toBe(0.92);
  });

  it('ignores favourites that were not clearly ahead, and never goes below the floor', () => {
    expect(calibrateThreshold(many(60, () => ({ best: 0.9, lead: 0.5, right: false })))).toBe(0.95);
    expect(calibrateThreshold(many(100, () => right(0.5)))).toBe(0.95);
    expect(calibrateThreshold(many(100, () => right(0.805)))).toBe(0.8);
  });
});
