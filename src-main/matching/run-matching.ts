import type { Store } from '../db/store.js';
import { createLogger } from '../log/logger.js';
import type { MatchStatus } from './allocation-kinds.js';
import type { Candidate, Receipt } from './candidate.js';
import { decide, type Decision } from './decide.js';
import { explainCandidate, explainHesitation, type Language } from './explanation.js';
import {
  findCandidates,
  fromTaxOffice,
  settledNumbersNamed,
  type MatchingContext,
} from './find-candidates.js';
import { loadReceiptsToMatch } from './load-receipts.js';
import { defaultMatchingSettings, type MatchingSettings } from './matching-settings.js';
import {
  loadMatchingSettingsResolver,
  uniformMatchingSettings,
} from './matching-settings-store.js';
import { loadOpenBook, loadSettledInvoices, type OpenItem } from './open-items.js';
import { NumberingPatterns } from './numbering-patterns.js';
import { PayerDirectory, type PayerLink } from './payer-directory.js';
import { ReferenceIndex } from './reference-index.js';
import { loadPayerLinks } from './learned-facts.js';
import { saveDecisions } from './save-decisions.js';
import { loadScoringModel } from './scoring-model.js';
import type { Weights } from './scoring.js';

const log = createLogger('matching');

export interface MatchingSummary {
  receipts: number;
  auto: number;
  proposed: number;
  unmatched: number;
  milliseconds: number;
}

export interface MatchingOptions {
  settings?: MatchingSettings;
  /** Scoring weights; by default the latest trained model's. */
  weights?: Weights;
  language?: Language;
  /** Called as receipts are matched: first those naming their invoices, then the others. */
  onProgress?: (round: 'references' | 'others', done: number, total: number) => void;
}

/**
 * Matches every receipt waiting for a decision against the open items of the group and
 * records the outcome: automatic allocations, ranked proposals, or unmatched.
 *
 * Receipts whose own text names their invoices go first, so that a receipt matched on
 * its amount alone never takes an invoice another transfer names.
 */
export function runMatching(store: Store, options: MatchingOptions = {}): MatchingSummary {
  const started = performance.now();
  const model = loadScoringModel(store);
  // The threshold the clerks' decisions justify, unless a company's accountant or the caller
  // sets one; tolerances as each company and customer set them, unless the caller sets all.
  const settings =
    options.settings === undefined
      ? loadMatchingSettingsResolver(store, {
          ...defaultMatchingSettings,
          calibratedThresholds: model.thresholds,
        })
      : uniformMatchingSettings(options.settings);
  const language = options.language ?? 'en';
  const book = loadOpenBook(store);
  const links = loadPayerLinks(store);
  const itemsByCompany = new Map<number, OpenItem[]>();
  for (const item of book.items) {
    const list = itemsByCompany.get(item.companyId);
    if (list === undefined) itemsByCompany.set(item.companyId, [item]);
    else list.push(item);
  }
  const context: MatchingContext = {
    references: new ReferenceIndex(book.items),
    settledReferences: new ReferenceIndex(loadSettledInvoices(store, book.items)),
    payers: new PayerDirectory(book.customers.values(), links),
    itemsByCustomer: book.itemsByCustomer,
    itemsByAmount: indexByAmount(book.items),
    taken: new Set<number>(),
    held: new Set<number>(),
    revisions: new Map<number, number>(),
    numbering: new NumberingPatterns(book.items),
    companyItems: (companyId) => itemsByCompany.get(companyId) ?? [],
    settings,
    weights: options.weights ?? model.weights,
  };
  const receipts = loadReceiptsToMatch(store);
  const decisions = new Map<number, Decision>();
  const learned: PayerLink[] = [];
  let done = 0;

  // Round 1: receipts that name their invoices, allocated when sure.
  const deferred: Receipt[] = [];
  for (const receipt of receipts) {
    // A reversal is no payment; an amount in another currency than the books' compares to
    // no invoice before a clerk converts it.
    const setAside = receipt.reversal
      ? 'reversal'
      : receipt.currency !== 'EUR'
        ? 'foreignCurrency'
        : undefined;
    if (setAside !== undefined) {
      decisions.set(receipt.id, {
        status: 'unmatched',
        chosen: undefined,
        proposals: [],
        confidence: 0,
        hesitation: setAside,
      });
      options.onProgress?.('references', ++done, receipts.length);
      continue;
    }
    // Only a reference is allocated in this round: the other passes wait for round 2.
    const decision = decide(
      findCandidates(receipt, context, { referencesOnly: true }),
      settings.forCompany(receipt.companyId),
    );
    const chosen = decision.chosen;
    if (
      decision.status === 'auto' &&
      chosen?.evidence.source === 'reference' &&
      chosen.evidence.gapKind !== 'partial'
    ) {
      take(chosen, context);
      decisions.set(receipt.id, decision);
      learned.push(...learnPayer(receipt, chosen, context));
    } else {
      deferred.push(receipt);
      holdNamedItems(decision.proposals[0], context);
    }
    options.onProgress?.('references', ++done, receipts.length);
  }
  done = 0;

  // Round 2: the rest, against what round 1 left open and the payers it taught.
  for (const receipt of deferred) {
    const decision = decide(
      findCandidates(receipt, context),
      settings.forCompany(receipt.companyId),
    );
    if (decision.chosen !== undefined) take(decision.chosen, context);
    else holdOldestTwins(decision.proposals[0], context);
    decisions.set(receipt.id, explainUnmatched(decision, receipt, context));
    options.onProgress?.('others', ++done, deferred.length);
  }

  saveDecisions(
    store,
    decisions,
    learned,
    (candidate) => explainCandidate(candidate, book.customers.get(candidate.customerId), language),
    (decision) =>
      explainHesitation(decision.hesitation ?? 'notSureEnough', language, decision.settledNumbers),
  );
  const counts: Record<MatchStatus, number> = { auto: 0, proposed: 0, unmatched: 0 };
  for (const decision of decisions.values()) counts[decision.status] += 1;
  const summary = {
    receipts: receipts.length,
    ...counts,
    milliseconds: Math.round(performance.now() - started),
  };
  log.info('matching done', { ...summary });
  return summary;
}

