import { allocationLines } from './allocation-lines.js';
import { candidateKey, type Candidate, type Evidence, type Receipt } from './candidate.js';
import { findExactCombinations } from './combinations.js';
import { classifyGap, type MatchingSettings } from './matching-settings.js';
import { findNearReferences } from './near-references.js';
import type { OpenItem } from './open-items.js';
import type { PayerDirectory, PayerGuess } from './payer-directory.js';
import type { ReferenceHit, ReferenceIndex } from './reference-index.js';
import { candidateFeatures, scoreFeatures, type Weights } from './scoring.js';

/** What the passes share for one run: the indexes over the open items. */
export interface MatchingContext {
  references: ReferenceIndex;
  payers: PayerDirectory;
  itemsByCustomer: Map<number, OpenItem[]>;
  /** Open items of each company by remaining amount, for receipts nobody can be named for. */
  itemsByAmount: Map<number, Map<number, OpenItem[]>>;
  /** Items already taken in this run by an automatic allocation. */
  taken: Set<number>;
  settings: MatchingSettings;
  weights: Weights;
}

/**
 * Every plausible way to allocate the receipt, scored, best first. Passes of falling
 * certainty each add candidates; a set found by two passes is kept once, with the evidence
 * of the surer one.
 */
export function findCandidates(receipt: Receipt, context: MatchingContext): Candidate[] {
  const payers = context.payers.identify(receipt.payerName, receipt.payerIban, receipt.text);
  const hits = context.references
    .find(receipt.text)
    .filter((hit) => !context.taken.has(hit.item.id));
  const found = new Map<string, Candidate>();
  let twins: OpenItem[] | undefined;
  const sameAmountInCompany = () =>
    (twins ??= (
      context.itemsByAmount.get(receipt.companyId)?.get(receipt.amountCents) ?? []
    ).filter((item) => isStillOpenFor(item, receipt, context)));
  const keep = (items: OpenItem[], evidence: Omit<Evidence, 'gapKind' | 'gapCents'>) => {
    const invoiced = items.reduce((sum, item) => sum + item.remainingCents, 0);
    const gapCents = receipt.amountCents - invoiced;
    const gapKind = classifyGap(gapCents, invoiced, context.settings);
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
        payerAbroad:
          receipt.payerIban === undefined
            ? undefined
            : !/^(FR|MC|GP|MQ|GF|RE|YT)/.test(receipt.payerIban),
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

  // Pass 1b: no number found as written; one a mistake away from an item of a customer the
  // payer points to.
  for (const payer of hits.length > 0 ? [] : payers.slice(0, 3)) {
    if (payer.certainty < 0.5) continue;
    const open = (context.itemsByCustomer.get(payer.customerId) ?? []).filter(
      (item) => !context.taken.has(item.id),
    );
    const near = findNearReferences(receipt.text, open);
    if (near.length > 0) referencePass(receipt, near, payers, context, keep, true);
  }

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
  if (bodies.length > 0) accountantPass(receipt, bodies, context, keep);

  // Pass 4: nobody named; an open item of the credited company for exactly the amount.
  if (found.size === 0) amountOnlyPass(receipt, context, keep);

  return [...found.values()].sort((a, b) => b.score - a.score);
}

type Keep = (items: OpenItem[], evidence: Omit<Evidence, 'gapKind' | 'gapCents'>) => void;

function referencePass(
  receipt: Receipt,
  hits: ReferenceHit[],
  payers: PayerGuess[],
  context: MatchingContext,
  keep: Keep,
  nearMiss = false,
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
      referenceShare: invoiced === 0 ? 0 : covered / invoiced,
      referencedNumbers: items.filter((item) => quality.has(item.id)).map((item) => item.number),
      unexplainedReferences: referenced.filter((item) => !items.includes(item)).length,
      payer,
      otherCompany,
      paidBeforeIssue: items.some((item) => item.issueDate > receipt.bookingDate),
      sameAmountAlternatives: 0,
    };
  };

  keep(referenced, evidenceFor(referenced));
  const total = referenced.reduce((sum, item) => sum + item.remainingCents, 0);
  if (total === receipt.amountCents) return;
  // Some numbers in the text are not what this transfer pays (an older invoice quoted).
  if (referenced.length > 1) {
    for (const subset of findExactCombinations(referenced, receipt.amountCents)) {
      keep(subset, evidenceFor(subset));
    }
  }
  // Some items paid are not named: invoices when the text was cut, credit notes netted.
  const gap = receipt.amountCents - total;
  const others = (context.itemsByCustomer.get(first.item.customerId) ?? []).filter(
    (item) =>
      !referenced.includes(item) &&
      !context.taken.has(item.id) &&
      (gap > 0 ? item.kind === 'invoice' : item.kind === 'creditNote'),
  );
  for (const completion of findExactCombinations(others, gap, { maxSize: 3, maxResults: 3 })) {
    const items = [...referenced, ...completion].sort(byDueDate);
    keep(items, evidenceFor(items));
  }
}

