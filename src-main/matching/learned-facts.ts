import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import { payerLinkKey, type PayerLink } from './payer-directory.js';

const log = createLogger('learned-facts');

export type FactSource = 'ledger' | 'engine' | 'clerk';

/** A learned fact as `lettra learned` lists it. */
export interface LearnedFact {
  id: number;
  kind: PayerLink['kind'];
  key: string;
  company: string;
  customer: string;
  customerName: string;
  source: FactSource;
  hits: number;
  updatedAt: string;
}

/** Every learned link, for the payer directory of a matching run. */
export function loadPayerLinks(store: Store): PayerLink[] {
  return store.sql
    .prepare('SELECT kind, key, customer_id AS customerId, hits FROM learned_fact')
    .all() as PayerLink[];
}

/** A fact's source and the decision that last confirmed it, as a decision found it. */
export interface FactState {
  source: FactSource;
  decisionId: number | null;
}

/** A fact a decision taught, kept in the decision's log so that a later one can withdraw it. */
export interface TaughtFact {
  /** Absent in what is recomputed for decisions logged before facts were kept. */
  factId?: number;
  kind: PayerLink['kind'];
  /** As stored: see `payerLinkKey`. */
  key: string;
  customerId: number;
  /** What the fact was before the decision; null when the decision created it. */
  before: FactState | null;
}

/**
 * Records links, or strengthens the ones already known, and says what each was before. A
 * clerk's word outranks the engine's: a fact confirmed by a clerk stays a clerk's fact until
 * that decision is withdrawn.
 */
export function recordPayerLinks(
  store: Store,
  links: PayerLink[],
  source: FactSource,
  decisionId: number | null,
): TaughtFact[] {
  const now = new Date().toISOString();
  const current = store.sql.prepare(
    `SELECT source, decision_id AS decisionId FROM learned_fact
     WHERE kind = ? AND key = ? AND customer_id = ?`,
  );
  const upsert = store.sql
    .prepare(
      `INSERT INTO learned_fact (kind, key, customer_id, source, hits, created_at, updated_at, decision_id)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)
     ON CONFLICT (kind, key, customer_id) DO UPDATE SET
       hits = hits + 1, updated_at = excluded.updated_at,
       source = CASE WHEN excluded.source = 'clerk' THEN 'clerk' ELSE source END,
       decision_id = coalesce(excluded.decision_id, decision_id)
     RETURNING id`,
    )
    .pluck();
  return links.map((link) => {
    const key = payerLinkKey(link.kind, link.key);
    const before = current.get(link.kind, key, link.customerId) as FactState | undefined;
    const factId = upsert.get(
      link.kind,
      key,
      link.customerId,
      source,
      now,
      now,
      decisionId,
    ) as number;
    return { factId, kind: link.kind, key, customerId: link.customerId, before: before ?? null };
  });
}

/**
 * Withdraws what a superseded decision taught: each fact loses the confirmation it gave and
 * is forgotten when no other confirmed it. One still taught by a clerk's decision in force
 * stays a clerk's fact; otherwise it goes back to what it was before the withdrawn decision.
 */
export function withdrawTaughtFacts(store: Store, taught: TaughtFact[], decisionId: number): void {
  if (taught.length === 0) return;
  const { sql } = store;
  const byKey = sql.prepare(
    `SELECT id, hits, source, decision_id AS decisionId FROM learned_fact
     WHERE kind = ? AND key = ? AND customer_id = ?`,
  );
  // A decision is in force while no later clerk's decision on its receipt replaced it.
  const teacher = sql
    .prepare(
      `SELECT max(d.id) FROM decision_log d, json_each(d.after_json, '$.taught') t
     WHERE d.action IN ('accept', 'choose', 'allocate') AND d.id <> ?
       AND json_extract(t.value, '$.kind') = ? AND json_extract(t.value, '$.key') = ?
       AND json_extract(t.value, '$.customerId') = ?
       AND d.id = (SELECT max(l.id) FROM decision_log l WHERE l.transaction_id = d.transaction_id
         AND l.action IN ('accept', 'choose', 'allocate', 'reject'))`,
    )
    .pluck();
  const forget = sql.prepare('DELETE FROM learned_fact WHERE id = ?');
  const weaken = sql.prepare(
    'UPDATE learned_fact SET hits = hits - 1, source = ?, decision_id = ? WHERE id = ?',
  );
  for (const fact of taught) {
    const row = byKey.get(fact.kind, fact.key, fact.customerId) as
      | (FactState & { id: number; hits: number })
      | undefined;
    // Removed by a clerk since, and perhaps learned anew: not this decision's to withdraw.
    if (row === undefined || (fact.factId !== undefined && row.id !== fact.factId)) continue;
    if (row.hits <= 1) {
      forget.run(row.id);
      continue;
    }
    const confirmedBy = teacher.get(decisionId, fact.kind, fact.key, fact.customerId) as
      | number
      | null;
    const state: FactState =
      confirmedBy !== null
        ? { source: 'clerk', decisionId: confirmedBy }
        : row.decisionId === decisionId
          ? (fact.before ?? { source: 'engine', decisionId: null })
          : { source: row.source, decisionId: row.decisionId };
    weaken.run(state.source, state.decisionId, row.id);
  }
  log.info('facts withdrawn', { decisionId, facts: taught.length });
}

/** What the engine has learned, most used first. */
export function listLearnedFacts(store: Store): LearnedFact[] {
  return store.sql
    .prepare(
      `SELECT f.id, f.kind, f.key, co.code AS company, cu.code AS customer, cu.name AS customerName,
         f.source, f.hits, f.updated_at AS updatedAt
       FROM learned_fact f JOIN customer cu ON cu.id = f.customer_id
       JOIN company co ON co.id = cu.company_id
       ORDER BY f.hits DESC, f.id`,
    )
    .all() as LearnedFact[];
}

/** Forgets one learned fact; the next matching run no longer uses it. */
export function removeLearnedFact(store: Store, id: number): LearnedFact {
  const fact = listLearnedFacts(store).find((candidate) => candidate.id === id);
  if (fact === undefined) {
    throw new LettraError('input.malformed', `no learned fact has the id ${id}`, {
      value: String(id),
    });
  }
  store.sql.prepare('DELETE FROM learned_fact WHERE id = ?').run(id);
  return fact;
}
