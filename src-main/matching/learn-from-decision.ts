import type { Store } from '../db/store.js';
import { recordPayerLinks } from './learned-facts.js';
import { nameTokens } from './name-tokens.js';
import type { PayerLink } from './payer-directory.js';
import { isPublicAccountant } from './public-payers.js';

interface DecidedTransaction {
  payerName: string | null;
  payerIban: string | null;
}

/**
 * What a clerk's allocation teaches: the customer paid from this IBAN under this name, or,
 * for a public accountant, that it pays for this body. Only a receipt settling items of one
 * customer teaches anything; a receipt spread over several customers names none of them.
 */
export function learnFromDecision(
  store: Store,
  transaction: DecidedTransaction,
  lines: Array<{ customerId: number | null; kind: string }>,
  decisionId: number,
): PayerLink[] {
  const customers = new Set(lines.map((line) => line.customerId).filter((id) => id !== null));
  if (customers.size !== 1) return [];
  const customerId = [...customers][0] as number;
  const links: PayerLink[] = [];
  const payerName = transaction.payerName ?? undefined;
  const payerIban = transaction.payerIban ?? undefined;
  if (isPublicAccountant(payerName)) {
    if (payerIban !== undefined) links.push({ kind: 'accountant', key: payerIban, customerId });
    if (payerName !== undefined) links.push({ kind: 'accountant', key: payerName, customerId });
  } else {
    if (payerIban !== undefined) links.push({ kind: 'iban', key: payerIban, customerId });
    if (payerName !== undefined && nameTokens(payerName).length > 0) {
      links.push({ kind: 'name', key: payerName, customerId });
    }
  }
  recordPayerLinks(store, links, 'clerk', decisionId);
  return links;
}
