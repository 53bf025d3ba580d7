import { allocationLines } from './allocation-lines.js';
import { candidateKey, type Candidate, type Evidence, type Receipt } from './candidate.js';
import { findExactCombinations } from './combinations.js';
import { classifyGap } from './matching-settings.js';
import type { MatchingSettingsResolver } from './matching-settings-store.js';
import { findNearNumbers, findNearReferences } from './near-references.js';
import { compactText, normalizeText } from './normalize-text.js';
import { invoiceNumbersNamed, type NumberingPatterns } from './numbering-patterns.js';
import { byDueDate, type OpenItem } from './open-items.js';
import {
  accountantPass,
  amountOnlyPass,
  isStillOpenFor,
  isUnclaimed,
  payerAmountPass,
  publicBodiesPass,
} from './amount-passes.js';
import type { PayerDirectory, PayerGuess } from './payer-directory.js';
import { periodsNamed } from './periods.js';
import {
  accountantPlaceWords,
  isPublicAccountant,
  isTaxOffice,
  isTaxRefund,
  speaksOfRefund,
} from './public-payers.js';
import type { ReferenceHit, ReferenceIndex } from './reference-index.js';
import { candidateFeatures, scoreFeatures, type Weights } from './scoring.js';

/** What the passes share for one run: the indexes over the open items. */
export interface MatchingContext {
  references: ReferenceIndex;
  /** The numbers of invoices no longer open (see loadSettledInvoices). */
  settledReferences: ReferenceIndex;
  payers: PayerDirectory;
  itemsByCustomer: Map<number, OpenItem[]>;
  /** Open items of each company by remaining amount, for receipts nobody can be named for. */
  itemsByAmount: Map<number, Map<number, OpenItem[]>>;
  /** Items already taken in this run by an automatic allocation. */
  taken: Set<number>;
  /**
   * Items an earlier payment naming no invoice claims while it waits for a clerk: a later
   * payment takes them only by naming them.
   */
  held: Set<number>;
  /**
   * How often each customer's items were taken or held in this run: what is computed from a
   * customer's items holds while its count is unchanged.
   */
  revisions: Map<number, number>;
  numbering: NumberingPatterns;
  /** Every open item of a company, for the searches that must look beyond the payer. */
  companyItems: (companyId: number) => readonly OpenItem[];
  /** The tolerances and thresholds of each company and customer. */
  settings: MatchingSettingsResolver;
  weights: Weights;
}

/**
 * Every plausible way to allocate the receipt, scored, best first. Passes of falling
 * certainty each add candidates; a set found by two passes is kept once, with the evidence
 * of the surer one. With `referencesOnly`, a receipt no number in its text points to gets
 * none: the caller allocates only on references for now.
 */
