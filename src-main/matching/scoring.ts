import type { Candidate } from './candidate.js';

/**
 * The features a candidate is scored on, in the order of the weights. Each is a number the
 * explanation can name; together they are what a clerk looks at: is the invoice named, does
 * the amount fit and how, is the payer known, does anything speak against it.
 */
export const featureNames = [
  'bias',
  'referenceShare',
  'amountExact',
  'writeOff',
  'bankFee',
  'priceRevision',
  'partial',
  'overpaid',
  'payerCertainty',
  'unexplainedReferences',
  'extraItemsWithoutReference',
  'uniqueAmountWithoutReference',
  'unreferencedItems',
  'sameAmountAlternatives',
  'otherCompany',
  'paidBeforeIssue',
  'payerHistory',
  'yearsOverdue',
  'payerFromAccountant',
  'payerFromText',
  'oldestAlternative',
  'amountTwins',
  'domesticShortfall',
  'closestDueAlternative',
  'consecutiveItems',
  'imputedOnOldest',
  'chanceMatch',
  'creditNoteUnnamed',
  'depositWording',
  'unnamedGap',
  'twinOfNamed',
  'namesUnknownNumber',
  'nearMissPartial',
  'payerIsAnother',
  'gapMadeOfItems',
  'periodAmongTwins',
  'accountantPublicBody',
  'accountantPlace',
  'nearMissBesideNamed',
  'bodyBySumOnly',
] as const;

export type FeatureName = (typeof featureNames)[number];

/** Weights set by hand on named cases, used until clerks' decisions have trained others. */
export const defaultWeights: Record<FeatureName, number> = {
  bias: -3,
  referenceShare: 4.5,
  amountExact: 2.5,
  writeOff: 2.0,
  bankFee: 1.3,
  priceRevision: 1.3,
  partial: -1.0,
  overpaid: -1.5,
  payerCertainty: 3.5,
  unexplainedReferences: -1.0,
  extraItemsWithoutReference: -0.3,
  uniqueAmountWithoutReference: 1.0,
  unreferencedItems: -0.4,
  sameAmountAlternatives: -0.7,
  otherCompany: -3,
  paidBeforeIssue: -2,
  payerHistory: 0.8,
  yearsOverdue: -0.5,
  // A body the accountant paid for before, owing an amount no other public body owes.
  payerFromAccountant: 0.3,
  payerFromText: 0,
  oldestAlternative: 0.5,
  amountTwins: -0.5,
  // A shortfall a bank fee abroad would explain, from a French or unknown account.
  domesticShortfall: 0,
  closestDueAlternative: 0.3,
  consecutiveItems: 0.3,
  // Twins are told apart by the law's order, not by anything the payer wrote.
  imputedOnOldest: -0.5,
  chanceMatch: -0.5,
  // Payers who net a credit note say so; netting one unasked is the engine's guess.
  creditNoteUnnamed: -2,
  depositWording: -1.5,
  // A revision, fee or overpayment read into a transfer that names no invoice is a guess.
  unnamedGap: -1.5,
  twinOfNamed: -2,
  namesUnknownNumber: -2,
  // A number one character off and an amount that does not fit: two disagreements.
  nearMissPartial: -1.5,
  // The payer is known, as another customer, and the candidate's customer is not it.
  payerIsAnother: -2.5,
  gapMadeOfItems: -1.5,
  periodAmongTwins: -1.5,
  // Public accountants pay for public bodies, mostly those of the place they are named after.
  accountantPublicBody: 1.5,
  accountantPlace: 1.0,
  nearMissBesideNamed: -1.0,
  // Which body an unknown accountant paid for, told by a sum of its items alone.
  bodyBySumOnly: 0,
};

export type Weights = Record<FeatureName, number>;

