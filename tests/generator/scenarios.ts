import type { Random } from './random.js';

/**
 * The kinds of receipt the generator produces and how often. The mix is dealt from a deck
 * per company rather than drawn independently, so even a small group holds every kind in
 * close to its share, and the benchmark compares like with like between seeds.
 */

/** Receipt scenarios; noise ones carry expected: null in the truth. */
export type Scenario =
  | 'cleanReference'
  | 'messyReference'
  | 'multipleInvoices'
  | 'noReference'
  | 'publicMandateOnly'
  | 'priceRevision'
  | 'bankFee'
  | 'smallDifference'
  | 'partialPayment'
  | 'creditNoteNetted'
  | 'typoReference'
  | 'otherGroupCompany'
  | 'noise';

/** Percentages of credit transactions per scenario; they add up to 100. */
export const scenarioWeights: Readonly<Record<Scenario, number>> = {
  cleanReference: 34,
  messyReference: 15,
  multipleInvoices: 12,
  noReference: 10,
  publicMandateOnly: 8,
  priceRevision: 6,
  bankFee: 3,
  smallDifference: 1,
  partialPayment: 3,
  creditNoteNetted: 2,
  typoReference: 2,
  otherGroupCompany: 1,
  noise: 3,
};

/** Noise credits: money in that pays no invoice, named in the truth's scenario field. */
export const noiseKinds = [
  'noise.interest',
  'noise.supplierRefund',
  'noise.unknownPerson',
  'noise.socialRefund',
  'noise.onAccountNoReference',
] as const;

/** One of the noise kinds above. */
export type NoiseKind = (typeof noiseKinds)[number];

/**
 * `count` scenarios in the weights' proportions (largest remainder), shuffled. The
 * remainders are broken at random so rare scenarios still appear in small decks.
 */
export function scenarioDeck(random: Random, count: number): Scenario[] {
  const entries = Object.entries(scenarioWeights) as Array<[Scenario, number]>;
  const deck: Scenario[] = [];
  const remainders: Array<[Scenario, number]> = [];
  for (const [scenario, weight] of entries) {
    const exact = (count * weight) / 100;
    const whole = Math.floor(exact);
    for (let i = 0; i < whole; i += 1) deck.push(scenario);
    remainders.push([scenario, exact - whole + random.next() * 0.5]);
  }
  remainders.sort((a, b) => b[1] - a[1]);
  for (const [scenario] of remainders.slice(0, count - deck.length)) deck.push(scenario);
  return random.shuffle(deck);
}

/** The scenario group of a truth scenario ("noise.interest" belongs to "noise"). */
export function scenarioGroup(scenario: string): string {
  return scenario.startsWith('noise.') ? 'noise' : scenario;
}
