import { scoreFeatures, type Weights } from './scoring.js';

/** What the model would have said on one decided receipt, and whether it was right. */
export interface DecidedCase {
  /** Score of the model's best proposal. */
  best: number;
  /** Log-odds lead of the best proposal over the next (Infinity when alone). */
  lead: number;
  /** The best proposal is what the clerk settled. */
  right: boolean;
}

export interface CalibrationRule {
  /** The threshold used before any evidence, and the highest one calibration returns. */
  ceiling: number;
  /** Never lower than this, whatever the evidence. */
  floor: number;
  /** The lead the best candidate needs anyway. */
  margin: number;
  /** How many decided receipts must fall in a band, all of them right, to open it. */
  evidence: number;
}

export const defaultCalibrationRule: CalibrationRule = {
  ceiling: 0.95,
  floor: 0.8,
  margin: 1.5,
  evidence: 40,
};

/**
 * The lowest automatic threshold the clerks' decisions justify: lowered step by step below
 * the ceiling only while every receipt the clerks decided in the band between was one where
 * the model's clear favourite was right, and only with enough of them. One wrong case in a
 * band stops it there, so a threshold follows the evidence down and comes back up on error.
 */
export function calibrateThreshold(cases: DecidedCase[], rule = defaultCalibrationRule): number {
  const clear = cases.filter((decided) => decided.lead >= rule.margin);
  let threshold = rule.ceiling;
  for (let candidate = rule.ceiling - 0.01; candidate >= rule.floor - 1e-9; candidate -= 0.01) {
    const band = clear.filter(
      (decided) => decided.best >= candidate && decided.best < rule.ceiling,
    );
    if (band.some((decided) => !decided.right)) break;
    // Never below the lowest score actually seen right: no evidence speaks for what is under it.
    const lowest = Math.min(...band.map((decided) => decided.best));
    if (band.length >= rule.evidence) threshold = Math.floor(lowest * 100 + 1e-6) / 100;
  }
  return threshold;
}

/** Replays the stored proposals of each decision under `weights`. */
export function decidedCases(
  decisions: Map<number, Array<{ features: number[]; label: 0 | 1 }>>,
  weights: Weights,
): DecidedCase[] {
  const cases: DecidedCase[] = [];
  for (const proposals of decisions.values()) {
    const scored = proposals
      .map((proposal) => ({
        score: scoreFeatures(proposal.features, weights),
        label: proposal.label,
      }))
      .sort((a, b) => b.score - a.score);
    const [first, second] = scored;
    if (first === undefined) continue;
    cases.push({
      best: first.score,
      lead: second === undefined ? Infinity : logOdds(first.score) - logOdds(second.score),
      right: first.label === 1,
    });
  }
  return cases;
}

function logOdds(probability: number): number {
  const bounded = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(bounded / (1 - bounded));
}
