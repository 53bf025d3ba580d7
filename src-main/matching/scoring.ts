import type { Candidate } from './candidate.js';
import type { GapKind } from './matching-settings.js';

// Evidence for each kind of difference between the receipt and the invoices.
const gapWeights: Record<GapKind, number> = {
  none: 2.5,
  writeOff: 2.0,
  bankFee: 1.3,
  priceRevision: 1.3,
  partial: 0,
  overpaid: -1.5,
};

/**
 * The probability that the candidate is what the payer meant, from its evidence: a logistic
 * function of weighted features. The weights were set by hand on named cases; a reference
 * alone with the exact amount is enough for an automatic allocation, an amount alone never.
 */
export function scoreCandidate(candidate: Candidate): number {
  const evidence = candidate.evidence;
  const payerCertainty = evidence.payer?.certainty ?? 0;
  const unreferencedLines = candidate.lines.filter(
    (line) => !evidence.referencedNumbers.includes(line.item.number),
  ).length;
  let z = -3;
  z += 4.5 * evidence.referenceShare;
  z += gapWeights[evidence.gapKind];
  z += 3.5 * payerCertainty;
  z -= 1.0 * Math.min(2, evidence.unexplainedReferences);
  // Without a reference, each extra item chosen by amount alone is a guess more.
  if (evidence.referenceShare === 0) {
    z -= 0.6 * (candidate.lines.length - 1);
    z += evidence.sameAmountAlternatives === 0 && evidence.gapKind === 'none' ? 1.0 : 0;
  } else if (unreferencedLines > 0) {
    z -= 0.4 * unreferencedLines;
  }
  z -= 0.7 * Math.min(3, evidence.sameAmountAlternatives);
  if (evidence.otherCompany) z -= 3;
  if (evidence.paidBeforeIssue) z -= 2;
  return 1 / (1 + Math.exp(-z));
}
