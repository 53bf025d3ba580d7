import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { payerLinkKey, type PayerLink } from './payer-directory.js';

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

/**
 * Records links, or strengthens the ones already known. A clerk's word outranks the engine's:
 * a fact once confirmed by a clerk stays a clerk's fact.
 */
export function recordPayerLinks(
  store: Store,
  links: PayerLink[],
  source: FactSource,
  decisionId: number | null,
): void {
  const now = new Date().toISOString();
  const upsert = store.sql.prepare(
    `INSERT INTO learned_fact (kind, key, customer_id, source, hits, created_at, updated_at, decision_id)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)
     ON CONFLICT (kind, key, customer_id) DO UPDATE SET
       hits = hits + 1, updated_at = excluded.updated_at,
       source = CASE WHEN excluded.source = 'clerk' THEN 'clerk' ELSE source END,
       decision_id = coalesce(excluded.decision_id, decision_id)`,
  );
  for (const link of links) {
    upsert.run(
      link.kind,
      payerLinkKey(link.kind, link.key),
      link.customerId,
      source,
      now,
      now,
      decisionId,
    );
  }
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