export function findCandidates(
  receipt: Receipt,
  context: MatchingContext,
  { referencesOnly = false } = {},
): Candidate[] {
  const payers = context.payers.identify(receipt.payerName, receipt.payerIban, receipt.text);
  const allHits = context.references.find(receipt.text);
  const hits = allHits.filter((hit) => !context.taken.has(hit.item.id));
  if (fromTaxOffice(receipt, context, allHits)) return [];
  const settledItems = settledItemsNamed(receipt, context, allHits);
  const settledNamed = [...new Set(settledItems.map((item) => item.number))];
  // A settled number beside another amount may be a typo of a neighbour's.
  const paidAgain = settledItems.length > 0 && paysSettledAgain(receipt, settledItems);
  const found = new Map<string, Candidate>();
  const text = normalizeText(receipt.text);
  const depositWording = depositWords.test(text);
  const periodNamed = periodsNamed(receipt.text, receipt.payerName).length > 0;
  // Without the payer's IBAN (CFONB 120 has none), a foreign legal form or the SWIFT charges
  // code says the money came from abroad.
  const payerAbroad =
    receipt.payerIban === undefined
      ? foreignLegalForms.test(normalizeText(receipt.payerName ?? '')) ||
        /\bCHARGES (SHA|OUR|BEN)\b/.test(text) ||
        undefined
      : !/^(FR|MC|GP|MQ|GF|RE|YT)/.test(receipt.payerIban);
  // A public accountant paying for a body (not refunding the company its own taxes), and the
  // place its name gives. Without the payer's name (a CFONB 120 record without its
  // complements), the bank's label in the text may give the accountant's, but no place.
  const accountantName =
    receipt.payerName ?? (isPublicAccountant(receipt.text) ? receipt.text : undefined);
  const fromAccountant =
    context.payers.isAccountant(accountantName) &&
    !isTaxRefund(`${receipt.payerName ?? ''} ${receipt.text}`);
  const places =
    fromAccountant && receipt.payerName !== undefined
      ? accountantPlaceWords(receipt.payerName)
      : [];
  // For a body the accountant is not known to pay for: is it a public body, and one named
  // after the accountant's place? (A body it paid for before is known better than that.)
  const accountantEvidence = (unknownPayer: boolean, customerId: number) =>
    fromAccountant && unknownPayer && context.payers.isPublicBody(customerId)
      ? {
          publicBodyOfAccountant: true,
          accountantPlace: context.payers.nameHasAnyOf(customerId, places),
        }
      : {};
  const numbersByCompany = new Map<number, string[]>();
  let invoiceWords: string[] | undefined;
  // Every number the text gives as an invoice's: in the company's pattern or after a word
  // for invoice.
  const numbersNamed = (companyId: number) => [
    ...new Set([
      ...numbersIn(companyId),
      ...(invoiceWords ??= invoiceNumbersNamed(receipt.text)),
      ...settledNamed,
    ]),
  ];
  const numbersIn = (companyId: number) => {
    let numbers = numbersByCompany.get(companyId);
    if (numbers === undefined) {
      numbers = context.numbering.numbersIn(receipt.text, companyId);
      numbersByCompany.set(companyId, numbers);
    }
    return numbers;
  };
  let twins: OpenItem[] | undefined;
  const sameAmountInCompany = () =>
    (twins ??= (
      context.itemsByAmount.get(receipt.companyId)?.get(receipt.amountCents) ?? []
    ).filter((item) => isStillOpenFor(item, receipt, context)));
  const keep = (items: OpenItem[], evidence: Omit<Evidence, 'gapKind' | 'gapCents'>) => {
    const invoiced = items.reduce((sum, item) => sum + item.remainingCents, 0);
    const gapCents = receipt.amountCents - invoiced;
    // The tolerances of the candidate's company and customer, as their accountant set them.
    const settings = context.settings.forCustomer(items[0]!.companyId, items[0]!.customerId);
    const gapRead = classifyGap(gapCents, invoiced, settings);
    // A SEPA transfer from a French account arrives whole: what is missing is the payer's
    // to pay, left open on the invoice, and only a foreign payer's bank takes fees.
    const shortfallLeftOpen = gapRead === 'bankFee' && payerAbroad !== true;
    const gapKind = shortfallLeftOpen ? 'partial' : gapRead;
    const lines = allocationLines(items, receipt.amountCents, gapKind, evidence.otherCompany);
    const amountTwins =
      evidence.referenceShare === 0
        ? sameAmountInCompany().filter((item) => item.customerId !== items[0]?.customerId).length
        : 0;
    const first = items[0] as OpenItem;
    // A partial payment spread oldest first may leave a named item without any line.
    const dropped = items.filter((item) => !lines.some((line) => line.item === item)).length;
    const candidate: Candidate = {
      companyId: first.companyId,
      customerId: first.customerId,
      lines,
      evidence: {
        ...evidence,
        gapKind,
        gapCents,
        unexplainedReferences: evidence.unexplainedReferences + dropped,
        payerHistory: evidence.payer?.history ?? 0,
        amountTwins,
        depositWording,
        periodNamed,
        unnamedTwins:
          evidence.referenceShare > 0 ? unnamedTwins(items, evidence, receipt.text, context) : 0,
        otherPayer:
          evidence.payer === undefined &&
          payers.some(
            (guess) =>
              guess.certainty >= 0.7 &&
              guess.source !== 'text' &&
              guess.source !== 'accountant' &&
              guess.customerId !== first.customerId &&
              // The same payer is a customer of each company it deals with, under its own code.
              context.payers.customer(guess.customerId)?.companyId === first.companyId,
          ),
        unresolvedNumbers: evidence.referenceShare === 0 ? numbersNamed(items[0]!.companyId) : [],
        settledNumbers: evidence.referenceShare === 0 ? settledNamed : [],
        payerAbroad,
        shortfallLeftOpen,
        ...accountantEvidence(evidence.payer === undefined, first.customerId),
      },
      features: [],
      score: 0,
    };
    candidate.features = candidateFeatures(candidate, receipt.bookingDate);
    candidate.score = scoreFeatures(candidate.features, context.weights);
    const key = candidateKey(candidate);
    const previous = found.get(key);
    if (previous === undefined || previous.score < candidate.score) found.set(key, candidate);
  };

  // Pass 1: the invoice numbers written in the text, grouped by customer.
  for (const group of groupByCustomer(hits)) referencePass(receipt, group, payers, context, keep);

  // Pass 1b: no number of this customer's found as written (perhaps another customer's
  // number, the typo landing on it), or none whose amount fits; one a mistake away from an
  // item of a customer the payer points to: "2026-2961" written, 2026-2916 owing the amount.
  for (const payer of paidAgain ? [] : payers.slice(0, 3)) {
    if (payer.certainty < 0.5) continue;
    const named = hits.filter((hit) => hit.item.customerId === payer.customerId);
    if (named.length > 0 && fits([...found.values()], payer.customerId)) continue;
    // Beside a number found as written, open or settled, only an item owing the amount
    // exactly is a rival.
    const besideNamed = named.length > 0;
    const exactOnly = besideNamed || settledItems.length > 0;
    const open = (context.itemsByCustomer.get(payer.customerId) ?? []).filter(
      (item) =>
        !context.taken.has(item.id) &&
        (!exactOnly || item.remainingCents === receipt.amountCents) &&
        !named.some((hit) => hit.item === item),
    );
    const near = findNearReferences(receipt.text, open);
    if (near.length > 0)
      referencePass(receipt, near, payers, context, keep, { nearMiss: true, besideNamed });
  }

  // Pass 1c: a number in the company's numbering pattern that is no open item, one mistake
  // away from an item of any customer owing the amount, give or take what the customer's
  // tolerances explain.
  const unresolved = numbersIn(receipt.companyId).filter(
    (number) => !hits.some((hit) => hit.matched === compactText(number)),
  );
  if (unresolved.length > 0 && found.size === 0 && !paidAgain) {
    const near = findNearNumbers(unresolved, context.companyItems(receipt.companyId), (item) => {
      if (context.taken.has(item.id)) return false;
      const settings = context.settings.forCustomer(item.companyId, item.customerId);
      const gap = classifyGap(
        receipt.amountCents - item.remainingCents,
        item.remainingCents,
        settings,
      );
      return gap !== 'partial' && gap !== 'overpaid';
    });
    for (const group of groupByCustomer(near)) {
      referencePass(receipt, group, payers, context, keep, { nearMiss: true });
    }
  }

  if (referencesOnly && found.size === 0) return [];

  // Pass 2: a customer named by IBAN, name or text, and its items adding up to the amount.
  const strongest = payers.filter((payer) => payer.source !== 'accountant').slice(0, 5);
  for (const payer of strongest) {
    const named = hits
      .filter((hit) => hit.item.customerId === payer.customerId)
      .map((hit) => hit.item);
    payerAmountPass(receipt, payer, named, context, keep);
  }

  // Pass 3: a public accountant, and one of the bodies it paid for before owed the amount.
  const bodies = payers.filter((payer) => payer.source === 'accountant');
  if (bodies.length > 0) accountantPass(receipt, bodies, context, keep, places);

  // Pass 4: nobody named; an open item of the credited company for exactly the amount. A
  // public accountant pays for more bodies than those it is known for: theirs are searched
  // too, to be weighed against the known ones.
  const anyNamed = [...found.values()].some((candidate) => candidate.evidence.referenceShare > 0);
  if (found.size === 0 || (fromAccountant && !anyNamed)) {
    amountOnlyPass(receipt, context, keep, fromAccountant);
  }
  // Pass 4b: nothing named, and no public body owing the amount in one item.
  const bodyFound = [...found.values()].some(
    (candidate) =>
      candidate.evidence.referenceShare > 0 || context.payers.isPublicBody(candidate.customerId),
  );
  if (fromAccountant && !bodyFound) publicBodiesPass(receipt, context, keep, places);

  return [...found.values()].sort((a, b) => b.score - a.score);
}

