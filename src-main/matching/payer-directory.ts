import { nameTokens } from './name-tokens.js';
import { normalizeText } from './normalize-text.js';
import type { CustomerRecord } from './open-items.js';
import { isPublicAccountant, isPublicBodyName } from './public-payers.js';

/** A customer the engine believes paid, with how sure it is and why. */
export interface PayerGuess {
  customerId: number;
  /** 0 to 1. */
  certainty: number;
  source: 'iban' | 'name' | 'text' | 'accountant' | 'siren';
  /** How many earlier allocations confirmed the link this guess comes from. */
  history: number;
}

/** A learned fact: this IBAN, payer name or public accountant pays for this customer. */
export interface PayerLink {
  kind: 'iban' | 'name' | 'accountant';
  key: string;
  customerId: number;
  hits?: number;
}

interface IndexedCustomer {
  record: CustomerRecord;
  tokens: string[];
  weight: number;
  /** Read from the name when first asked. */
  publicBody?: boolean;
}

/**
 * Who paid: customers found by the payer's IBAN (links learned or imported), by the payer's
 * name, and by a customer's name written in the remittance text (public accountants pay
 * for many bodies and name the body only there). Names are compared word by word, each word
 * weighted by how rare it is among all customers, so "COMMUNE" counts little and "GENIS" much.
 */
export class PayerDirectory {
  private readonly customers = new Map<number, IndexedCustomer>();
  private readonly byToken = new Map<string, number[]>();
  private readonly rarity = new Map<string, number>();
  private readonly frequency = new Map<string, number>();
  private readonly sortedTokens: string[];
  /** Whether each payer name asked about is an accountant's (see isAccountant). */
  private readonly accountantNames = new Map<string, boolean>();
  private readonly bySiren = new Map<string, number[]>();
  private readonly links = {
    iban: new Map<string, Map<number, number>>(),
    name: new Map<string, Map<number, number>>(),
    accountant: new Map<string, Map<number, number>>(),
  };

  constructor(customers: Iterable<CustomerRecord>, links: PayerLink[]) {
    const documentFrequency = new Map<string, number>();
    const all = [...customers];
    for (const record of all) {
      const tokens = [...new Set(nameTokens(record.name))];
      for (const token of tokens)
        documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      this.customers.set(record.id, { record, tokens, weight: 0 });
    }
    for (const [token, frequency] of documentFrequency) {
      this.rarity.set(token, Math.log(1 + all.length / frequency));
      this.frequency.set(token, frequency);
    }
    for (const customer of this.customers.values()) {
      customer.weight = customer.tokens.reduce((sum, token) => sum + this.weightOf(token), 0);
      for (const token of customer.tokens) {
        const list = this.byToken.get(token);
        if (list === undefined) this.byToken.set(token, [customer.record.id]);
        else list.push(customer.record.id);
      }
    }
    this.sortedTokens = [...this.byToken.keys()].sort();
    for (const record of all) {
      if (!record.siren) continue;
      const list = this.bySiren.get(record.siren) ?? [];
      list.push(record.id);
      this.bySiren.set(record.siren, list);
    }
    for (const link of links) this.addLink(link);
  }

  /** Adds or strengthens a learned link; the engine calls it as it allocates. */
  addLink(link: PayerLink): void {
    const target = this.links[link.kind];
    const key = payerLinkKey(link.kind, link.key);
    const customers = target.get(key) ?? new Map<number, number>();
    customers.set(link.customerId, (customers.get(link.customerId) ?? 0) + (link.hits ?? 1));
    target.set(key, customers);
  }

  customer(id: number): CustomerRecord | undefined {
    return this.customers.get(id)?.record;
  }

  /**
   * Whether the payer is a public accountant paying for bodies: named as one ("SGC DE
   * CHOLET", "DRFIP..."), and not a customer of that very name ("SGC DISTRIBUTION").
   */
  isAccountant(payerName: string | undefined): boolean {
    if (payerName === undefined) return false;
    let accountant = this.accountantNames.get(payerName);
    if (accountant === undefined) {
      accountant =
        isPublicAccountant(payerName) &&
        ![...this.similarNames(payerName, 'both').values()].some((value) => value >= 0.9);
      this.accountantNames.set(payerName, accountant);
    }
    return accountant;
  }

