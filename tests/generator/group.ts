import { buildCompanies } from './companies.js';
import { buildCustomers } from './customers.js';
import { businessDaysFrom, previousBusinessDay } from './dates.js';
import { buildLedgerBook } from './history.js';
import { drawDebits } from './noise.js';
import { CompanyPool } from './pool.js';
import { buildPublicWorld } from './public-bodies.js';
import { Random } from './random.js';
import { drawReceipt } from './draw-receipt.js';
import type { ReceiptDraft } from './receipts.js';
import { scenarioDeck, type Scenario } from './scenarios.js';
import { assembleStatement, truthOf } from './statements.js';
import type {
  Customer,
  GeneratedGroup,
  GeneratorOptions,
  Invoice,
  LedgerPayment,
  Statement,
} from './types.js';

/**
 * Builds a whole group in memory: companies, customers, ledgers at the day before the first
 * statement, then day after day the statements and what each credit should be allocated to.
 */

/**
 * Receipts per company and day by default. Twelve a day over fifteen days draws about 260 of
 * the 400 open items, leaving a third unpaid: unpaid look-alikes are what make amount-only
 * matching ambiguous, and twenty a day would need more open items than the ledger holds.
 */
export const defaultReceiptsPerDay = 12;

/** Open items a receipt uses on average (several invoices, credit notes), with margin. */
const itemsPerReceipt = 1.6;

type Resolved = Required<Omit<GeneratorOptions, 'statementFormats' | 'ledgerFormats'>> &
  Pick<GeneratorOptions, 'statementFormats' | 'ledgerFormats'>;

function resolve(options: GeneratorOptions): Resolved {
  const resolved: Resolved = {
    seed: options.seed,
    companyCount: options.companyCount ?? 10,
    customersPerCompany: options.customersPerCompany ?? 40,
    invoicesPerCompany: options.invoicesPerCompany ?? 400,
    days: options.days ?? 15,
    receiptsPerDay: options.receiptsPerDay ?? defaultReceiptsPerDay,
    startDate: options.startDate ?? '2026-11-02',
    statementFormats: options.statementFormats,
    ledgerFormats: options.ledgerFormats,
  };
  const { companyCount, customersPerCompany, invoicesPerCompany, days, receiptsPerDay } = resolved;
  if (companyCount < 1 || customersPerCompany < 5 || days < 1 || receiptsPerDay < 1) {
    throw new RangeError(`generator options out of range: ${JSON.stringify(resolved)}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(resolved.startDate)) {
    throw new RangeError(`startDate must be YYYY-MM-DD, got "${resolved.startDate}"`);
  }
  const needed = Math.ceil(days * receiptsPerDay * itemsPerReceipt);
  if (invoicesPerCompany < needed) {
    throw new RangeError(
      `${days} days of ${receiptsPerDay} receipts need at least ${needed} open items per company, ` +
        `invoicesPerCompany is ${invoicesPerCompany}`,
    );
  }
  return resolved;
}

/** Splits `total` receipts over the days unevenly, as real days differ, keeping the total. */
function dailyCounts(random: Random, total: number, days: number): number[] {
  const weights = Array.from({ length: days }, () => 0.6 + random.next() * 0.8);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => Math.floor((total * weight) / sum));
  for (let rest = total - counts.reduce((a, b) => a + b, 0); rest > 0; rest -= 1) {
    const day = random.int(0, days - 1);
    counts[day] = (counts[day] ?? 0) + 1;
  }
  return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Generates a group deterministically from `options.seed`; pure, nothing is written. */
export function generateGroup(options: GeneratorOptions): GeneratedGroup {
  const settings = resolve(options);
  const root = new Random(settings.seed);
  const days = businessDaysFrom(settings.startDate, settings.days);
  const firstDay = days[0] as string;
  const ledgerDate = previousBusinessDay(firstDay);

  const companies = buildCompanies(
    root.fork('companies'),
    settings.companyCount,
    settings.statementFormats ?? [],
    settings.ledgerFormats ?? [],
  );
  // A public body buys from two or three companies of the group on average.
  const publicSlots = settings.companyCount * settings.customersPerCompany * 0.6;
  const bodyCount = Math.ceil(Math.max(settings.customersPerCompany * 0.8, publicSlots / 2.5));
  const world = buildPublicWorld(root.fork('public'), bodyCount);
  const customers = buildCustomers(
    root.fork('customers'),
    companies,
    settings.customersPerCompany,
    world,
  );
  const customersByCompany = groupBy(customers, (customer) => customer.company);

  const invoices: Invoice[] = [];
  const payments: LedgerPayment[] = [];
  const pools = companies.map((company) => {
    const own = customersByCompany.get(company.code) ?? ([] as Customer[]);
    const random = root.fork(`ledger:${company.code}`);
    const book = buildLedgerBook(random, company, own, settings.invoicesPerCompany, ledgerDate);
    // A loop rather than push(...items): spreading a large ledger overflows the call stack.
    for (const invoice of book.invoices) invoices.push(invoice);
    for (const payment of book.payments) payments.push(payment);
    return new CompanyPool(company, own, book.invoices);
  });

  const accountants = new Map(world.accountants.map((accountant) => [accountant.id, accountant]));
  const plans = companies.map((company) => {
    const random = root.fork(`plan:${company.code}`);
    const total = settings.days * settings.receiptsPerDay;
    return {
      deck: scenarioDeck(random, total),
      counts: dailyCounts(random, total, settings.days),
      balance: random.int(50_000, 800_000) * 100,
    };
  });

  // Days outer, companies inner: a receipt may pay another company's invoice, so every pool
  // is drawn in one fixed order and an invoice paid on Monday is gone on Tuesday.
  const random = root.fork('statements');
  const statements: Statement[] = [];
  days.forEach((day, dayIndex) => {
    companies.forEach((company, companyIndex) => {
      const plan = plans[companyIndex];
      const pool = pools[companyIndex];
      if (!plan || !pool) return;
      const context = { random, day, company, pool, pools, accountants };
      const receipts: ReceiptDraft[] = [];
      for (let i = 0; i < (plan.counts[dayIndex] ?? 0); i += 1) {
        receipts.push(drawReceipt(context, plan.deck.pop() as Scenario));
      }
      const statement = assembleStatement(random, {
        company,
        day,
        sequence: dayIndex + 1,
        openingCents: plan.balance,
        receipts,
        debits: drawDebits(random, company.bankName, day),
      });
      plan.balance = statement.closingCents;
      statements.push(statement);
    });
  });

  return {
    seed: settings.seed,
    ledgerDate,
    days,
    companies,
    accountants: world.accountants,
    customers,
    invoices,
    payments,
    statements,
    truth: statements.flatMap(truthOf),
  };
}
