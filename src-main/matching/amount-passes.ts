import type { Receipt } from './candidate.js';
import { findExactCombinations } from './combinations.js';
import type { Keep, MatchingContext } from './find-candidates.js';
import { classifyGap } from './matching-settings.js';
import { byDueDate, type OpenItem } from './open-items.js';
import type { PayerGuess } from './payer-directory.js';
import { inPeriods, periodsNamed, withYears, type Period } from './periods.js';

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
  const items = (context.itemsByCustomer.get(payer.customerId) ?? []).filter((item) =>
    isUnclaimed(item, context),
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
      youngerTwins: youngerTwins(combination, items),
      chanceMatches: chanceMatches([Math.min(items.length, 150)], combination.length, receipt),
    });
  }
  // A month named among identical invoices ("ABONNEMENT OCTOBRE"): the one of that month is
  // as likely as the oldest, and offered beside it.
  const periods =
    exact.length > 0
      ? withYears(periodsNamed(receipt.text, receipt.payerName), receipt.bookingDate)
      : [];
  for (const combination of periods.length > 0 ? exact : []) {
    const [oldest] = combination;
    if (combination.length !== 1 || oldest === undefined) continue;
    const twins = items.filter((item) => item.remainingCents === oldest.remainingCents);
    const ofMonth = ofPeriods(twins, periods);
    for (const twin of ofMonth.includes(oldest) ? [] : ofMonth.slice(0, 2)) {
      keep([twin], {
        ...base,
        unexplainedReferences: named.filter((item) => item !== twin).length,
        paidBeforeIssue: twin.issueDate > receipt.bookingDate,
        sameAmountAlternatives: exact.length,
        youngerTwins: twins.length - 1,
        ofMonthNamed: true,
        chanceMatches: chanceMatches([Math.min(items.length, 150)], 1, receipt),
      });
    }
  }
  if (exact.length > 0) return;
  // One invoice paid with a revision or less its fees, when nothing adds up exactly.
  const first = items[0] as OpenItem;
  const settings = context.settings.forCustomer(first.companyId, first.customerId);
  const near = items.filter((item) => {
    const gapKind = classifyGap(
      receipt.amountCents - item.remainingCents,
      item.remainingCents,
      settings,
    );
    return item.kind === 'invoice' && ['writeOff', 'bankFee', 'priceRevision'].includes(gapKind);
  });
  // Of items owing the same amount, the oldest due (see findExactCombinations).
  const oldest = near.filter(
    (item, index) =>
      near.findIndex((other) => other.remainingCents === item.remainingCents) === index,
  );
  for (const item of oldest.slice(0, 3)) {
    keep([item], {
      ...base,
      unexplainedReferences: named.filter((other) => other !== item).length,
      paidBeforeIssue: item.issueDate > receipt.bookingDate,
      sameAmountAlternatives: oldest.length - 1,
      youngerTwins: youngerTwins([item], items),
      chanceMatches: chanceMatches([items.length], 1, receipt),
    });
  }
}

// The items issued in one of the periods, or failing any, falling due in one.
function ofPeriods(items: OpenItem[], periods: readonly Period[]): OpenItem[] {
  const issued = items.filter((item) => inPeriods(item.issueDate, periods));
  return issued.length > 0
    ? issued
    : items.filter((item) => item.dueDate !== null && inPeriods(item.dueDate, periods));
}

/**
 * Pass 3: items of one body the accountant paid for before, adding up to the amount. An
 * accountant pays for dozens of bodies, so sets are searched body by body (setsOfBodies).
 */