  /** Whether the customer's name is a public body's (a commune, a school, a hospital...). */
  isPublicBody(id: number): boolean {
    const customer = this.customers.get(id);
    if (customer === undefined) return false;
    customer.publicBody ??= isPublicBodyName(customer.record.name);
    return customer.publicBody;
  }

  /** Whether one of `tokens` (see nameTokens) is a word of the customer's name. */
  nameHasAnyOf(id: number, tokens: readonly string[]): boolean {
    const customer = this.customers.get(id);
    return customer !== undefined && tokens.some((token) => customer.tokens.includes(token));
  }

  /** Every customer the payer fields or the text point to, surest first. */
  identify(
    payerName: string | undefined,
    payerIban: string | undefined,
    text: string,
  ): PayerGuess[] {
    const guesses = new Map<number, PayerGuess>();
    const keep = (guess: PayerGuess) => {
      const previous = guesses.get(guess.customerId);
      if (previous === undefined) guesses.set(guess.customerId, guess);
      else if (previous.certainty < guess.certainty) {
        guesses.set(guess.customerId, {
          ...guess,
          history: Math.max(guess.history, previous.history),
        });
      } else previous.history = Math.max(guess.history, previous.history);
    };
    const accountant = this.isAccountant(payerName);
    if (payerIban !== undefined && !accountant) {
      const linked = this.links.iban.get(payerIban) ?? new Map<number, number>();
      // One IBAN for several customers (a group paying for its subsidiaries) is weaker.
      for (const [customerId, history] of linked) {
        keep({ customerId, certainty: linked.size === 1 ? 0.97 : 0.8, source: 'iban', history });
      }
    }
    if (payerName !== undefined && !accountant) {
      const linked = this.links.name.get(payerLinkKey('name', payerName)) ?? new Map();
      // A name paid for several customers (namesakes, one person paying for two firms) says
      // little more than an unknown payer: under the 0.5 from which the passes search a
      // payer's items, since from 0.5 up an exact amount of one of them would be allocated
      // without a clerk on the name alone.
      const certainty = linked.size === 1 ? 0.93 : 0.45;
      for (const [customerId, history] of linked) {
        keep({ customerId, certainty, source: 'name', history });
      }
      for (const [customerId, similarity] of this.similarNames(payerName, 'both')) {
        if (similarity >= 0.55) {
          keep({ customerId, certainty: similarity * 0.95, source: 'name', history: 0 });
        }
      }
    }
    if (accountant) {
      // The bodies this accountant paid for before: each a weak guess, fewer is surer.
      const linked = new Map<number, number>();
      for (const key of [payerIban, payerName].filter((value) => value !== undefined)) {
        const found = this.links.accountant.get(payerLinkKey('accountant', key)) ?? new Map();
        for (const [customerId, history] of found) {
          linked.set(customerId, Math.max(history, linked.get(customerId) ?? 0));
        }
      }
      // Knowing one body it paid for never means it pays for no other: always a weak guess.
      const certainty = linked.size <= 3 ? 0.6 : 0.5;
      for (const [customerId, history] of linked) {
        keep({ customerId, certainty, source: 'accountant', history });
      }
    }
    // Public bodies' payments often carry their SIRET (SIREN + 5 digits) or SIREN.
    for (const number of text.match(/(?<!\d)(\d{9}|\d{14})(?!\d)/g) ?? []) {
      for (const customerId of this.bySiren.get(number.slice(0, 9)) ?? []) {
        keep({ customerId, certainty: 0.95, source: 'siren', history: 0 });
      }
    }
    // A public accountant names the body it pays for in the text, and only there.
    const textFactor = accountant ? 0.92 : 0.85;
    // Its own name ("SGC DE CHAMBERY") is repeated in the text and names no body.
    const bodyText =
      accountant && payerName !== undefined ? withoutPayerName(text, payerName) : text;
    for (const [customerId, similarity] of this.similarNames(bodyText, 'customer')) {
      if (similarity >= 0.7) {
        keep({ customerId, certainty: similarity * textFactor, source: 'text', history: 0 });
      }
    }
    return [...guesses.values()].sort((a, b) => b.certainty - a.certainty);
  }

