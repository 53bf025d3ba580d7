import type { Store } from '../db/store.js';
import type { Receipt } from './candidate.js';

interface ReceiptRow {
  id: number;
  companyId: number;
  companyCode: string;
  bookingDate: string;
  amountCents: number;
  payerName: string | null;
  payerIban: string | null;
  remittance: string;
  referencesJson: string;
  endToEndId: string | null;
  reversal: number;
  currency: string;
}

/**
 * The credits still waiting for a decision, oldest first. A receipt already allocated, or
 * validated or rejected by a clerk, is never matched again, nor one a ledger import set aside
 * for a clerk; proposals and unmatched ones are looked at anew, since the ledger may have
 * changed since.
 */
export function loadReceiptsToMatch(store: Store): Receipt[] {
  const rows = store.sql
    .prepare(
      `SELECT t.id, t.company_id AS companyId, c.code AS companyCode, t.booking_date AS bookingDate,
         t.amount_cents AS amountCents, t.payer_name AS payerName, t.payer_iban AS payerIban,
         t.remittance, t.references_json AS referencesJson, t.end_to_end_id AS endToEndId,
         t.reversal, t.currency
       FROM bank_transaction t JOIN company c ON c.id = t.company_id
       WHERE t.amount_cents > 0
         AND NOT EXISTS (SELECT 1 FROM set_aside_receipt s WHERE s.transaction_id = t.id)
         AND t.match_status IN ('pending', 'proposed', 'unmatched')
       ORDER BY t.booking_date, t.id`,
    )
    .all() as ReceiptRow[];
  return rows.map((row) => {
    const references = JSON.parse(row.referencesJson) as string[];
    const texts = [row.remittance, ...references];
    if (row.endToEndId !== null) texts.push(row.endToEndId);
    return {
      id: row.id,
      companyId: row.companyId,
      companyCode: row.companyCode,
      bookingDate: row.bookingDate,
      amountCents: row.amountCents,
      payerName: row.payerName ?? undefined,
      payerIban: row.payerIban ?? undefined,
      text: texts.join(' '),
      reversal: row.reversal === 1,
      currency: row.currency,
    };
  });
}
