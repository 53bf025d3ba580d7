import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import { isMalformed, type ClerkDecision, type ReadDecision } from './clerk-decision.js';
import { clerkLines, settlingKinds, type AllocationRow } from './clerk-lines.js';
import { learnFromDecision, withdrawSupersededTeaching } from './learn-from-decision.js';
import type { StoredProposalLine } from './save-decisions.js';
import { retrainScoringModel } from './scoring-model.js';

const log = createLogger('decisions');

export interface DecisionOutcome {
  /** 1-based position of the decision in the file. */
  position: number;
  /** The receipt's id; null for a malformed decision giving none that can be read. */
  id: number | null;
  /** As given; empty when the decision gives none that can be read. */
  action: string;
  applied: boolean;
  /**
   * Why it was not applied: a malformed decision (each field in fault), an unknown
   * transaction or invoice, lines that do not add up.
   */
  error?: string;
  status?: string;
}

/** Lets the accounting follow what clerks change: undo a posted entry, post a validated one. */
export interface DecisionHooks {
  beforeChange?: (transactionId: number) => void;
  afterValidation?: (transactionIds: number[]) => void;
}

interface TransactionState {
  id: number;
  amountCents: number;
  status: string;
  payerName: string | null;
  payerIban: string | null;
}

const settling = settlingKinds;

/**
 * Applies clerks' decisions one by one, each in its own transaction: a malformed decision, or
 * one naming an unknown transaction or invoice, or whose lines do not add up, is reported and
 * nothing of it is applied, while the others go through. Each applied decision is logged with
 * its before and after, teaches the engine (withdrawing what the receipt's previous decision
 * taught), and the scoring model is retrained at the end.
 */
export function applyDecisions(
  store: Store,
  decisions: ReadDecision[],
  actor: string,
  hooks: DecisionHooks = {},
): DecisionOutcome[] {
  const outcomes: DecisionOutcome[] = [];
  const validated: number[] = [];
  for (const [index, decision] of decisions.entries()) {
    const position = index + 1;
    const refuse = (error: string) => {
      outcomes.push({ position, id: decision.id, action: decision.action, applied: false, error });
      log.info('decision refused', { position, id: decision.id });
      log.debug('refused because', { position, error });
    };
    if (isMalformed(decision)) {
      refuse(decision.problems.join('; '));
      continue;
    }
    try {
      const status = store.sql.transaction(() => applyOne(store, decision, actor, hooks))();
      outcomes.push({ position, id: decision.id, action: decision.action, applied: true, status });
      if (status === 'validated') validated.push(decision.id);
    } catch (error) {
      if (!(error instanceof LettraError)) throw error;
      refuse(error.message);
    }
  }
  if (outcomes.some((outcome) => outcome.applied)) retrainScoringModel(store);
  if (validated.length > 0) hooks.afterValidation?.(validated);
  log.info('decisions applied', {
    applied: outcomes.filter((outcome) => outcome.applied).length,
    refused: outcomes.filter((outcome) => !outcome.applied).length,
  });
  return outcomes;
}

function applyOne(
  store: Store,
  decision: ClerkDecision,
  actor: string,
  hooks: DecisionHooks,
): string {
  const { sql } = store;
  const transaction = sql
    .prepare(
      `SELECT id, amount_cents AS amountCents, match_status AS status, payer_name AS payerName,
         payer_iban AS payerIban FROM bank_transaction WHERE id = ? AND amount_cents > 0`,
    )
    .get(decision.id) as TransactionState | undefined;
  if (transaction === undefined) {
    throw new LettraError('input.malformed', `no receipt has the id ${decision.id}`, {
      field: 'id',
    });
  }
  const before = currentAllocations(store, transaction.id);
  const lines = linesFor(store, decision, transaction, before);
  const now = new Date().toISOString();
  // Accepting what the engine allocated changes no line, and so no posting.
  const changed = JSON.stringify(lines) !== JSON.stringify(before);
  if (changed) {
    hooks.beforeChange?.(transaction.id);
    sql.prepare('DELETE FROM allocation WHERE transaction_id = ?').run(transaction.id);
  }
  const insert = sql.prepare(
    `INSERT INTO allocation (transaction_id, invoice_id, company_id, customer_id, amount_cents,
       kind, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const line of changed ? lines : []) {
    insert.run(
      transaction.id,
      line.invoiceId,
      line.companyId,
      line.customerId,
      line.amountCents,
      line.kind,
      line.decidedBy,
      now,
    );
  }
  const status = decision.action === 'reject' ? 'rejected' : 'validated';
  sql
    .prepare(
      `UPDATE bank_transaction SET match_status = ?, confidence = 1, matched_at = ?,
         explanation = ? WHERE id = ?`,
    )
    .run(status, now, decisionExplanation(store, decision, transaction.id, actor), transaction.id);
  const decisionId = Number(
    sql
      .prepare(
        `INSERT INTO decision_log (at, actor, action, transaction_id, before_json, after_json)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        now,
        actor,
        decision.action,
        transaction.id,
        JSON.stringify({ status: transaction.status, lines: before }),
        JSON.stringify({ status, lines }),
      ).lastInsertRowid,
  );
  // A receipt decided again teaches the model its last decision only.
  sql
    .prepare(
      `DELETE FROM training_example WHERE decision_id IN
         (SELECT id FROM decision_log WHERE transaction_id = ? AND id < ?)`,
    )
    .run(transaction.id, decisionId);
  recordExamples(store, transaction.id, lines, decisionId);
  withdrawSupersededTeaching(store, transaction, decisionId);
  if (status === 'validated') {
    const taught = learnFromDecision(store, transaction, lines, decisionId);
    sql
      .prepare('UPDATE decision_log SET after_json = ? WHERE id = ?')
      .run(JSON.stringify({ status, lines, taught }), decisionId);
  }
  return status;
}