// Why nothing is worth proposing, when the receipt says more than that: a tax office paying
// the company's taxes back, or a payer naming an invoice settled already.
function explainUnmatched(
  decision: Decision,
  receipt: Receipt,
  context: MatchingContext,
): Decision {
  if (decision.status !== 'unmatched' || decision.hesitation === 'reversal') return decision;
  if (decision.hesitation === 'foreignCurrency') return decision;
  if (decision.hesitation === 'nothingFound' && fromTaxOffice(receipt, context)) {
    return { ...decision, hesitation: 'taxRefund' };
  }
  const settledNumbers = settledNumbersNamed(receipt, context);
  return settledNumbers.length === 0
    ? decision
    : { ...decision, hesitation: 'paidTwice', settledNumbers };
}

// The chosen lines consume what they settle, so no later receipt takes it again.
function take(candidate: Candidate, context: MatchingContext): void {
  for (const line of candidate.lines) {
    if (!['invoice', 'partial', 'creditNote', 'otherCompany'].includes(line.kind)) continue;
    line.item.remainingCents -= line.amountCents;
    if (line.item.remainingCents === 0) {
      context.taken.add(line.item.id);
      line.item.settledCents = line.amountCents;
    }
    revise(line.item, context);
  }
}

// Invoices a transfer names, even a character off, are its own while it waits for a clerk (a
// shortfall to explain, a doubt on the payer): a payment naming nothing is not imputed on
// them.
function holdNamedItems(best: Candidate | undefined, context: MatchingContext): void {
  if (best === undefined || best.evidence.source !== 'reference') return;
  for (const line of best.lines) {
    if (!best.evidence.referencedNumbers.includes(line.item.number)) continue;
    context.held.add(line.item.id);
    revise(line.item, context);
  }
}

// An earlier payment that names no invoice has the first claim on the oldest of twin items
// (see findExactCombinations), even while it waits for a clerk: a later payment of the same
// amount is imputed on the next twin, and accepting the proposal stays possible.
function holdOldestTwins(best: Candidate | undefined, context: MatchingContext): void {
  if (best === undefined || best.evidence.referenceShare > 0) return;
  if ((best.evidence.youngerTwins ?? 0) === 0) return;
  // A text naming a number, even none of these, is no payment naming nothing.
  if ((best.evidence.unresolvedNumbers?.length ?? 0) > 0) return;
  for (const line of best.lines) {
    context.held.add(line.item.id);
    revise(line.item, context);
  }
}

// A transfer that named its invoices tells who pays for this customer: its own IBAN, or the
// public accountant who pays for the body.
function learnPayer(receipt: Receipt, chosen: Candidate, context: MatchingContext): PayerLink[] {
  if (chosen.evidence.referenceShare < 0.9 || chosen.evidence.otherCompany) return [];
  const links: PayerLink[] = [];
  const customerId = chosen.customerId;
  if (context.payers.isAccountant(receipt.payerName)) {
    if (receipt.payerIban !== undefined)
      links.push({ kind: 'accountant', key: receipt.payerIban, customerId });
    if (receipt.payerName !== undefined)
      links.push({ kind: 'accountant', key: receipt.payerName, customerId });
  } else if (receipt.payerIban !== undefined) {
    links.push({ kind: 'iban', key: receipt.payerIban, customerId });
  }
  for (const link of links) context.payers.addLink(link);
  return links;
}

function revise(item: OpenItem, context: MatchingContext): void {
  context.revisions.set(item.customerId, (context.revisions.get(item.customerId) ?? 0) + 1);
}

function indexByAmount(items: OpenItem[]): Map<number, Map<number, OpenItem[]>> {
  const byCompany = new Map<number, Map<number, OpenItem[]>>();
  for (const item of items) {
    const byAmount = byCompany.get(item.companyId) ?? new Map<number, OpenItem[]>();
    byCompany.set(item.companyId, byAmount);
    const list = byAmount.get(item.remainingCents);
    if (list === undefined) byAmount.set(item.remainingCents, [item]);
    else list.push(item);
  }
  return byCompany;
}