function payerAmountPass(
  receipt: Receipt,
  payer: PayerGuess,
  named: OpenItem[],
  context: MatchingContext,
  keep: Keep,
): void {
  if (payer.certainty < 0.5) return;
  const items = (context.itemsByCustomer.get(payer.customerId) ?? []).filter(
    (item) => !context.taken.has(item.id),
  );
  if (items.length === 0) return;
  const otherCompany = (items[0] as OpenItem).companyId !== receipt.companyId;
  const exact = findExactCombinations(items, receipt.amountCents);
  const base = {
    source: 'payerAmount' as const,
    referenceShare: 0,
    referencedNumbers: [],
    unexplainedReferences: 0,
    payer,
    otherCompany,
  };
  const closest = closestToDue(exact, receipt.bookingDate);
  for (const [index, combination] of exact.entries()) {
    keep(combination, {
      ...base,
      oldestAlternative: index === 0 && exact.length > 1,
      closestDueAlternative: index === closest && exact.length > 1,
      consecutive: isConsecutive(combination, items),
      unexplainedReferences: named.filter((item) => !combination.includes(item)).length,
      paidBeforeIssue: combination.some((item) => item.issueDate > receipt.bookingDate),
      sameAmountAlternatives: exact.length - 1,
    });
  }
  if (exact.length > 0) return;
  // One invoice paid with a revision or less its fees, when nothing adds up exactly.
  const near = items.filter((item) => {
    const gapKind = classifyGap(
      receipt.amountCents - item.remainingCents,
      item.remainingCents,
      context.settings,
    );
    return item.kind === 'invoice' && ['writeOff', 'bankFee', 'priceRevision'].includes(gapKind);
  });
  for (const item of near.slice(0, 3)) {
    keep([item], {
      ...base,
      unexplainedReferences: named.filter((other) => other !== item).length,
      paidBeforeIssue: item.issueDate > receipt.bookingDate,
      sameAmountAlternatives: near.length - 1,
    });
  }
}

// An accountant pays for dozens of bodies: only an item of exactly the amount is plausible.
function accountantPass(
  receipt: Receipt,
  bodies: PayerGuess[],
  context: MatchingContext,
  keep: Keep,
): void {
  // An accountant pays for dozens of bodies: one item, or two, of one body are plausible.
  // One lookup table over all their open items, keyed by body and amount, finds both.
  const keyOf = (customerId: number, amount: number) => customerId * 1e11 + amount;
  const byBodyAndAmount = new Map<number, OpenItem[]>();
  const open: OpenItem[] = [];
  for (const body of bodies.slice(0, 40)) {
    for (const item of context.itemsByCustomer.get(body.customerId) ?? []) {
      if (context.taken.has(item.id) || item.companyId !== receipt.companyId) continue;
      open.push(item);
      const key = keyOf(item.customerId, item.remainingCents);
      const list = byBodyAndAmount.get(key);
      if (list === undefined) byBodyAndAmount.set(key, [item]);
      else list.push(item);
    }
  }
  const bodyOf = new Map(bodies.map((body) => [body.customerId, body]));
  const found: Array<{ body: PayerGuess; items: OpenItem[] }> = [];
  for (const item of open) {
    const body = bodyOf.get(item.customerId) as PayerGuess;
    if (item.remainingCents === receipt.amountCents) found.push({ body, items: [item] });
    const rest = receipt.amountCents - item.remainingCents;
    for (const other of byBodyAndAmount.get(keyOf(item.customerId, rest)) ?? []) {
      if (other.id > item.id) found.push({ body, items: [item, other].sort(byDueDate) });
    }
    if (found.length > 20) break;
  }
  found.sort((a, b) => a.items.length - b.items.length);
  const closest = closestToDue(
    found.slice(0, 6).map((entry) => entry.items),
    receipt.bookingDate,
  );
  for (const [index, { body, items }] of found.slice(0, 6).entries()) {
    keep(items, {
      source: 'payerAmount',
      referenceShare: 0,
      referencedNumbers: [],
      unexplainedReferences: 0,
      payer: body,
      otherCompany: false,
      paidBeforeIssue: items.some((item) => item.issueDate > receipt.bookingDate),
      sameAmountAlternatives: found.length - 1,
      oldestAlternative: index === 0 && found.length > 1,
      closestDueAlternative: index === closest && found.length > 1,
    });
  }
}

function amountOnlyPass(receipt: Receipt, context: MatchingContext, keep: Keep): void {
  const sameAmount = (
    context.itemsByAmount.get(receipt.companyId)?.get(receipt.amountCents) ?? []
  ).filter((item) => isStillOpenFor(item, receipt, context));
  if (sameAmount.length === 0 || sameAmount.length > 5) return;
  for (const item of sameAmount) {
    keep([item], {
      source: 'amountOnly',
      referenceShare: 0,
      referencedNumbers: [],
      unexplainedReferences: 0,
      payer: undefined,
      otherCompany: false,
      paidBeforeIssue: item.issueDate > receipt.bookingDate,
      sameAmountAlternatives: sameAmount.length - 1,
    });
  }
}

// Payers mostly pay what falls due around the transfer, on time or a week or two late: the
// set whose due dates sit closest to a week before the booking date.
function closestToDue(sets: OpenItem[][], bookingDate: string): number {
  const target = Date.parse(bookingDate) - 7 * 86_400_000;
  let best = -1;
  let bestDistance = Infinity;
  for (const [index, set] of sets.entries()) {
    const distance =
      set.reduce(
        (sum, item) => sum + Math.abs(Date.parse(item.dueDate ?? item.issueDate) - target),
        0,
      ) / Math.max(1, set.length);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  }
  return best;
}

// Several items paid together are usually neighbours in the customer's list by due date.
function isConsecutive(set: OpenItem[], open: OpenItem[]): boolean {
  if (set.length < 2) return false;
  const positions = set.map((item) => open.indexOf(item)).sort((a, b) => a - b);
  return positions.every(
    (position, index) => index === 0 || position === (positions[index - 1] as number) + 1,
  );
}

// The amount index is built once per run; an item partly paid since no longer has its amount.
function isStillOpenFor(item: OpenItem, receipt: Receipt, context: MatchingContext): boolean {
  return !context.taken.has(item.id) && item.remainingCents === receipt.amountCents;
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

function byDueDate(a: OpenItem, b: OpenItem): number {
  return (a.dueDate ?? a.issueDate).localeCompare(b.dueDate ?? b.issueDate) || a.id - b.id;
}