function linesFor(
  store: Store,
  decision: ClerkDecision,
  transaction: TransactionState,
  current: AllocationRow[],
): AllocationRow[] {
  switch (decision.action) {
    case 'reject':
      return [];
    case 'accept':
      if (transaction.status === 'auto' || transaction.status === 'validated') return current;
      return proposalLines(store, transaction.id, undefined);
    case 'choose':
      if (decision.proposal === undefined || !Number.isInteger(decision.proposal)) {
        throw new LettraError('input.missingField', 'choose needs the rank of a proposal', {
          field: 'proposal',
        });
      }
      return proposalLines(store, transaction.id, decision.proposal);
    case 'allocate':
      return clerkLines(store, decision.allocations ?? [], transaction);
  }
}

// The lines of the proposal of that rank; `accept` takes the best (rank undefined).
function proposalLines(
  store: Store,
  transactionId: number,
  rank: number | undefined,
): AllocationRow[] {
  const json = store.sql
    .prepare('SELECT lines_json FROM proposal WHERE transaction_id = ? AND rank = ?')
    .pluck()
    .get(transactionId, rank ?? 1) as string | undefined;
  if (json === undefined) {
    const ranks = store.sql
      .prepare('SELECT rank FROM proposal WHERE transaction_id = ? ORDER BY rank')
      .pluck()
      .all(transactionId) as number[];
    const message =
      rank === undefined
        ? `receipt ${transactionId} has no allocation nor proposal to accept`
        : ranks.length === 0
          ? `receipt ${transactionId} has no proposal to choose from`
          : `receipt ${transactionId} has no proposal ${rank}, only ${ranks.join(', ')}`;
    throw new LettraError('input.malformed', message, { field: 'proposal' });
  }
  return (JSON.parse(json) as StoredProposalLine[]).map((line) => ({
    ...line,
    decidedBy: 'clerk',
  }));
}

function currentAllocations(store: Store, transactionId: number): AllocationRow[] {
  return store.sql
    .prepare(
      `SELECT invoice_id AS invoiceId, company_id AS companyId, customer_id AS customerId,
         amount_cents AS amountCents, kind, decided_by AS decidedBy
       FROM allocation WHERE transaction_id = ? ORDER BY id`,
    )
    .all(transactionId) as AllocationRow[];
}

// Each proposal the engine made is an example: right when it settles what the clerk settled.
function recordExamples(
  store: Store,
  transactionId: number,
  lines: AllocationRow[],
  decisionId: number,
): void {
  const chosen = invoiceSet(lines);
  const proposals = store.sql
    .prepare(
      'SELECT lines_json AS lines, features_json AS features FROM proposal WHERE transaction_id = ?',
    )
    .all(transactionId) as Array<{ lines: string; features: string | null }>;
  const insert = store.sql.prepare(
    'INSERT INTO training_example (decision_id, features_json, label) VALUES (?, ?, ?)',
  );
  for (const proposal of proposals) {
    if (proposal.features === null) continue;
    const label = invoiceSet(JSON.parse(proposal.lines) as StoredProposalLine[]) === chosen ? 1 : 0;
    insert.run(decisionId, proposal.features, label);
  }
}

function invoiceSet(lines: Array<{ invoiceId: number | null; kind: string }>): string {
  return [...new Set(lines.filter((line) => settling.has(line.kind)).map((line) => line.invoiceId))]
    .sort()
    .join(',');
}

// Who decided and what, followed by the engine's reasons when the clerk took its answer.
function decisionExplanation(
  store: Store,
  decision: ClerkDecision,
  transactionId: number,
  actor: string,
): string {
  if (decision.action === 'reject') return `Rejected by ${actor}: not an invoice payment.`;
  if (decision.action === 'allocate') return `Allocated by ${actor}.`;
  const rank = decision.action === 'choose' ? (decision.proposal ?? 1) : 1;
  const reasons = store.sql
    .prepare('SELECT explanation FROM proposal WHERE transaction_id = ? AND rank = ?')
    .pluck()
    .get(transactionId, rank) as string | undefined;
  const what = decision.action === 'choose' ? `proposal ${rank} chosen` : 'accepted';
  return `${what[0]?.toUpperCase()}${what.slice(1)} by ${actor}${reasons ? `: ${reasons}` : '.'}`;
}
