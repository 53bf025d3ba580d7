import { LettraError } from '../errors/lettra-error.js';
import type { AllocationKind } from './allocation-kinds.js';

/** One decision of a clerk on a receipt, as `lettra decide` reads it from a JSON file. */
export interface ClerkDecision {
  /** The transaction id, as exported. */
  id: number;
  action: 'accept' | 'choose' | 'allocate' | 'reject';
  /** With `choose`: the 1-based rank of the proposal taken. */
  proposal?: number;
  /** With `allocate`: the lines, adding up to the receipt. */
  allocations?: ClerkLine[];
}

export interface ClerkLine {
  company: string;
  invoice: string;
  /** A decimal string ("1234.50") or a number of euros. */
  amount: string | number;
  kind?: AllocationKind;
}

const actions = new Set(['accept', 'choose', 'allocate', 'reject']);
export const allocationKinds = new Set<AllocationKind>([
  'invoice',
  'partial',
  'creditNote',
  'priceRevision',
  'bankFee',
  'writeOff',
  'onAccount',
  'otherCompany',
]);

/**
 * Checks the shape of a decisions file: an array of objects with an id and a known action.
 * The references to transactions and invoices are checked when each decision is applied.
 */
export function readClerkDecisions(value: unknown, file: string): ClerkDecision[] {
  if (!Array.isArray(value)) {
    throw new LettraError('input.malformed', 'a decisions file is a JSON array', { file });
  }
  return value.map((entry: unknown, position) => {
    const where = { file, field: `[${position}]` };
    if (typeof entry !== 'object' || entry === null) {
      throw new LettraError('input.malformed', 'each decision is an object', where);
    }
    const decision = entry as Partial<ClerkDecision>;
    if (typeof decision.id !== 'number' || !Number.isInteger(decision.id)) {
      throw new LettraError('input.missingField', 'the decision has no numeric id', {
        ...where,
        field: `[${position}].id`,
      });
    }
    if (typeof decision.action !== 'string' || !actions.has(decision.action)) {
      throw new LettraError(
        'input.malformed',
        `action must be accept, choose, allocate or reject, not ${JSON.stringify(decision.action)}`,
        { ...where, field: `[${position}].action` },
      );
    }
    return decision as ClerkDecision;
  });
}
