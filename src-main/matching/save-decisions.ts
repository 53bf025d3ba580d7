import type { Store } from '../db/store.js';
import type { Candidate } from './candidate.js';
import type { Decision } from './decide.js';
import { recordPayerLinks } from './learned-facts.js';
import type { PayerLink } from './payer-directory.js';

/** A proposal as stored: the lines with what the export needs, and why. */
export interface StoredProposalLine {
  invoiceId: number;
  companyId: number;
  customerId: number;
  amountCents: number;
  kind: string;
}

/**
 * Records the engine's decisions in one transaction: the status, confidence and explanation
 * of each receipt, the allocation lines of the automatic ones, the ranked proposals, and the
 * payer links learned on the way.
 */
export function saveDecisions(
  store: Store,
  decisions: Map<number, Decision>,
  learned: PayerLink[],
  explain: (candidate: Candidate) => string,
  explainWithoutChoice: (decision: Decision) => string,
): void {
  const { sql } = store;
  const now = new Date().toISOString();
  const clearProposals = sql.prepare('DELETE FROM proposal WHERE transaction_id = ?');
  const clearEngineAllocations = sql.prepare(
    `DELETE FROM allocation WHERE transaction_id = ? AND decided_by = 'engine'`,
  );
  const updateTransaction = sql.prepare(
    `UPDATE bank_transaction SET match_status = ?, confidence = ?, explanation = ?, matched_at = ?
     WHERE id = ?`,
  );
  const insertAllocation = sql.prepare(
    `INSERT INTO allocation (transaction_id, invoice_id, company_id, customer_id, amount_cents,
       kind, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'engine', ?)`,
  );
  const insertProposal = sql.prepare(
    `INSERT INTO proposal (transaction_id, rank, score, lines_json, explanation, features_json)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const logDecision = sql.prepare(
    `INSERT INTO decision_log (at, actor, action, transaction_id, before_json, after_json)
     VALUES (?, 'engine', 'auto', ?, '{}', ?)`,
  );
  sql.transaction(() => {
    for (const [transactionId, decision] of decisions) {
      clearProposals.run(transactionId);
      clearEngineAllocations.run(transactionId);
      const explanation =
        decision.chosen === undefined
          ? `${explainWithoutChoice(decision)} ${decision.proposals[0] ? explain(decision.proposals[0]) : ''}`.trim()
          : explain(decision.chosen);
      updateTransaction.run(
        decision.status,
        round(decision.confidence),
        explanation,
        now,
        transactionId,
      );
      if (decision.chosen !== undefined) {
        const after = decision.chosen.lines.map((line) => ({
          invoiceId: line.item.id,
          amountCents: line.amountCents,
          kind: line.kind,
        }));
        logDecision.run(
          now,
          transactionId,
          JSON.stringify({ status: 'auto', score: round(decision.chosen.score), lines: after }),
        );
      }
      for (const line of decision.chosen?.lines ?? []) {
        insertAllocation.run(
          transactionId,
          line.item.id,
          line.item.companyId,
          line.item.customerId,
          line.amountCents,
          line.kind,
          now,
        );
      }
      for (const [position, proposal] of decision.proposals.entries()) {
        const lines: StoredProposalLine[] = proposal.lines.map((line) => ({
          invoiceId: line.item.id,
          companyId: line.item.companyId,
          customerId: line.item.customerId,
          amountCents: line.amountCents,
          kind: line.kind,
        }));
        insertProposal.run(
          transactionId,
          position + 1,
          round(proposal.score),
          JSON.stringify(lines),
          explain(proposal),
          JSON.stringify(proposal.features),
        );
      }
    }
    recordPayerLinks(store, learned, 'engine', null);
  })();
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
