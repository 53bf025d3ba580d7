import { neverAutomatic } from './decide.js';
import { featureNames, scoreFeatures, type FeatureName, type Weights } from './scoring.js';

/**
 * The kinds of evidence a favourite stands on, each with a threshold of its own: the model's
 * scores are not equally reliable on all of them, and a doubtful kind must not hold back the
 * others.
 */
export const evidenceClasses = ['named', 'payer', 'accountant', 'choice'] as const;
export type EvidenceClass = (typeof evidenceClasses)[number];

/**
 * `named`: the text names the invoices; `payer`: no number, a payer known by IBAN, name,
 * SIREN or its name in the text, one way to make up the amount; `accountant`: a public
 * accountant's body, one it paid for before or any public body owing the amount; `choice`: no
 * number and other sets of items making the amount too.
 */
export function evidenceClass(features: number[]): EvidenceClass {
  const value = (name: FeatureName) => features[featureNames.indexOf(name)] ?? 0;
  if (value('referenceShare') > 0) return 'named';
  if (value('sameAmountAlternatives') > 0) return 'choice';
  const accountant = value('payerFromAccountant') > 0 || value('accountantPublicBody') > 0;
  return accountant ? 'accountant' : 'payer';
}

/** What the model would have said on one decided receipt, and whether it was right. */
export interface DecidedCase {
  evidence: EvidenceClass;
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
  /**
   * How many decided receipts, all with the favourite right, open a band. A band with wrong
   * favourites needs as strong a case: as many more receipts as keep the same upper bound
   * on its share of wrong favourites (95 % confidence): 64 for one wrong, 85 for two.
   */
  evidence: number;
}

export const defaultCalibrationRule: CalibrationRule = {
  ceiling: 0.95,
  floor: 0.8,
  margin: 1.5,
  evidence: 40,
};

/**
 * The lowest automatic threshold the clerks' decisions justify: the lowest step below the
 * ceiling such that the receipts the clerks decided in the band between are enough, and the
 * model's clear favourite was right for all of them, or for so many that the few wrong ones
 * are outweighed.
 * Automatic allocations above the ceiling are all but always right, so a band this good
 * keeps the precision above 99.7 %; a wrong case raises the threshold back over it until
 * enough right ones outweigh it.
 */
export function calibrateThreshold(cases: DecidedCase[], rule = defaultCalibrationRule): number {
  const clear = cases.filter((decided) => decided.lead >= rule.margin);
  let threshold = rule.ceiling;
  for (let candidate = rule.ceiling - 0.01; candidate >= rule.floor - 1e-9; candidate -= 0.01) {
    const band = clear.filter(
      (decided) => decided.best >= candidate && decided.best < rule.ceiling,
    );
    const wrong = band.filter((decided) => !decided.right).length;
    if (band.length < casesNeeded(wrong, rule.evidence)) continue;
    // Never below the lowest score actually seen right: no evidence speaks for what is under it.
    const lowest = Math.min(
      ...band.filter((decided) => decided.right).map((decided) => decided.best),
    );
    threshold = Math.floor(lowest * 100 + 1e-6) / 100;
  }
  return threshold;
}

/**
 * How many decided receipts a band with `wrong` wrong favourites needs to be as convincing as
 * `evidence` receipts without any: the same 95 % upper bound on the share of wrong ones.
 */
export function casesNeeded(wrong: number, evidence: number): number {
  return Math.ceil((evidence * poissonUpperBound(wrong)) / poissonUpperBound(0) - 1e-9);
}

/** The rate of a Poisson count under which seeing `count` or fewer has 5 % chance. */
function poissonUpperBound(count: number): number {
  const atMostCount = (rate: number) => {
    let term = Math.exp(-rate);
    let sum = term;
    for (let k = 1; k <= count; k += 1) {
      term *= rate / k;
      sum += term;
    }
    return sum;
  };
  let low = 0;
  let high = 10 + 3 * count;
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (atMostCount(middle) > 0.05) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * A threshold for each kind of evidence: its own calibration where its decided cases are
 * enough; otherwise the threshold the decided cases justify together, raised just above the
 * highest of its own wrong favourites there may be above it. A choice among sets the payer
 * left open misses when the clerk preferred another valid set: that says nothing of a named
 * invoice or a known payer, so the other kinds borrow from each other only.
 */
export function calibrateThresholds(
  cases: DecidedCase[],
  rule = defaultCalibrationRule,
): Record<EvidenceClass, number> {
  const overall = calibrateThreshold(cases, rule);
  const withoutChoices = calibrateThreshold(
    cases.filter((decided) => decided.evidence !== 'choice'),
    rule,
  );
  return Object.fromEntries(
    evidenceClasses.map((kind) => {
      const own = cases.filter((decided) => decided.evidence === kind);
      const calibrated = calibrateThreshold(own, rule);
      if (calibrated < rule.ceiling) return [kind, calibrated];
      const borrowed = kind === 'choice' ? overall : withoutChoices;
      // Its own wrong favourites above that threshold push it just over the highest of them.
      const wrong = own
        .filter((decided) => !decided.right && decided.lead >= rule.margin)
        .map((decided) => decided.best)
        .filter((best) => best >= borrowed && best < rule.ceiling);
      if (wrong.length === 0) return [kind, borrowed];
      return [kind, Math.min(rule.ceiling, Math.floor(Math.max(...wrong) * 100 + 1) / 100)];
    }),
  ) as Record<EvidenceClass, number>;
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
        features: proposal.features,
      }))
      .sort((a, b) => b.score - a.score);
    const [first, second] = scored;
    // A favourite the rules keep from automatic allocation says nothing of the threshold.
    if (first === undefined || neverAutomatic(first.features) !== undefined) continue;
    cases.push({
      evidence: evidenceClass(first.features),
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
