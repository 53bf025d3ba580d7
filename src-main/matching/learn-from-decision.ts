import type { Store } from '../db/store.js';
import { recordPayerLinks, withdrawTaughtFacts, type TaughtFact } from './learned-facts.js';
import { nameTokens } from './name-tokens.js';
import { payerLinkKey, type PayerLink } from './payer-directory.js';
import { isPublicAccountant } from './public-payers.js';

interface DecidedTransaction {
  id: number;
  payerName: string | null;
  payerIban: string | null;
}

type DecidedLine = { customerId: number | null; kind: string };

/**
 * What a clerk's allocation teaches: the customer paid from this IBAN under this name, or,
 * for a public accountant, that it pays for this body. Only a receipt settling items of one
 * customer teaches anything; a receipt spread over several customers names none of them.
 * Returns the facts taught, for the decision's log.
 */
export function learnFromDecision(
  store: Store,
  transaction: DecidedTransaction,
  lines: DecidedLine[],
  decisionId: number,
): TaughtFact[] {
  const links = payerLinksTaught(transaction, lines, (customerId) =>
    store.sql.prepare('SELECT name FROM customer WHERE id = ?').pluck().get(customerId),
  );
  return recordPayerLinks(store, links, 'clerk', decisionId);
}

/**
 * Withdraws what the receipt's previous clerk's decision taught, now that the decision
 * `decisionId` replaces it: a payer name once allocated to the wrong customer must not keep
 * pointing to it. A rejection taught nothing, and the engine's own links are left alone.
 */
export function withdrawSupersededTeaching(
  store: Store,
  transaction: DecidedTransaction,
  decisionId: number,
): void {
  const previous = store.sql
    .prepare(
      `SELECT id, after_json AS after FROM decision_log WHERE transaction_id = ? AND id < ?
         AND action IN ('accept', 'choose', 'allocate', 'reject')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(transaction.id, decisionId) as { id: number; after: string } | undefined;
  if (previous === undefined) return;
  const after = JSON.parse(previous.after) as {
    status?: string;
    lines?: DecidedLine[];
    taught?: TaughtFact[];
  };
  if (after.status !== 'validated') return;
  // Decisions logged before the facts were kept taught what their lines teach today.
  const taught =
    after.taught ??
    payerLinksTaught(transaction, after.lines ?? [], () => undefined).map((link) => ({
      kind: link.kind,
      key: payerLinkKey(link.kind, link.key),
      customerId: link.customerId,
      before: null,
    }));
  withdrawTaughtFacts(store, taught, previous.id);
}

function payerLinksTaught(
  transaction: DecidedTransaction,
  lines: DecidedLine[],
  customerName: (customerId: number) => unknown,
): PayerLink[] {
  const customers = new Set(lines.map((line) => line.customerId).filter((id) => id !== null));
  if (customers.size !== 1) return [];
  const customerId = [...customers][0] as number;
  const links: PayerLink[] = [];
  const payerName = transaction.payerName ?? undefined;
  const payerIban = transaction.payerIban ?? undefined;
  // "SGC DISTRIBUTION" paying its own invoices is a customer, not a public accountant.
  const name = customerName(customerId);
  const ownName =
    payerName !== undefined &&
    typeof name === 'string' &&
    nameTokens(payerName).every((token) => nameTokens(name).includes(token));
  if (isPublicAccountant(payerName) && !ownName) {
    if (payerIban !== undefined) links.push({ kind: 'accountant', key: payerIban, customerId });
    if (payerName !== undefined) links.push({ kind: 'accountant', key: payerName, customerId });
  } else {
    if (payerIban !== undefined) links.push({ kind: 'iban', key: payerIban, customerId });
    if (payerName !== undefined && nameTokens(payerName).length > 0) {
      links.push({ kind: 'name', key: payerName, customerId });
    }
  }
  return links;
}
