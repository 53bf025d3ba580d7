import { LettraError } from '../errors/lettra-error.js';
import { parseDecimalToCents } from '../money/cents.js';
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
  /** The invoice or credit note number; only money put on account may go without one. */
  invoice?: string;
  /** The customer's code: needed when the number exists for several customers. */
  customer?: string;
  /** A decimal string ("1234.50") or a number of euros. */
  amount: string | number;
  kind?: AllocationKind;
}

/** A decision of the file that cannot be read as one: reported as refused, never applied. */
export interface MalformedDecision {
  /** The id it gives, when it is a whole number. */
  id: number | null;
  /** The action it gives, when it is text. */
  action: string;
  /** Each thing wrong with it, naming the field. */
  problems: string[];
}

export type ReadDecision = ClerkDecision | MalformedDecision;

export function isMalformed(decision: ReadDecision): decision is MalformedDecision {
  return 'problems' in decision;
}

type Action = ClerkDecision['action'];

const actions = new Set<string>(['accept', 'choose', 'allocate', 'reject']);
const decisionFields = new Set(['id', 'action', 'proposal', 'allocations']);
const lineFields = new Set(['company', 'invoice', 'customer', 'amount', 'kind']);
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

// Why a field does not go with an action, in the words of the action.
const misplaced: Record<'proposal' | 'allocations', Partial<Record<Action, string>>> = {
  proposal: {
    accept: 'accept takes the allocation made or the best proposal; use choose to take another',
    allocate: 'allocate takes the lines given; use choose to take a proposal',
    reject: 'reject allocates nothing and takes no proposal',
  },
  allocations: {
    accept: 'accept takes the engine’s lines; use allocate to give your own',
    choose: 'choose takes the proposal’s lines; use allocate to give your own',
    reject: 'reject allocates nothing and takes no lines',
  },
};

/**
 * Reads a decisions file: an array of decisions, each checked for its shape (the types of
 * its fields, the fields its action needs and no other). A decision that fails is kept as a
 * malformed one with every problem found, so that the others still go through; the
 * references to transactions and invoices are checked when each decision is applied.
 */
export function readClerkDecisions(value: unknown, file: string): ReadDecision[] {
  if (!Array.isArray(value)) {
    throw new LettraError('input.malformed', 'a decisions file is a JSON array', { file });
  }
  return value.map((entry: unknown) => readDecision(entry));
}

function readDecision(entry: unknown): ReadDecision {
  if (!isRecord(entry)) {
    return {
      id: null,
      action: '',
      problems: [`a decision is an object {id, action, …}, not ${shown(entry)}`],
    };
  }
  const problems: string[] = [];
  const problem = (field: string, text: string) => problems.push(`field ${field}: ${text}`);
  for (const field of Object.keys(entry)) {
    if (!decisionFields.has(field)) {
      problem(
        field,
        'unknown; a decision has id, action, proposal (choose), allocations (allocate)',
      );
    }
  }
  const { id, action } = entry;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    problem('id', `the receipt's id, a whole number as exported, not ${shown(id)}`);
  }
  const known = typeof action === 'string' && actions.has(action);
  if (!known) {
    problem('action', `accept, choose, allocate or reject, not ${shown(action)}`);
  }

  const proposal = given(entry.proposal);
  if (
    proposal !== undefined &&
    (typeof proposal !== 'number' || !Number.isInteger(proposal) || proposal < 1)
  ) {
    problem('proposal', `the rank of a proposal (1, 2 or 3), not ${shown(proposal)}`);
  } else if (known && action !== 'choose' && proposal !== undefined) {
    problem('proposal', misplaced.proposal[action as Action] ?? 'not with this action');
  } else if (action === 'choose' && proposal === undefined) {
    problem('proposal', 'missing: choose needs the rank of the proposal taken');
  }

  const allocations = given(entry.allocations);
  let lines: ClerkLine[] | undefined;
  if (allocations !== undefined && !Array.isArray(allocations)) {
    problem(
      'allocations',
      `a list of lines [{company, invoice, amount, kind}], not ${shown(allocations)}`,
    );
  } else if (known && action !== 'allocate' && allocations !== undefined) {
    problem('allocations', misplaced.allocations[action as Action] ?? 'not with this action');
  } else if (action === 'allocate' && (allocations === undefined || allocations.length === 0)) {
    problem('allocations', 'missing: allocate needs at least one line');
  } else if (allocations !== undefined) {
    lines = allocations.map((line: unknown, index) =>
      readLine(line, `allocations[${index}]`, problem),
    );
  }

  if (problems.length > 0) {
    return {
      id: typeof id === 'number' && Number.isInteger(id) ? id : null,
      action: typeof action === 'string' ? action : '',
      problems,
    };
  }
  return {
    id: id as number,
    action: action as Action,
    ...(proposal === undefined ? {} : { proposal: proposal as number }),
    ...(lines === undefined ? {} : { allocations: lines }),
  };
}

