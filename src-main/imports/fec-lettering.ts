import type { Cents } from '../money/cents.js';

/**
 * What the lettering code of a customer-account line says about it.
 * - `open`: no code, nothing has settled the line yet.
 * - `settled`: an ordinary code; the lines carrying it balance each other.
 * - `partial`: a code in lowercase letters only, or ending with `*`, which is how several
 *   packages mark a partial lettrage: the lines carrying it are linked but do not balance,
 *   and the difference is still owed.
 */
export type LetteringState = 'open' | 'settled' | 'partial';

/** Reads the state of a line from its EcritureLet. */
export function letteringState(code: string): LetteringState {
  if (code === '') return 'open';
  if (code.endsWith('*')) return 'partial';
  const hasLowercase = code !== code.toUpperCase();
  const hasUppercase = code !== code.toLowerCase();
  return hasLowercase && !hasUppercase ? 'partial' : 'settled';
}

/** A customer-account line carrying a partial lettering code. */
export interface PartiallyLetteredLine {
  customerCode: string;
  lettering: string;
  /** Debit minus credit. */
  cents: Cents;
}

/**
 * Shares out what remains open in each partial lettrage (the lines of one customer with one
 * partial code): the balance of the group is what is still owed, and it is left on the most
 * recent lines on its side, because a payment settles the oldest invoices first. Lines of
 * the other side (the payments already applied) and lines fully covered get no share; a
 * group that balances leaves nothing open. The FEC does not say which line a payment was
 * meant for, so this is the simple reading, not the only possible one.
 */
export function openShareOfPartialLines<Line extends PartiallyLetteredLine>(
  lines: readonly Line[],
): Map<Line, Cents> {
  const groups = new Map<string, Line[]>();
  for (const line of lines) {
    const key = `${line.customerCode}\u0000${line.lettering}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [line]);
    else group.push(line);
  }

  const shares = new Map<Line, Cents>();
  for (const group of groups.values()) {
    const balance = group.reduce((sum, line) => sum + line.cents, 0);
    const sign = Math.sign(balance);
    let remaining = Math.abs(balance);
    for (let index = group.length - 1; index >= 0 && remaining > 0; index -= 1) {
      const line = group[index];
      if (line === undefined || Math.sign(line.cents) !== sign) continue;
      const share = Math.min(Math.abs(line.cents), remaining);
      shares.set(line, sign * share);
      remaining -= share;
    }
  }
  return shares;
}
