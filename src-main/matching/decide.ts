import type { MatchStatus } from './allocation-kinds.js';
import type { Candidate } from './candidate.js';
import type { MatchingSettings } from './matching-settings.js';

/** Why a receipt was not allocated automatically, for the explanation. */
export type Hesitation =
  | 'nothingFound'
  | 'otherCompany'
  | 'domesticShortfall'
  | 'tooClose'
  | 'notSureEnough'
  | 'reversal';

export interface Decision {
  status: MatchStatus;
  /** The allocation made, for `auto`. */
  chosen: Candidate | undefined;
  /** The best candidates, ranked, at most three; for `auto` the first is the one chosen. */
  proposals: Candidate[];
  confidence: number;
  hesitation?: Hesitation;
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
  // A transfer from a French account arrives whole: what is missing is the payer's to
  // explain, never a fee to book without a clerk.
  const domesticShortfall =
    best.evidence.gapKind === 'bankFee' && best.evidence.payerAbroad !== true;
  const allowed = !best.evidence.otherCompany && !domesticShortfall;
  if (best.score >= settings.autoThreshold && clearlyAhead && allowed) {
    return {
      status: 'auto',
      chosen: best,
      proposals: candidates.slice(0, 3),
      confidence: best.score,
    };
  }
  const hesitation: Hesitation = best.evidence.otherCompany
    ? 'otherCompany'
    : domesticShortfall
      ? 'domesticShortfall'
      : clearlyAhead
        ? 'notSureEnough'
        : 'tooClose';
  const proposals = candidates
    .filter((candidate) => candidate.score >= settings.proposalFloor)
    .slice(0, 3);
  const status = proposals.length === 0 ? 'unmatched' : 'proposed';
  return { status, chosen: undefined, proposals, confidence: best.score, hesitation };
}

// Scores near 1 differ little as probabilities and much as odds: compare log-odds.
function logit(probability: number): number {
  const bounded = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(bounded / (1 - bounded));
}