/**
 * A tax office sending the company its own taxes back: the payer is one (and no customer of
 * that name), or another office of the public finances whose text speaks of refunding a tax,
 * or, the payer unnamed, the text names a tax office and speaks of a refund; and no invoice
 * is named, open or settled, as written or in the company's numbering.
 */
export function fromTaxOffice(
  receipt: Receipt,
  context: MatchingContext,
  hits = context.references.find(receipt.text),
): boolean {
  const office =
    receipt.payerName === undefined
      ? isTaxOffice(receipt.text) && speaksOfRefund(receipt.text)
      : context.payers.isAccountant(receipt.payerName) &&
        (isTaxOffice(receipt.payerName) ||
          // Any office of the network saying it refunds a tax ("REMBOURSEMENT CREDIT DE TVA").
          (speaksOfRefund(receipt.text) && isTaxRefund(receipt.text)));
  return (
    office &&
    hits.length === 0 &&
    context.settledReferences.find(receipt.text).length === 0 &&
    invoiceNumbersNamed(receipt.text).length === 0 &&
    context.numbering.numbersIn(receipt.text, receipt.companyId).length === 0
  );
}

/**
 * The invoices the text names as written that are settled already, in the ledger or by this
 * run: a double payment, or a number given by mistake.
 */
export function settledNumbersNamed(
  receipt: Receipt,
  context: MatchingContext,
  hits = context.references.find(receipt.text),
): string[] {
  return [...new Set(settledItemsNamed(receipt, context, hits).map((item) => item.number))];
}