// One line of an `allocate`: its problems go to `problem`; the line is returned clean.
function readLine(
  value: unknown,
  field: string,
  problem: (field: string, text: string) => void,
): ClerkLine {
  if (!isRecord(value)) {
    problem(
      field,
      `a line is an object {company, invoice, customer, amount, kind}, not ${shown(value)}`,
    );
    return { company: '', amount: 0 };
  }
  for (const name of Object.keys(value)) {
    if (!lineFields.has(name)) {
      problem(`${field}.${name}`, 'unknown; a line has company, invoice, customer, amount, kind');
    }
  }
  const absent = (name: string) => given(value[name]) === undefined || value[name] === '';
  const text = (name: 'company' | 'invoice' | 'customer', what: string): string | undefined => {
    const content = value[name];
    if (absent(name)) return undefined;
    if (typeof content === 'string' && content.trim() !== '') return content.trim();
    problem(`${field}.${name}`, `${what}, written as text, not ${shown(content)}`);
    return undefined;
  };
  const company = text('company', 'the code of the company (C01)');
  const invoice = text('invoice', 'the invoice or credit note number');
  const customer = text('customer', 'the customer’s code');
  const kind = given(value.kind);
  if (absent('company')) problem(`${field}.company`, 'missing: the code of the company (C01)');
  if (kind !== undefined && !allocationKinds.has(kind as AllocationKind)) {
    problem(`${field}.kind`, `one of ${[...allocationKinds].join(', ')}, not ${shown(kind)}`);
  }
  if (absent('invoice') && kind !== 'onAccount') {
    problem(`${field}.invoice`, 'missing: only money put on account (onAccount) goes without one');
  } else if (absent('invoice') && absent('customer')) {
    problem(`${field}.customer`, 'missing: money put on account names the customer or an invoice');
  }
  const amount = given(value.amount);
  if (amount === undefined) {
    problem(`${field}.amount`, 'missing: the amount, as "1234.50"');
  } else if (
    typeof amount !== 'string' &&
    (typeof amount !== 'number' || !Number.isFinite(amount))
  ) {
    problem(`${field}.amount`, `an amount such as "1234.50", not ${shown(amount)}`);
  } else {
    try {
      parseDecimalToCents(String(amount));
    } catch (error) {
      if (!(error instanceof LettraError)) throw error;
      problem(`${field}.amount`, error.message);
    }
  }
  return {
    company: company ?? '',
    ...(invoice === undefined ? {} : { invoice }),
    ...(customer === undefined ? {} : { customer }),
    amount: typeof amount === 'number' || typeof amount === 'string' ? amount : 0,
    ...(kind === undefined ? {} : { kind: kind as AllocationKind }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// An optional field written as null is one not given.
function given(value: unknown): unknown {
  return value === null ? undefined : value;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}
