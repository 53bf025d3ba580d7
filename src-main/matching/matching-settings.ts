import type { Cents } from '../money/cents.js';
import type { EvidenceClass } from './threshold-calibration.js';

/** The tolerances and thresholds the engine decides with. */
export interface MatchingSettings {
  /** A payment above the invoices by at most this share of them is a price revision. */
  priceRevisionRate: number;
  /** A payment below the invoices by at most this much was cut by bank fees... */
  bankFeeMaxCents: Cents;
  /** ...provided it is also at most this share of the invoices. */
  bankFeeMaxRate: number;
  /** A difference this small either way is written off. */
  writeOffMaxCents: Cents;
  /** The lowest score allocated without a clerk, before the clerks' decisions calibrate one. */
  autoThreshold: number;
  /**
   * The thresholds the clerks' decisions justify for each kind of evidence (see
   * threshold-calibration.ts); `autoThreshold` where none. Not used for a company whose
   * accountant set its own threshold.
   */
  calibratedThresholds?: Partial<Record<EvidenceClass, number>>;
  /**
   * How far ahead of the next candidate the best one must be to be allocated automatically,
   * in log-odds: 1.5 means at least 4.5 times likelier.
   */
  autoMargin: number;
  /** Candidates below this score are not even proposed. */
  proposalFloor: number;
}

export const defaultMatchingSettings: MatchingSettings = {
  priceRevisionRate: 0.05,
  bankFeeMaxCents: 3_000,
  bankFeeMaxRate: 0.05,
  writeOffMaxCents: 500,
  autoThreshold: 0.95,
  autoMargin: 1.5,
  proposalFloor: 0.05,
};

export type GapKind = 'none' | 'writeOff' | 'bankFee' | 'priceRevision' | 'partial' | 'overpaid';

/** What a difference between the receipt and the invoices it pays most likely is. */
export function classifyGap(
  gapCents: Cents,
  invoicedCents: Cents,
  settings: MatchingSettings,
): GapKind {
  if (gapCents === 0) return 'none';
  const size = Math.abs(gapCents);
  if (size <= settings.writeOffMaxCents) return 'writeOff';
  if (gapCents < 0) {
    if (size <= settings.bankFeeMaxCents && size <= invoicedCents * settings.bankFeeMaxRate) {
      return 'bankFee';
    }
    return 'partial';
  }
  return gapCents <= invoicedCents * settings.priceRevisionRate ? 'priceRevision' : 'overpaid';
}