function settledItemsNamed(
  receipt: Receipt,
  context: MatchingContext,
  hits: ReferenceHit[],
): OpenItem[] {
  return [
    ...hits.filter((hit) => context.taken.has(hit.item.id)),
    ...context.settledReferences.find(receipt.text),
  ].map((hit) => hit.item);
}

/**
 * Whether the amount is what settled one of the settled invoices named, or all of them: a
 * double payment, not a typo of a neighbour's number.
 */
function paysSettledAgain(receipt: Receipt, settled: OpenItem[]): boolean {
  const amounts = settled.map((item) => item.settledCents);
  return (
    amounts.some((amount) => amount === undefined || amount === receipt.amountCents) ||
    amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0) === receipt.amountCents
  );
}

// Company forms of other countries: GmbH, AG, Srl, SpA, BV, NV, Ltd, Oy...
const foreignLegalForms = /\b(GMBH|AG|KG|SRL|SPA|BV|NV|BVBA|LTD|LIMITED|LLC|INC|PLC|OY|APS)\b/;

// "Acompte", "arrhes", "avance", "provision": money paid ahead, not the settlement of an invoice.
const depositWords = /\b(ACOMPTE|ACPTE|ARRHES|AVANCE|PROVISION)\b/;

/**
 * Open items of the customer outside the set owing the same amount as an item of the set the
 * text does not name as written (an item added to complete the amount, or one found a
 * mistake away when the number is a mistake away from the twin too): any of them could be
 * the one meant.
 */
