import type { MatchStatus } from './allocation-kinds.js';
import type { Candidate } from './candidate.js';
import type { MatchingSettings } from './matching-settings.js';

export interface Decision {
  status: MatchStatus;
  /** The allocation made, for `auto`. */
  chosen: Candidate | undefined;
  /** The best candidates, ranked, at most three; for `auto` the first is the one chosen. */
  proposals: Candidate[];
  confidence: number;
}

/**
 * Automatic only when the best candidate is very sure and clearly ahead of the next, and
 * never for money paid to the wrong company of the group; otherwise up to three proposals;
 * otherwise unmatched.
 */
export function decide(candidates: Candidate[], settings: MatchingSettings): Decision {
  const [best, second] = candidates;
  if (best === undefined)
    return { status: 'unmatched', chosen: undefined, proposals: [], confidence: 0 };
  const clearlyAhead = second === undefined || best.score - second.score >= settings.autoMargin;
  if (best.score >= settings.autoThreshold && clearlyAhead && !best.evidence.otherCompany) {
    return {
      status: 'auto',
      chosen: best,
      proposals: candidates.slice(0, 3),
      confidence: best.score,
    };
  }
  const proposals = candidates
    .filter((candidate) => candidate.score >= settings.proposalFloor)
    .slice(0, 3);
  if (proposals.length === 0) {
    return { status: 'unmatched', chosen: undefined, proposals: [], confidence: best.score };
  }
  return { status: 'proposed', chosen: undefined, proposals, confidence: best.score };
}