  /**
   * Customers whose name words appear in `text`, with a similarity from 0 to 1: how much of
   * the customer's name is found, and with 'both' also how much of the text is explained.
   */
  private similarNames(text: string, coverage: 'both' | 'customer'): Map<number, number> {
    const textTokens = [...new Set(nameTokens(text))];
    const present = new Set(textTokens);
    // Payer names are cut at 35 characters and abbreviated ("TRANSP DU PARC"): a word no
    // customer has may be the start of one.
    const abbreviations =
      coverage === 'both'
        ? textTokens.filter(
            (token) => token.length >= 3 && !this.rarity.has(token) && !/\d/.test(token),
          )
        : [];
    // Retrieve by the distinctive words only; common ones ("COMMUNE") then add to the score.
    const candidates = new Set<number>();
    for (const token of textTokens) {
      if (!this.isCommon(token)) for (const id of this.lookup(token)) candidates.add(id);
    }
    for (const abbreviation of abbreviations) {
      for (const id of this.lookupPrefix(abbreviation)) candidates.add(id);
    }
    const result = new Map<number, number>();
    for (const customerId of candidates) {
      const customer = this.customers.get(customerId);
      if (customer === undefined || customer.weight === 0) continue;
      let matched = 0;
      let textWeight = 0;
      const used = new Set<string>();
      for (const token of customer.tokens) {
        const abbreviation = abbreviations.find(
          (word) => !used.has(word) && token.startsWith(word),
        );
        if (present.has(token)) matched += this.weightOf(token);
        else if (abbreviation !== undefined) {
          used.add(abbreviation);
          matched += this.weightOf(token);
          textWeight += this.weightOf(token);
        }
      }
      for (const token of textTokens) if (!used.has(token)) textWeight += this.weightOf(token);
      const ofCustomer = Math.min(1, matched / customer.weight);
      const similarity =
        coverage === 'customer'
          ? ofCustomer
          : Math.sqrt(ofCustomer * Math.min(1, matched / textWeight));
      if (similarity > 0.3) result.set(customerId, similarity);
    }
    return result;
  }

  // Words shared by many customers ("COMMUNE", "SERVICES") would retrieve half the book.
  private isCommon(token: string): boolean {
    // A fixed bound, not a share of the book, so that the work per receipt stays flat as the
    // book grows.
    return (this.frequency.get(token) ?? 0) > Math.min(30, Math.max(3, this.customers.size * 0.05));
  }

  private lookup(token: string): number[] {
    return this.byToken.get(token) ?? [];
  }

  /** Customers having a word that starts with `prefix`, by binary search in the sorted words. */
  private lookupPrefix(prefix: string): number[] {
    let low = 0;
    let high = this.sortedTokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.sortedTokens[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const ids: number[] = [];
    for (let index = low; index < this.sortedTokens.length; index += 1) {
      const token = this.sortedTokens[index] as string;
      if (!token.startsWith(prefix)) break;
      ids.push(...this.lookup(token));
      if (ids.length > 200) break;
    }
    return ids;
  }

  private weightOf(token: string): number {
    // Words no customer has (mandate numbers, "VIREMENT") weigh like the rarest word.
    return this.rarity.get(token) ?? Math.log(1 + Math.max(1, this.customers.size));
  }
}

/** The form a learned key is stored and compared in: names by their identifying words. */
export function payerLinkKey(kind: PayerLink['kind'], key: string): string {
  if (kind === 'name' || (kind === 'accountant' && !/^[A-Z]{2}\d{2}[A-Z0-9]{10,}$/.test(key))) {
    return nameTokens(key).join(' ');
  }
  return key;
}

// Removes the payer's own name from the text, whole or cut (bank labels cut it at 31
// characters), so that "CNE DE CHAMBERY ... SGC DE CHAMBERY" still names the commune.
function withoutPayerName(text: string, name: string): string {
  let remaining = ` ${normalizeText(text)} `;
  const words = normalizeText(name).split(' ');
  for (let count = words.length; count >= 2; count -= 1) {
    const phrase = ` ${words.slice(0, count).join(' ')} `;
    if (phrase.length < 10 && count < words.length) break;
    while (remaining.includes(phrase)) remaining = remaining.replace(phrase, ' ');
  }
  return remaining.trim();
}