export function accountantPass(
  receipt: Receipt,
  bodies: PayerGuess[],
  context: MatchingContext,
  keep: Keep,
  places: readonly string[],
): void {
  const lists: BodyList[] = [];
  for (const body of bodies.slice(0, 40)) {
    const { open, byAmount } = bodyItems(body.customerId, context);
    if (open.length > 0 && open[0]!.companyId === receipt.companyId) {
      lists.push({ customerId: body.customerId, open, byAmount });
    }
  }
  const found = setsOfBodies(lists, receipt.amountCents).map((set) => ({
    ...set,
    body: bodies.find((body) => body.customerId === set.customerId) as PayerGuess,
  }));
  const searched = lists.map(({ open }) => open.length);
  found.sort((a, b) => a.items.length - b.items.length);
  const kept = found.slice(0, 6);
  const unlinked = kept.length === 0 ? 0 : unlinkedBodiesOwing(receipt, lists, context, places);
  const closest = closestToDue(
    kept.map((entry) => entry.items),
    receipt.bookingDate,
  );
  for (const [index, { body, items, open }] of kept.entries()) {
    keep(items, {
      source: 'payerAmount',
      referenceShare: 0,
      referencedNumbers: [],
      unexplainedReferences: 0,
      payer: body,
      otherCompany: false,
      paidBeforeIssue: items.some((item) => item.issueDate > receipt.bookingDate),
      sameAmountAlternatives: found.length - 1 + unlinked,
      oldestAlternative: index === 0 && found.length > 1,
      closestDueAlternative: index === closest && found.length > 1,
      consecutive: isConsecutive(items, open),
      youngerTwins: youngerTwins(items, open),
      chanceMatches: chanceMatches(searched, items.length, receipt),
    });
  }
}

interface BodyList {
  customerId: number;
  open: OpenItem[];
  byAmount: Map<number, OpenItem[]>;
}

/**
 * Sets of one body's items adding up to the amount, body by body: one or two items, by
 * lookups in its items by amount, and three of a body with a short list, as other ways of
 * making the amount of a body where one or two fit, or when no body has one or two that fit.
 * Of twins owing the same amount, only the oldest (see findExactCombinations).
 */
function setsOfBodies(
  lists: BodyList[],
  target: number,
  triplesAmong = lists,
): Array<{ customerId: number; items: OpenItem[]; open: OpenItem[] }> {
  const found: Array<{ customerId: number; items: OpenItem[]; open: OpenItem[] }> = [];
  for (const { customerId, open, byAmount } of lists) {
    const single = byAmount.get(target)?.[0];
    if (single !== undefined) found.push({ customerId, items: [single], open });
  }
  for (const { customerId, open, byAmount } of lists) {
    // Amount by amount, the oldest of twins first (see bodyItems).
    for (const [amount, twins] of byAmount) {
      // The smaller of the two, or one of two equal ones.
      if (amount * 2 > target) continue;
      const item = twins[0] as OpenItem;
      const rest = target - amount;
      if (rest === amount) {
        if (twins.length > 1) found.push({ customerId, items: [item, twins[1] as OpenItem], open });
      } else {
        const other = byAmount.get(rest)?.[0];
        if (other !== undefined) {
          found.push({ customerId, items: [item, other].sort(byDueDate), open });
        }
      }
    }
    if (found.length > 20) break;
  }
  // Three items of a short list: of the bodies whose one or two items fit, as other ways of
  // making the amount, or of any body when none has such.
  const bodiesFound = new Set(found.map((set) => set.customerId));
  const triples =
    found.length === 0 ? triplesAmong : lists.filter((list) => bodiesFound.has(list.customerId));
  for (const { customerId, open } of triples) {
    if (open.length > 40) continue;
    for (const items of findExactCombinations(open, target, { maxSize: 3, maxResults: 3 })) {
      if (items.length === 3) found.push({ customerId, items, open });
    }
  }
  return found;
}

/**
 * Pass 4b: a public accountant no decision links to any body, and no single item owing the
 * amount: sets of items of one public body of the company adding up to it, the bodies of the
 * accountant's place first. Never more than a proposal: nothing says which body it is.
 */
