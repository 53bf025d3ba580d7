import { dayNumber } from './dates.js';
import type { Random } from './random.js';
import type { Company, Customer, Invoice } from './types.js';

/**
 * The open items of one company while receipts are being drawn: what each invoice still
 * owes, so an invoice is paid at most once (or in instalments after a partial payment).
 */

/** An open invoice or credit note and what remains of it during the statement days. */
export interface OpenEntry {
  invoice: Invoice;
  customer: Customer;
  remaining: number;
  dueDay: number;
}

/**
 * A bag sampled at random whose items die over time. Dead items are skipped and swept out
 * only when sampling keeps hitting them, which keeps sampling O(1) on average at scale.
 */
class LazyBag<T> {
  private items: T[] = [];

  constructor(private readonly alive: (item: T) => boolean) {}

  add(item: T): void {
    this.items.push(item);
  }

  sample(random: Random): T | undefined {
    for (let attempt = 0; attempt < 24; attempt += 1) {
      if (this.items.length === 0) return undefined;
      const item = random.pick(this.items);
      if (this.alive(item)) return item;
    }
    this.items = this.items.filter(this.alive);
    return this.items.length === 0 ? undefined : random.pick(this.items);
  }
}

/** Which customers a scenario may draw from. */
export type CustomerFilter = 'any' | 'public' | 'private' | 'foreign';

const isOpen = (entry: OpenEntry) => entry.remaining !== 0;

/** The open items of one company, indexed for drawing receipts. */
export class CompanyPool {
  private readonly bags = new Map<CustomerFilter, LazyBag<OpenEntry>>();
  private readonly byCustomer = new Map<string, OpenEntry[]>();
  private readonly creditNotes = new LazyBag<OpenEntry>(isOpen);

  constructor(
    readonly company: Company,
    customers: readonly Customer[],
    invoices: readonly Invoice[],
  ) {
    for (const filter of ['any', 'public', 'private', 'foreign'] as const) {
      this.bags.set(filter, new LazyBag<OpenEntry>(isOpen));
    }
    const customerByCode = new Map(customers.map((customer) => [customer.code, customer]));
    for (const invoice of invoices) {
      const customer = customerByCode.get(invoice.customer);
      if (invoice.openCents === 0 || !customer) continue;
      const entry = {
        invoice,
        customer,
        remaining: invoice.openCents,
        dueDay: dayNumber(invoice.dueDate),
      };
      if (invoice.kind === 'creditNote') {
        this.creditNotes.add(entry);
        continue;
      }
      this.bags.get('any')?.add(entry);
      this.bags.get(customer.kind)?.add(entry);
      if (customer.foreign) this.bags.get('foreign')?.add(entry);
      const list = this.byCustomer.get(customer.code) ?? [];
      list.push(entry);
      this.byCustomer.set(customer.code, list);
    }
    for (const list of this.byCustomer.values()) list.sort((a, b) => a.dueDay - b.dueDay);
  }

  /** A customer with something open, drawn in proportion to how many invoices it owes. */
  randomCustomer(random: Random, filter: CustomerFilter = 'any'): Customer | undefined {
    return this.bags.get(filter)?.sample(random)?.customer;
  }

  /** An open credit note not yet netted by a receipt. */
  randomCreditNote(random: Random): OpenEntry | undefined {
    return this.creditNotes.sample(random);
  }

  /** The customer's open invoices, earliest due first. */
  openInvoices(customer: Customer): OpenEntry[] {
    const list = this.byCustomer.get(customer.code) ?? [];
    // Entries paid in full are dropped for good; the list only shrinks.
    const open = list.filter(isOpen);
    if (open.length !== list.length) this.byCustomer.set(customer.code, open);
    return open;
  }

  /**
   * Up to `count` consecutive open invoices of the customer. Most payers pay what falls due
   * around `day`, on the due date or up to two weeks late; a fifth catch up on their oldest
   * arrears first, as public bodies do after a budget delay.
   */
  choose(random: Random, customer: Customer, count: number, day: string): OpenEntry[] {
    const open = this.openInvoices(customer);
    if (open.length === 0) return [];
    let start = 0;
    if (random.chance(0.8)) {
      const target = dayNumber(day) - random.int(-3, 14);
      let next = 0;
      while (next < open.length && (open[next] as OpenEntry).dueDay <= target) next += 1;
      // The invoices due last before the target, or the first ones due after it.
      start = Math.max(0, next - count);
    }
    return open.slice(start, start + count);
  }

  /**
   * The invoices the books settle with a payment that names none: the law imputes it on the
   * oldest due debts (Code civil, art. 1342-10). Among the customer's open invoices owing the
   * same amount, the payer's choice is invisible, so each entry becomes the earliest due
   * invoice of its amount not already taken.
   */
  legalImputation(entries: OpenEntry[]): OpenEntry[] {
    const first = entries[0];
    if (first === undefined) return entries;
    const open = this.openInvoices(first.customer);
    const taken = new Set<OpenEntry>();
    return entries.map((entry) => {
      const oldest =
        open.find((other) => other.remaining === entry.remaining && !taken.has(other)) ?? entry;
      taken.add(oldest);
      return oldest;
    });
  }

  /** Records a payment of `amount` on an entry (all of it when omitted). */
  settle(entry: OpenEntry, amount: number = entry.remaining): void {
    entry.remaining -= amount;
  }
}
