import { nameTokens } from './name-tokens.js';
import type { CustomerRecord } from './open-items.js';
import { isPublicAccountant } from './public-payers.js';

/** A customer the engine believes paid, with how sure it is and why. */
export interface PayerGuess {
  customerId: number;
  /** 0 to 1. */
  certainty: number;
  source: 'iban' | 'name' | 'text';
}

export interface PayerLink {
  kind: 'iban' | 'name';
  key: string;
  customerId: number;
}

interface IndexedCustomer {
  record: CustomerRecord;
  tokens: string[];
  weight: number;
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
  private readonly ibanLinks = new Map<string, Set<number>>();
  private readonly nameLinks = new Map<string, Set<number>>();

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
    for (const link of links) this.addLink(link);
  }

  addLink(link: PayerLink): void {
    const target = link.kind === 'iban' ? this.ibanLinks : this.nameLinks;
    const key = link.kind === 'name' ? nameTokens(link.key).join(' ') : link.key;
    const set = target.get(key) ?? new Set<number>();
    set.add(link.customerId);
    target.set(key, set);
  }

  customer(id: number): CustomerRecord | undefined {
    return this.customers.get(id)?.record;
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
      if (previous === undefined || previous.certainty < guess.certainty)
        guesses.set(guess.customerId, guess);
    };
    const accountant = isPublicAccountant(payerName);
    if (payerIban !== undefined && !accountant) {
      const linked = this.ibanLinks.get(payerIban) ?? new Set<number>();
      // One IBAN for several customers (a group paying for its subsidiaries) is weaker.
      for (const customerId of linked) {
        keep({ customerId, certainty: linked.size === 1 ? 0.97 : 0.8, source: 'iban' });
      }
    }
    if (payerName !== undefined && !accountant) {
      const linked = this.nameLinks.get(nameTokens(payerName).join(' ')) ?? new Set<number>();
      for (const customerId of linked) keep({ customerId, certainty: 0.93, source: 'name' });
      for (const [customerId, similarity] of this.similarNames(payerName, 'both')) {
        if (similarity >= 0.55) keep({ customerId, certainty: similarity * 0.95, source: 'name' });
      }
    }
    for (const [customerId, similarity] of this.similarNames(text, 'customer')) {
      if (similarity >= 0.7) keep({ customerId, certainty: similarity * 0.85, source: 'text' });
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
    const last = textTokens.at(-1);
    // Retrieve by the distinctive words only; common ones ("COMMUNE") then add to the score.
    const candidates = new Set<number>();
    for (const token of textTokens) {
      if (this.isCommon(token)) continue;
      const ids =
        coverage === 'both' && token === last ? this.lookupPrefix(token) : this.lookup(token);
      for (const id of ids) candidates.add(id);
    }
    const textWeight = textTokens.reduce((sum, token) => sum + this.weightOf(token), 0);
    const result = new Map<number, number>();
    for (const customerId of candidates) {
      const customer = this.customers.get(customerId);
      if (customer === undefined || customer.weight === 0) continue;
      let matched = 0;
      for (const token of customer.tokens) {
        if (
          present.has(token) ||
          (coverage === 'both' && last !== undefined && last.length >= 3 && token.startsWith(last))
        ) {
          matched += this.weightOf(token);
        }
      }
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
    return (this.frequency.get(token) ?? 0) > Math.max(3, this.customers.size * 0.05);
  }

  private lookup(token: string): number[] {
    return this.byToken.get(token) ?? [];
  }

  // Payer names are cut at 35 characters, so their last word may be a prefix of the real one.
  private lookupPrefix(token: string): number[] {
    const exact = this.lookup(token);
    if (token.length < 3 || this.rarity.has(token) || /^\d+$/.test(token)) return exact;
    const prefixed: number[] = [...exact];
    for (const [candidate, ids] of this.byToken) {
      if (candidate.startsWith(token)) prefixed.push(...ids);
    }
    return prefixed;
  }

  private weightOf(token: string): number {
    // Words no customer has (mandate numbers, "VIREMENT") weigh like the rarest word.
    return this.rarity.get(token) ?? Math.log(1 + Math.max(1, this.customers.size));
  }
}
