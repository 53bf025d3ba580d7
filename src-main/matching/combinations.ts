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
 * date). The work is bounded: pairs by lookup, triples for at most 120 items, quadruples by
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
  const done = () => results.length >= maxResults;

  for (const position of positionsByAmount.get(targetCents) ?? []) {
    results.push([items[position] as OpenItem]);
    if (done()) return results;
  }
  if (maxSize >= 2) {
    for (let first = 0; first < items.length && !done(); first += 1) {
      const rest = targetCents - (items[first] as OpenItem).remainingCents;
      for (const second of after(rest, first)) {
        results.push([items[first], items[second]] as OpenItem[]);
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
          results.push([items[first], items[second], items[third]] as OpenItem[]);
          if (done()) return results;
        }
      }
    }
  }
  if (maxSize >= 4 && items.length <= 40 && !done()) {
    const pairSums = new Map<number, Array<[number, number]>>();
    for (let first = 0; first < items.length; first += 1) {
      for (let second = first + 1; second < items.length; second += 1) {
        const sum =
          (items[first] as OpenItem).remainingCents + (items[second] as OpenItem).remainingCents;
        const list = pairSums.get(sum);
        if (list === undefined) pairSums.set(sum, [[first, second]]);
        else list.push([first, second]);
      }
    }
    for (const [sum, pairs] of pairSums) {
      for (const [first, second] of pairs) {
        for (const [third, fourth] of pairSums.get(targetCents - sum) ?? []) {
          if (third <= second) continue;
          results.push([items[first], items[second], items[third], items[fourth]] as OpenItem[]);
          if (done()) return results;
        }
      }
    }
  }
  return results;
}
