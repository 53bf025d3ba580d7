import { addDays, businessDaysFrom, dayNumber, endOfMonth, isBusinessDay } from './dates.js';
import type { Random } from './random.js';
import type { Company, Customer, Invoice } from './types.js';

/**
 * Invoices of one company over the months before the ledger date: who is billed, when, for
 * how much, and under which number. Settlement and credit notes come after (history.ts).
 */

/** How far back the ledger goes: older invoices are settled, the recent ones mostly open. */
export const historyWindowDays = 120;

/** Net amount of one invoice in cents: log-uniform in the company's range, often round. */
export function netAmount(random: Random, company: Company): number {
  const [low, high] = company.netRange;
  const logLow = Math.log(low);
  const raw = Math.exp(logLow + random.next() * (Math.log(high) - logLow));
  // Quotes are in round euros: many nets are whole tens or hundreds.
  const rounding = random.weighted([
    [1, 25],
    [100, 10],
    [1_000, 45],
    [10_000, 20],
  ] as const);
  return Math.min(high, Math.max(low, Math.round(raw / rounding) * rounding));
}

/** VAT on a net amount, computed on integers and rounded to the cent. */
export function vatOf(netCents: number, vatPermille: number): number {
  return Math.round((netCents * vatPermille) / 1000);
}

/** Picks customers in proportion to their weight, by binary search over cumulated weights. */
export class CustomerPicker {
  private readonly cumulated: number[] = [];
  private total = 0;

  constructor(private readonly customers: readonly Customer[]) {
    for (const customer of customers) {
      this.total += customer.weight;
      this.cumulated.push(this.total);
    }
  }

  /** One customer, the heavier ones more often. */
  pick(random: Random): Customer {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulated.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulated[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.customers[low] as Customer;
  }
}

/** The last business day of each month touched by the window: monthly billing days. */
function monthEnds(days: readonly string[]): string[] {
  const ends = new Set<string>();
  for (const day of days) {
    let end = endOfMonth(day);
    while (!isBusinessDay(end)) end = addDays(end, -1);
    if (days.includes(end)) ends.add(end);
  }
  return [...ends];
}

interface Draft {
  customer: Customer;
  issueDate: string;
  netCents: number;
}

/** One invoice to draft: a contract instalment at a month end, or a one-off service. */
function draft(
  random: Random,
  company: Company,
  customer: Customer,
  days: string[],
  ends: string[],
): Draft {
  if (customer.subscriptionNetCents !== undefined && random.chance(0.6) && ends.length > 0) {
    return { customer, issueDate: random.pick(ends), netCents: customer.subscriptionNetCents };
  }
  // Many services are billed at the month end too, the rest on the day of the work.
  const issueDate = random.chance(0.3) && ends.length > 0 ? random.pick(ends) : random.pick(days);
  return { customer, issueDate, netCents: netAmount(random, company) };
}

/**
 * Numbers follow issue dates. A yearly sequence starts where a year's pace would have
 * brought it by the first day of the window, so numbers look like mid-year numbers.
 */
export class Numberer {
  private readonly next = new Map<number, number>();

  constructor(
    private readonly style: Company['numbering'],
    private readonly perDay: number,
    private readonly random: Random,
  ) {}

  /** The number of the next document issued on `issueDate`. */
  take(issueDate: string): string {
    const year = Number(issueDate.slice(0, 4));
    const key = this.style.yearly ? year : 0;
    let sequence = this.next.get(key);
    if (sequence === undefined) {
      const dayOfYear = dayNumber(issueDate) - dayNumber(`${year}-01-01`);
      sequence = this.style.yearly
        ? 1 + Math.floor(dayOfYear * this.perDay * 0.9)
        : this.random.int(8_000, 40_000);
    }
    this.next.set(key, sequence + 1);
    return this.style.format(sequence, year);
  }
}

/** `count` numbered invoices of a company, all open until history.ts settles some. */
export function draftInvoices(
  random: Random,
  company: Company,
  customers: readonly Customer[],
  count: number,
  ledgerDate: string,
): Invoice[] {
  const windowStart = addDays(ledgerDate, -historyWindowDays);
  const days = businessDaysFrom(windowStart, 200).filter((day) => day <= ledgerDate);
  const ends = monthEnds(days);
  const picker = new CustomerPicker(customers);
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i += 1) {
    drafts.push(draft(random, company, picker.pick(random), days, ends));
  }
  drafts.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
  const numberer = new Numberer(company.numbering, count / days.length, random);
  return drafts.map(({ customer, issueDate, netCents }) => {
    const vatCents = vatOf(netCents, company.vatPermille);
    return {
      company: company.code,
      number: numberer.take(issueDate),
      customer: customer.code,
      kind: 'invoice',
      issueDate,
      dueDate: addDays(issueDate, customer.paymentTermDays),
      amountCents: netCents + vatCents,
      netCents,
      vatCents,
      openCents: netCents + vatCents,
    };
  });
}
