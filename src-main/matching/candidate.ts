import type { Cents } from '../money/cents.js';
import type { AllocationKind } from './allocation-kinds.js';
import type { GapKind } from './matching-settings.js';
import type { OpenItem } from './open-items.js';
import type { PayerGuess } from './payer-directory.js';

/** A credit on one of the group's accounts, as the engine sees it. */
export interface Receipt {
  id: number;
  companyId: number;
  companyCode: string;
  bookingDate: string;
  amountCents: Cents;
  payerName?: string;
  payerIban?: string;
  /** Remittance text, structured references and end-to-end id, in one string to search. */
  text: string;
  /** The bank cancels an earlier debit: money coming back, not a customer paying. */
  reversal: boolean;
  /** ISO 4217 code of the amount; the books are kept in euros. */
  currency: string;
}

export interface CandidateLine {
  item: OpenItem;
  amountCents: Cents;
  kind: AllocationKind;
}

/** Which pass found a candidate: it says what the engine trusted. */
export type CandidateSource = 'reference' | 'payerAmount' | 'amountOnly';

/** The facts a candidate's score is computed from, kept for the explanation. */
export interface Evidence {
  source: CandidateSource;
  /** Share of the invoiced amount whose number the text gives, weighted by hit quality. */
  referenceShare: number;
  referencedNumbers: string[];
  /** The numbers were found one mistake away, not as written. */
  nearMiss?: boolean;
  /**
   * ...while the text names as written another open item of the customer, which the amount
   * does not fit: a typo, or a part of the item named?
   */
  besideNamed?: boolean;
  /** Numbers the text gives for this customer that the candidate leaves out. */
  unexplainedReferences: number;
  gapKind: GapKind;
  gapCents: Cents;
  payer: PayerGuess | undefined;
  /** The invoices belong to another company of the group than the account credited. */
  otherCompany: boolean;
  /** Some invoice is dated after the receipt. */
  paidBeforeIssue: boolean;
  /** Other sets of this customer's items add up to the amount as well. */
  sameAmountAlternatives: number;
  /** How many earlier allocations confirmed this payer for this customer. */
  payerHistory?: number;
  /** Among same-amount sets of this customer, this one settles the oldest items. */
  oldestAlternative?: boolean;
  /** Among same-amount sets, this one falls due closest to when payers usually pay. */
  closestDueAlternative?: boolean;
  /** The items follow each other in the customer's open items, as payers pay them. */
  consecutive?: boolean;
  /**
   * Later items of the same customer owing the same amount as an item of the set: nothing
   * tells them apart, and the set takes the oldest due, as the law imputes a payment that
   * names no debt (Code civil, art. 1342-10).
   */
  youngerTwins?: number;
  /**
   * Items of the customer outside the set owing the same amount as a set item the text does
   * not name as written: the one meant may be any of them.
   */
  unnamedTwins?: number;
  /**
   * Numbers the text gives as invoices' (see NumberingPatterns) while the candidate names
   * none: the payer meant some invoice, and not obviously these.
   */
  unresolvedNumbers?: string[];
  /** Of those, the numbers of invoices settled already (see loadSettledInvoices). */
  settledNumbers?: string[];
  /**
   * The payer's IBAN, name or SIREN points surely to another customer than the candidate's,
   * and not to the candidate's at all.
   */
  otherPayer?: boolean;
  /** Other open items of the customer make up exactly the gap left by the named ones. */
  gapMadeOfItems?: boolean;
  /** The text names the period paid ("ABONNEMENT OCTOBRE"): one invoice among identical ones. */
  periodNamed?: boolean;
  /** The body an unknown accountant paid for is told only by a sum of its items. */
  bodyBySumOnly?: boolean;
  /** The item is the one of the month the text names, not the oldest of its twins. */
  ofMonthNamed?: boolean;
  /** The text speaks of money paid ahead ("acompte", "arrhes"), not of a settlement. */
  depositWording?: boolean;
  /** Sets of this size that would add up to the amount by chance in what was searched. */
  chanceMatches?: number;
  /** Open items of other customers of the credited company for exactly the amount. */
  amountTwins?: number;
  /** A shortfall the size of bank fees from a payer not known to be abroad, left open. */
  shortfallLeftOpen?: boolean;
  /** The payer's account is outside France: its bank may deduct fees on the way. */
  payerAbroad?: boolean;
  /**
   * A public accountant paid, for no body it is known for, and the items are a public
   * body's: what such an accountant pays for.
   */
  publicBodyOfAccountant?: boolean;
  /** The place in the accountant's name is in the name of that public body. */
  accountantPlace?: boolean;
}

export interface Candidate {
  companyId: number;
  customerId: number;
  lines: CandidateLine[];
  evidence: Evidence;
  features: number[];
  score: number;
}

/** A stable key of the invoice set, to drop a candidate found by two passes. */
export function candidateKey(candidate: Pick<Candidate, 'lines'>): string {
  return candidate.lines
    .map((line) => `${line.item.id}:${line.kind}`)
    .sort()
    .join(',');
}
