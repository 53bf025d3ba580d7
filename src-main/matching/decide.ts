import type { MatchStatus } from './allocation-kinds.js';
import type { Candidate } from './candidate.js';
import type { MatchingSettings } from './matching-settings.js';
import { featureNames, type FeatureName } from './scoring.js';
import { evidenceClass } from './threshold-calibration.js';

/** Why a receipt was not allocated automatically, for the explanation. */
export type Hesitation =
  | 'nothingFound'
  | 'otherCompany'
  | 'tooClose'
  | 'notSureEnough'
  | 'reversal'
  | 'unknowable'
  | 'unresolvedNumber'
  | 'overpaid'
  | 'otherPayer'
  | 'paidTwice'
  | 'typoOrPart'
  | 'bodyUnknown'
  | 'foreignCurrency'
  | 'taxRefund';

export interface Decision {
  status: MatchStatus;
  /** The allocation made, for `auto`. */
  chosen: Candidate | undefined;
  /** The best candidates, ranked, at most three; for `auto` the first is the one chosen. */
  proposals: Candidate[];
  confidence: number;
  hesitation?: Hesitation;
  /** For `paidTwice`: the settled invoices the text names. */
  settledNumbers?: string[];
}

/**
 * Automatic only when the best candidate is very sure and clearly ahead of the next, and
 * never for money paid to the wrong company of the group nor for a domestic transfer short of
 * the invoices by what would be bank fees; otherwise up to three proposals;
 * otherwise unmatched.
 */
export function decide(candidates: Candidate[], settings: MatchingSettings): Decision {
  const [best, second] = candidates;
  if (best === undefined) {
    return {
      status: 'unmatched',
      chosen: undefined,
      proposals: [],
      confidence: 0,
      hesitation: 'nothingFound',
    };
  }
  const clearlyAhead =
    second === undefined || logit(best.score) - logit(second.score) >= settings.autoMargin;
  const ruledOut = neverAutomatic(best.features);
  const threshold =
    settings.calibratedThresholds?.[evidenceClass(best.features)] ?? settings.autoThreshold;
  if (best.score >= threshold && clearlyAhead && ruledOut === undefined) {
    return {
      status: 'auto',
      chosen: best,
      proposals: candidates.slice(0, 3),
      confidence: best.score,
    };
  }
  const hesitation: Hesitation = ruledOut ?? (clearlyAhead ? 'notSureEnough' : 'tooClose');
  const proposals = candidates
    .filter((candidate) => candidate.score >= settings.proposalFloor)
    .slice(0, 3);
  const status = proposals.length === 0 ? 'unmatched' : 'proposed';
  return { status, chosen: undefined, proposals, confidence: best.score, hesitation };
}

/**
 * What keeps a candidate from automatic allocation however sure the model is: money paid to
 * the wrong company of the group; more than the invoices and no price revision (another
 * invoice, a deposit?); a choice only the payer could make (other sets of items fit and the
 * text names none, the item completing the named ones has twins, or the amount fits a number
 * one mistake from the one named, not the one named); a text naming an invoice number that is
 * not the candidate's; a payer known surely as another customer; a public body an unknown
 * accountant paid for, told only by a sum of its items. Read from the features, so
 * that the threshold calibration leaves out the same cases.
 */
export function neverAutomatic(features: number[]): Hesitation | undefined {
  const value = (name: FeatureName) => features[featureNames.indexOf(name)] ?? 0;
  if (value('otherCompany') > 0) return 'otherCompany';
  if (value('namesUnknownNumber') > 0 || value('nearMissPartial') > 0) return 'unresolvedNumber';
  if (value('payerIsAnother') > 0) return 'otherPayer';
  if (value('overpaid') > 0) return 'overpaid';
  if (value('twinOfNamed') > 0 || value('gapMadeOfItems') > 0) return 'unknowable';
  if (value('periodAmongTwins') > 0) return 'unknowable';
  if (value('nearMissBesideNamed') > 0) return 'typoOrPart';
  if (value('bodyBySumOnly') > 0) return 'bodyUnknown';
  return undefined;
}

// Scores near 1 differ little as probabilities and much as odds: compare log-odds.
function logit(probability: number): number {
  const bounded = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(bounded / (1 - bounded));
}
