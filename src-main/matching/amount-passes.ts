import type { Receipt } from './candidate.js';
import { findExactCombinations } from './combinations.js';
import type { Keep, MatchingContext } from './find-candidates.js';
import { classifyGap } from './matching-settings.js';
import { byDueDate, type OpenItem } from './open-items.js';
import type { PayerGuess } from './payer-directory.js';

/*
 * The passes that go from a payer, or from nobody, to the items adding up to the amount:
 * the customer's own items, the bodies a public accountant pays for, or any item of the
 * credited company for exactly the amount.
 */

/** Pass 2: a named customer's items adding up to the amount, or one near it. */
export function payerAmountPass(
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
/** Pass 3: one or two items of a body the accountant paid for before. */
export function accountantPass(
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

/** Pass 4: an item of the credited company for exactly the amount. */
export function amountOnlyPass(receipt: Receipt, context: MatchingContext, keep: Keep): void {
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
export function isStillOpenFor(
  item: OpenItem,
  receipt: Receipt,
  context: MatchingContext,
): boolean {
  return !context.taken.has(item.id) && item.remainingCents === receipt.amountCents;
}
