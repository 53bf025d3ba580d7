import type { OpenItem } from './open-items.js';

export interface CombinationLimits {
  /** The most items in one combination. */
  maxSize: number;
  /** How many combinations to return at most. */
  maxResults: number;
  /** Only the oldest items are tried when a customer has more open items than this. */
  maxItems: number;
}

const defaultLimits: CombinationLimits = { maxSize: 4, maxResults: 6, maxItems: 150 };

/**
 * Sets of open items (invoices, credit notes netted) whose remaining amounts add up exactly
 * to `targetCents`, fewest items and oldest due dates first (the items come sorted by due
 * date).
 *
 * Items of one customer owing the same amount are interchangeable for the payer's money, and
 * a payment that does not say which it settles goes to the oldest due (Code civil, art.
 * 1342-10): a set only ever takes the earliest of such twins, so the sets returned are the
 * different ways of making up the amount, not one way repeated over every twin. The work is
 * bounded: pairs by lookup, triples for at most 120 items, quadruples by
 * meeting pair sums in the middle for at most 40, and only on the oldest `maxItems` items,
 * so a customer with hundreds of open items costs milliseconds.
 */
export function findExactCombinations(
  items: OpenItem[],
  targetCents: number,
  limits: Partial<CombinationLimits> = {},
): OpenItem[][] {
  const { maxSize, maxResults, maxItems } = { ...defaultLimits, ...limits };
  const count = Math.min(items.length, maxItems);
  const amountAt = (position: number) => (items[position] as OpenItem).remainingCents;
  const results: OpenItem[][] = [];
  // The items owing each amount as a chain of positions, in order: the first position of
  // each amount, and for each position the next one owing the same (-1 at the end). Typed
  // arrays, not a list per amount: this runs for most receipts.
  const firstOfAmount = new Map<number, number>();
  const nextOfAmount = new Int32Array(count).fill(-1);
  const lastOfAmount = new Map<number, number>();
  // A set may hold an item only with its earlier twin: for each position, the last one
  // before it owing the same amount to the same customer (-1 for none).
  const earlierTwin = new Int32Array(count).fill(-1);
  for (let position = 0; position < count; position += 1) {
    const amount = amountAt(position);
    const last = lastOfAmount.get(amount);
    if (last === undefined) firstOfAmount.set(amount, position);
    else {
      nextOfAmount[last] = position;
      const customerId = (items[position] as OpenItem).customerId;
      for (let before = firstOfAmount.get(amount) as number; before !== position; ) {
        if ((items[before] as OpenItem).customerId === customerId) earlierTwin[position] = before;
        before = nextOfAmount[before] as number;
      }
    }
    lastOfAmount.set(amount, position);
  }
  const oldestTwins = (positions: number[]) =>
    positions.every((position) => {
      const twin = earlierTwin[position] as number;
      return twin < 0 || positions.includes(twin);
    });
  const add = (positions: number[]) => {
    if (oldestTwins(positions))
      results.push(positions.map((position) => items[position] as OpenItem));
  };
  const done = () => results.length >= maxResults;
  // The first position after `position` owing `amount`, then follow nextOfAmount (-1: none).
  // An amount out of the items' range is none without a lookup.
  let lowest = Infinity;
  let highest = -Infinity;
  for (let position = 0; position < count; position += 1) {
    lowest = Math.min(lowest, amountAt(position));
    highest = Math.max(highest, amountAt(position));
  }
  const firstAfter = (amount: number, position: number): number => {
    if (amount < lowest || amount > highest) return -1;
    let other = firstOfAmount.get(amount) ?? -1;
    while (other >= 0 && other <= position) other = nextOfAmount[other] as number;
    return other;
  };

  for (let position = firstOfAmount.get(targetCents) ?? -1; position >= 0; ) {
    add([position]);
    if (done()) return results;
    position = nextOfAmount[position] as number;
  }
  if (maxSize >= 2) {
    for (let first = 0; first < count && !done(); first += 1) {
      const rest = targetCents - amountAt(first);
      for (let second = firstAfter(rest, first); second >= 0; ) {
        add([first, second]);
        if (done()) return results;
        second = nextOfAmount[second] as number;
      }
    }
  }
  if (maxSize >= 3 && count <= 120) {
    for (let first = 0; first < count && !done(); first += 1) {
      for (let second = first + 1; second < count && !done(); second += 1) {
        const rest = targetCents - amountAt(first) - amountAt(second);
        for (let third = firstAfter(rest, second); third >= 0; ) {
          add([first, second, third]);
          if (done()) return results;
          third = nextOfAmount[third] as number;
        }
      }
    }
  }
  if (maxSize >= 4 && count <= 40 && !done()) {
    // Each pair as one number, first * 64 + second: no array for each of the 780 pairs.
    const pairSums = new Map<number, number[]>();
    for (let first = 0; first < count; first += 1) {
      for (let second = first + 1; second < count; second += 1) {
        const sum =
          (items[first] as OpenItem).remainingCents + (items[second] as OpenItem).remainingCents;
        const list = pairSums.get(sum);
        if (list === undefined) pairSums.set(sum, [first * 64 + second]);
        else list.push(first * 64 + second);
      }
    }
    for (const [sum, pairs] of pairSums) {
      const others = pairSums.get(targetCents - sum);
      if (others === undefined) continue;
      for (const pair of pairs) {
        const first = pair >> 6;
        const second = pair & 63;
        for (const other of others) {
          const third = other >> 6;
          if (third <= second) continue;
          add([first, second, third, other & 63]);
          if (done()) return results;
        }
      }
    }
  }
  return results;
}