/** The feature vector of a candidate, in `featureNames` order. */
export function candidateFeatures(candidate: Candidate, bookingDate: string): number[] {
  const evidence = candidate.evidence;
  const withoutReference = evidence.referenceShare === 0;
  const unreferenced = candidate.lines.filter(
    (line) => !evidence.referencedNumbers.includes(line.item.number),
  ).length;
  const oldestDue = candidate.lines
    .map((line) => line.item.dueDate ?? line.item.issueDate)
    .sort()[0];
  const daysOverdue =
    oldestDue === undefined ? 0 : (Date.parse(bookingDate) - Date.parse(oldestDue)) / 86_400_000;
  const values: Record<FeatureName, number> = {
    bias: 1,
    referenceShare: evidence.referenceShare,
    amountExact: evidence.gapKind === 'none' ? 1 : 0,
    writeOff: evidence.gapKind === 'writeOff' ? 1 : 0,
    bankFee: evidence.gapKind === 'bankFee' ? 1 : 0,
    priceRevision: evidence.gapKind === 'priceRevision' ? 1 : 0,
    partial: evidence.gapKind === 'partial' ? 1 : 0,
    overpaid: evidence.gapKind === 'overpaid' ? 1 : 0,
    payerCertainty: evidence.payer?.certainty ?? 0,
    unexplainedReferences: Math.min(2, evidence.unexplainedReferences),
    extraItemsWithoutReference: withoutReference ? candidate.lines.length - 1 : 0,
    uniqueAmountWithoutReference:
      withoutReference && evidence.sameAmountAlternatives === 0 && evidence.gapKind === 'none'
        ? 1
        : 0,
    unreferencedItems: withoutReference ? 0 : unreferenced,
    sameAmountAlternatives: Math.min(3, evidence.sameAmountAlternatives),
    otherCompany: evidence.otherCompany ? 1 : 0,
    paidBeforeIssue: evidence.paidBeforeIssue ? 1 : 0,
    payerHistory: Math.min(1, (evidence.payerHistory ?? 0) / 3),
    yearsOverdue: Math.max(0, Math.min(2, daysOverdue / 365)),
    payerFromAccountant: evidence.payer?.source === 'accountant' ? 1 : 0,
    payerFromText: evidence.payer?.source === 'text' ? 1 : 0,
    oldestAlternative: evidence.oldestAlternative === true ? 1 : 0,
    // Other customers owing the amount matter as much as the payer is unsure.
    amountTwins: withoutReference
      ? Math.min(3, evidence.amountTwins ?? 0) * (1 - (evidence.payer?.certainty ?? 0))
      : 0,
    // Without the payer's IBAN the statement cannot say where the money came from.
    closestDueAlternative: evidence.closestDueAlternative === true ? 1 : 0,
    consecutiveItems: withoutReference && evidence.consecutive === true ? 1 : 0,
    imputedOnOldest: withoutReference && (evidence.youngerTwins ?? 0) > 0 ? 1 : 0,
    // Decades of expected coincidences, from -1 (one in a thousand) to 3 (ten).
    chanceMatch:
      withoutReference && evidence.chanceMatches !== undefined
        ? Math.max(-3, Math.min(1, Math.log10(Math.max(1e-9, evidence.chanceMatches)))) + 2
        : 0,
    // Money paid ahead settles part of an invoice: not one named invoice in full plus a gap.
    depositWording:
      evidence.depositWording === true &&
      evidence.gapKind !== 'partial' &&
      (withoutReference || evidence.gapKind !== 'none')
        ? 1
        : 0,
    unnamedGap:
      withoutReference && ['priceRevision', 'bankFee', 'overpaid'].includes(evidence.gapKind)
        ? 1
        : 0,
    twinOfNamed: !withoutReference && (evidence.unnamedTwins ?? 0) > 0 ? 1 : 0,
    periodAmongTwins:
      withoutReference && evidence.periodNamed === true && (evidence.youngerTwins ?? 0) > 0 ? 1 : 0,
    gapMadeOfItems:
      evidence.gapMadeOfItems === true && evidence.gapKind === 'priceRevision' ? 1 : 0,
    nearMissPartial: evidence.nearMiss === true && evidence.gapKind === 'partial' ? 1 : 0,
    payerIsAnother: evidence.payer === undefined && (evidence.otherPayer ?? false) ? 1 : 0,
    namesUnknownNumber: withoutReference && (evidence.unresolvedNumbers?.length ?? 0) > 0 ? 1 : 0,
    creditNoteUnnamed:
      withoutReference && candidate.lines.some((line) => line.kind === 'creditNote') ? 1 : 0,
    domesticShortfall: evidence.shortfallLeftOpen === true ? 1 : 0,
    accountantPublicBody: withoutReference && evidence.publicBodyOfAccountant === true ? 1 : 0,
    accountantPlace: withoutReference && evidence.accountantPlace === true ? 1 : 0,
    nearMissBesideNamed: evidence.besideNamed === true ? 1 : 0,
    bodyBySumOnly: evidence.bodyBySumOnly === true ? 1 : 0,
  };
  return featureNames.map((name) => values[name]);
}

/** The probability that the candidate is what the payer meant: a logistic model. */
export function scoreFeatures(features: number[], weights: Weights): number {
  let z = 0;
  for (const [index, name] of featureNames.entries()) z += (features[index] ?? 0) * weights[name];
  return 1 / (1 + Math.exp(-z));
}