function unnamedTwins(
  items: OpenItem[],
  evidence: Omit<Evidence, 'gapKind' | 'gapCents'>,
  text: string,
  context: MatchingContext,
): number {
  const unnamed = items.filter(
    (item) => evidence.nearMiss === true || !evidence.referencedNumbers.includes(item.number),
  );
  if (unnamed.length === 0) return 0;
  const amounts = new Set(unnamed.map((item) => item.remainingCents));
  const open = context.itemsByCustomer.get(unnamed[0]!.customerId) ?? [];
  const twins = open.filter(
    (item) =>
      amounts.has(item.remainingCents) && !items.includes(item) && !context.taken.has(item.id),
  );
  // "3017" written, for "3018" or "3019".
  if (evidence.nearMiss === true && evidence.referencedNumbers.length === items.length) {
    return findNearReferences(text, twins).length;
  }
  return twins.length;
}

/** Records a candidate set of items with the evidence that found it. */
export type Keep = (items: OpenItem[], evidence: Omit<Evidence, 'gapKind' | 'gapCents'>) => void;

function referencePass(
  receipt: Receipt,
  hits: ReferenceHit[],
  payers: PayerGuess[],
  context: MatchingContext,
  keep: Keep,
  { nearMiss = false, besideNamed = false } = {},
): void {
  const first = hits[0] as ReferenceHit;
  const payer = payers.find((guess) => guess.customerId === first.item.customerId);
  const otherCompany = first.item.companyId !== receipt.companyId;
  const quality = new Map(hits.map((hit) => [hit.item.id, hit.quality]));
  const referenced = hits.map((hit) => hit.item).sort(byDueDate);
  const evidenceFor = (items: OpenItem[]) => {
    const invoiced = items.reduce((sum, item) => sum + Math.abs(item.remainingCents), 0);
    const covered = items.reduce(
      (sum, item) => sum + Math.abs(item.remainingCents) * (quality.get(item.id) ?? 0),
      0,
    );
    return {
      source: 'reference' as const,
      nearMiss,
      besideNamed,
      referenceShare: invoiced === 0 ? 0 : covered / invoiced,
      referencedNumbers: items.filter((item) => quality.has(item.id)).map((item) => item.number),
      unexplainedReferences: referenced.filter((item) => !items.includes(item)).length,
      payer,
      otherCompany,
      paidBeforeIssue: items.some((item) => item.issueDate > receipt.bookingDate),
      sameAmountAlternatives: 0,
    };
  };

  const total = referenced.reduce((sum, item) => sum + item.remainingCents, 0);
  if (total === receipt.amountCents) {
    keep(referenced, evidenceFor(referenced));
    return;
  }
  // Some items paid are not named: invoices when the text was cut, credit notes netted.
  const gap = receipt.amountCents - total;
  const others = (context.itemsByCustomer.get(first.item.customerId) ?? []).filter(
    (item) =>
      !referenced.includes(item) &&
      isUnclaimed(item, context) &&
      (gap > 0 ? item.kind === 'invoice' : item.kind === 'creditNote'),
  );
  const completions = findExactCombinations(others, gap, { maxSize: 3, maxResults: 3 });
  // A gap that other open items of the customer make up exactly is no revision or fee.
  keep(referenced, { ...evidenceFor(referenced), gapMadeOfItems: completions.length > 0 });
  // Some numbers in the text are not what this transfer pays (an older invoice quoted).
  if (referenced.length > 1) {
    for (const subset of findExactCombinations(referenced, receipt.amountCents)) {
      keep(subset, evidenceFor(subset));
    }
  }
  for (const completion of completions) {
    const items = [...referenced, ...completion].sort(byDueDate);
    keep(items, evidenceFor(items));
  }
}

// Whether a candidate of the customer found so far settles its items without a shortfall or
// an excess left to explain.
function fits(candidates: Candidate[], customerId: number): boolean {
  return candidates.some(
    (candidate) =>
      candidate.customerId === customerId &&
      !['partial', 'overpaid'].includes(candidate.evidence.gapKind),
  );
}

function groupByCustomer(hits: ReferenceHit[]): ReferenceHit[][] {
  const groups = new Map<number, ReferenceHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.item.customerId);
    if (list === undefined) groups.set(hit.item.customerId, [hit]);
    else list.push(hit);
  }
  return [...groups.values()];
}
