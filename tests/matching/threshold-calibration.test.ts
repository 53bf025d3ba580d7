import { describe, expect, it } from 'vitest';
import {
  calibrateThreshold,
  calibrateThresholds,
  casesNeeded,
  type DecidedCase,
  type EvidenceClass,
} from '../../src-main/matching/threshold-calibration.js';

const right = (best: number, evidence: EvidenceClass = 'payer'): DecidedCase => ({
  evidence,
  best,
  lead: 3,
  right: true,
});
const wrong = (best: number, evidence: EvidenceClass = 'payer'): DecidedCase => ({
  evidence,
  best,
  lead: 3,
  right: false,
});
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
    const cases = [...many(45, () => right(0.92)), wrong(0.88), ...many(10, () => right(0.85))];
    expect(calibrateThreshold(cases)).toBe(0.92);
  });

  it('lets right favourites outweigh a wrong one only as surely as forty without any', () => {
    // The same 95 % upper bound on the share of wrong favourites: 64 cases for one, 85 for two.
    expect(casesNeeded(0, 40)).toBe(40);
    expect(casesNeeded(1, 40)).toBe(64);
    expect(casesNeeded(2, 40)).toBe(85);
    expect(calibrateThreshold([wrong(0.93), ...many(63, () => right(0.84))])).toBe(0.84);
    expect(calibrateThreshold([wrong(0.93), ...many(62, () => right(0.84))])).toBe(0.95);
    const twice = [wrong(0.93), wrong(0.9)];
    expect(calibrateThreshold([...twice, ...many(83, () => right(0.84))])).toBe(0.84);
    expect(calibrateThreshold([...twice, ...many(82, () => right(0.84))])).toBe(0.95);
  });

  it('calibrates each kind of evidence on its own cases, or all together when they are few', () => {
    const thresholds = calibrateThresholds([
      ...many(150, () => right(0.85, 'payer')),
      ...many(50, () => right(0.88, 'choice')),
      wrong(0.9, 'choice'),
      ...many(10, () => right(0.84, 'named')),
      ...many(10, () => right(0.84, 'accountant')),
      wrong(0.86, 'accountant'),
    ]);
    // Named invoices have too few cases of their own and borrow the threshold of all; the
    // accountant's and the choice's wrong favourites above it raise theirs just over them.
    expect(thresholds).toEqual({ named: 0.84, payer: 0.85, accountant: 0.87, choice: 0.91 });
  });

  it('does not hold the other kinds back for a choice among sets the clerk made otherwise', () => {
    const thresholds = calibrateThresholds([
      ...many(30, () => right(0.85, 'named')),
      ...many(30, () => right(0.85, 'payer')),
      wrong(0.9, 'choice'),
    ]);
    expect(thresholds).toEqual({ named: 0.85, payer: 0.85, accountant: 0.85, choice: 0.95 });
  });

  it('ignores favourites that were not clearly ahead, and never goes below the floor', () => {
    const unclear = { evidence: 'payer' as const, best: 0.9, lead: 0.5, right: false };
    expect(calibrateThreshold(many(60, () => unclear))).toBe(0.95);
    expect(calibrateThreshold(many(100, () => right(0.5)))).toBe(0.95);
    expect(calibrateThreshold(many(100, () => right(0.805)))).toBe(0.8);
  });
});