export function publicBodiesPass(
  receipt: Receipt,
  context: MatchingContext,
  keep: Keep,
  places: readonly string[],
): void {
  const lists: BodyList[] = [];
  for (const customerId of publicBodiesOf(receipt.companyId, context)) {
    const { open, byAmount } = bodyItems(customerId, context);
    if (open.length > 1) lists.push({ customerId, open, byAmount });
  }
  // Those of the accountant's place first; three items only of theirs, where the search is
  // worth its cost.
  const ofPlace = lists.filter((list) => context.payers.nameHasAnyOf(list.customerId, places));
  const placed = new Set(ofPlace);
  const elsewhere = lists.filter((list) => !placed.has(list));
  const found = setsOfBodies([...ofPlace, ...elsewhere], receipt.amountCents, ofPlace).filter(
    (set) => set.items.length > 1,
  );
  const searched = lists.map(({ open }) => open.length);
  found.sort((a, b) => a.items.length - b.items.length);
  for (const { items, open } of found.slice(0, 6)) {
    keep(items, {
      ...nobodyNamed(),
      paidBeforeIssue: items.some((item) => item.issueDate > receipt.bookingDate),
      sameAmountAlternatives: found.length - 1,
      consecutive: isConsecutive(items, open),
      youngerTwins: youngerTwins(items, open),
      chanceMatches: chanceMatches(searched, items.length, receipt),
      bodyBySumOnly: true,
    });
  }
}

// The evidence of a set found by its amount alone: no number, no payer, the credited company.
function nobodyNamed() {
  return {
    source: 'amountOnly' as const,
    referenceShare: 0,
    referencedNumbers: [],
    unexplainedReferences: 0,
    payer: undefined,
    otherCompany: false,
  };
}

// The public bodies among a company's customers with open items, listed once per run.
const publicBodiesByCompany = new WeakMap<MatchingContext, Map<number, number[]>>();

function publicBodiesOf(companyId: number, context: MatchingContext): number[] {
  const byCompany = publicBodiesByCompany.get(context) ?? new Map<number, number[]>();
  publicBodiesByCompany.set(context, byCompany);
  let bodies = byCompany.get(companyId);
  if (bodies === undefined) {
    const customers = new Set(context.companyItems(companyId).map((item) => item.customerId));
    bodies = [...customers].filter((customerId) => context.payers.isPublicBody(customerId));
    byCompany.set(companyId, bodies);
  }
  return bodies;
}

// A body's unclaimed items by amount, for the receipts of the run its accountant pays, kept
// while none of its items is taken or held (see MatchingContext.revisions).
interface BodyItems {
  revision: number;
  open: OpenItem[];
  byAmount: Map<number, OpenItem[]>;
}
const bodyItemsCache = new WeakMap<MatchingContext, Map<number, BodyItems>>();

function bodyItems(customerId: number, context: MatchingContext): BodyItems {
  const cache = bodyItemsCache.get(context) ?? new Map<number, BodyItems>();
  bodyItemsCache.set(context, cache);
  const revision = context.revisions.get(customerId) ?? 0;
  const cached = cache.get(customerId);
  if (cached !== undefined && cached.revision === revision) return cached;
  const open = (context.itemsByCustomer.get(customerId) ?? []).filter((item) =>
    isUnclaimed(item, context),
  );
  const byAmount = new Map<number, OpenItem[]>();
  for (const item of open) {
    const twins = byAmount.get(item.remainingCents);
    if (twins === undefined) byAmount.set(item.remainingCents, [item]);
    else twins.push(item);
  }
  const entry = { revision, open, byAmount };
  cache.set(customerId, entry);
  return entry;
}

/**
 * How many public bodies of the accountant's place it is not known to pay for owe the amount
 * too: knowing some of the bodies an accountant pays for never says it pays for no other, and
 * one named after its place is as likely as one it paid for before.
 */
function unlinkedBodiesOwing(
  receipt: Receipt,
  lists: BodyList[],
  context: MatchingContext,
  places: readonly string[],
): number {
  if (places.length === 0) return 0;
  const linked = new Set(lists.map(({ customerId }) => customerId));
  const owing = (context.itemsByAmount.get(receipt.companyId)?.get(receipt.amountCents) ?? [])
    .filter(
      (item) =>
        isStillOpenFor(item, receipt, context) &&
        !linked.has(item.customerId) &&
        context.payers.isPublicBody(item.customerId) &&
        context.payers.nameHasAnyOf(item.customerId, places),
    )
    .map((item) => item.customerId);
  return new Set(owing).size;
}

