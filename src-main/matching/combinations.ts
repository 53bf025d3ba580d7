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
  openItems: OpenItem[],
  targetCents: number,
  limits: Partial<CombinationLimits> = {},
): OpenItem[][] {
  const { maxSize, maxResults, maxItems } = { ...defaultLimits, ...limits };
  const items = openItems.slice(0, maxItems);
  const results: OpenItem[][] = [];
  const positionsByAmount = new Map<number, number[]>();
  for (const [position, item] of items.entries()) {
    const list = positionsByAmount.get(item.remainingCents);
    if (list === undefined) positionsByAmount.set(item.remainingCents, [position]);
    else list.push(position);
  }
  const after = (amount: number, position: number): number[] => {
    const positions = positionsByAmount.get(amount);
    if (positions === undefined) return [];
    return positions[positions.length - 1]! > position
      ? positions.filter((other) => other > position)
      : [];
  };
  // A set may hold an item only with its earlier twin: the position of each item's twin,
  // the last one before it owing the same amount to the same customer.
  const earlierTwin = new Map<number, number>();
  for (const positions of positionsByAmount.values()) {
    for (let index = 1; index < positions.length; index += 1) {
      const position = positions[index] as number;
      const customerId = (items[position] as OpenItem).customerId;
      for (let before = index - 1; before >= 0; before -= 1) {
        const earlier = positions[before] as number;
        if ((items[earlier] as OpenItem).customerId !== customerId) continue;
        earlierTwin.set(position, earlier);
        break;
      }
    }
  }
  const oldestTwins = (positions: number[]) =>
    positions.every((position) => {
      const twin = earlierTwin.get(position);
      return twin === undefined || positions.includes(twin);
    });
  const add = (positions: number[]) => {
    if (oldestTwins(positions))
      results.push(positions.map((position) => items[position] as OpenItem));
  };
  const done = () => results.length >= maxResults;

  for (const position of positionsByAmount.get(targetCents) ?? []) {
    add([position]);
    if (done()) return results;
  }
  if (maxSize >= 2) {
    for (let first = 0; first < items.length && !done(); first += 1) {
      const rest = targetCents - (items[first] as OpenItem).remainingCents;
      for (const second of after(rest, first)) {
        add([first, second]);
        if (done()) return results;
      }
    }
  }
  if (maxSize >= 3 && items.length <= 120) {
    for (let first = 0; first < items.length && !done(); first += 1) {
      for (let second = first + 1; second < items.length && !done(); second += 1) {
        const rest =
          targetCents -
          (items[first] as OpenItem).remainingCents -
          (items[second] as OpenItem).remainingCents;
        for (const third of after(rest, second)) {
          add([first, second, third]);
          if (done()) return results;
        }
      }
    }
  }
  if (maxSize >= 4 && items.length <= 40 && !done()) {
    // Each pair as one number, first * 64 + second: no array for each of the 780 pairs.
    const pairSums = new Map<number, number[]>();
    for (let first = 0; first < items.length; first += 1) {
      for (let second = first + 1; second < items.length; second += 1) {
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