/**
 * Pass 4: an item of the credited company for exactly the amount; a public body's, when a
 * public accountant paid and some public body owes it.
 */
export function amountOnlyPass(
  receipt: Receipt,
  context: MatchingContext,
  keep: Keep,
  fromAccountant: boolean,
): void {
  let sameAmount = (
    context.itemsByAmount.get(receipt.companyId)?.get(receipt.amountCents) ?? []
  ).filter((item) => isStillOpenFor(item, receipt, context));
  let searched = context.companyItems(receipt.companyId).length;
  if (fromAccountant) {
    const ofBodies = sameAmount.filter((item) => context.payers.isPublicBody(item.customerId));
    if (ofBodies.length > 0) {
      sameAmount = ofBodies;
      searched = publicBodyItems(receipt.companyId, context);
    }
  }
  // Of one customer's items owing the amount, only the oldest due (see findExactCombinations).
  const oldest = sameAmount.filter(
    (item, index) =>
      sameAmount.findIndex((other) => other.customerId === item.customerId) === index,
  );
  if (oldest.length === 0 || oldest.length > 5) return;
  for (const item of oldest) {
    keep([item], {
      ...nobodyNamed(),
      paidBeforeIssue: item.issueDate > receipt.bookingDate,
      sameAmountAlternatives: oldest.length - 1,
      youngerTwins: sameAmount.filter((other) => other.customerId === item.customerId).length - 1,
      chanceMatches: chanceMatches([searched], 1, receipt),
    });
  }
}

// How many open items of a company are public bodies', counted once per run.
const publicBodyItemCounts = new WeakMap<MatchingContext, Map<number, number>>();

function publicBodyItems(companyId: number, context: MatchingContext): number {
  const counts = publicBodyItemCounts.get(context) ?? new Map<number, number>();
  publicBodyItemCounts.set(context, counts);
  let count = counts.get(companyId);
  if (count === undefined) {
    count = context
      .companyItems(companyId)
      .filter((item) => context.payers.isPublicBody(item.customerId)).length;
    counts.set(companyId, count);
  }
  return count;
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

/**
 * How many sets of `size` items among the lists searched would add up to the amount by
 * chance alone: the number of such sets over the spread of their sums (about twice the
 * amount, in steps of a euro when the amount is whole euros, as such items usually are).
 * Near zero, an exact sum is itself evidence; near one, a coincidence is to be expected.
 */
export function chanceMatches(searched: number[], size: number, receipt: Receipt): number {
  const step = receipt.amountCents % 100 === 0 ? 100 : 1;
  const sets = searched.reduce((sum, count) => sum + binomial(count, size), 0);
  return (sets * step) / (2 * Math.max(1, Math.abs(receipt.amountCents)));
}

function binomial(count: number, size: number): number {
  let result = 1;
  for (let index = 0; index < size; index += 1) result = (result * (count - index)) / (index + 1);
  return Math.max(0, result);
}

/**
 * How many open items of the customer, outside the set, owe the same amount as an item of
 * the set: with no number in the text, the set was imputed on the oldest of them.
 */
function youngerTwins(set: OpenItem[], open: OpenItem[]): number {
  const amounts = new Set(set.map((item) => item.remainingCents));
  return open.filter((item) => amounts.has(item.remainingCents) && !set.includes(item)).length;
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
  return isUnclaimed(item, context) && item.remainingCents === receipt.amountCents;
}

/** Neither settled in this run nor held by an earlier payment (what amounts alone may take). */
export function isUnclaimed(item: OpenItem, context: MatchingContext): boolean {
  return !context.taken.has(item.id) && !context.held.has(item.id);
}
