import { nodeAt, textAt, type XmlNode } from './camt-xml.js';
import { compactIban, looksLikeIban } from './iban-shape.js';

/** A labelled piece of raw text kept for the clerk on a transaction. */
export interface Detail {
  label: string;
  text: string;
}

/** The other side of a movement, as one TxDtls names it. */
export interface Counterparty {
  name?: string;
  iban?: string;
  ultimateName?: string;
  /** Account ids that are not IBANs, kept so that nothing the bank sent is lost. */
  details: Detail[];
}

/** Which way the money moved and whether the entry cancels an earlier one. */
export interface Movement {
  credit: boolean;
  reversal: boolean;
}

type Role = 'Dbtr' | 'Cdtr';

/**
 * Reads the counterparty of a transaction into the payer fields. On a credit the counterparty
 * is the debtor; on a debit (an outgoing payment) it is the creditor, and its name and IBAN
 * still go into payerName and payerIban so that the clerk sees who the money went to. A
 * reversal keeps the parties of the movement it cancels, so a reversed credit (booked as a
 * debit) names the original debtor; banks are not consistent about which side they fill on
 * reversals, so there alone the other side is used when the expected one is absent.
 */
export function readCounterparty(transaction: XmlNode, movement: Movement): Counterparty {
  const role: Role = movement.credit !== movement.reversal ? 'Dbtr' : 'Cdtr';
  const expected = readRole(transaction, role);
  if (!movement.reversal || isKnown(expected)) return expected;

  const other = readRole(transaction, role === 'Dbtr' ? 'Cdtr' : 'Dbtr');
  return isKnown(other) ? other : expected;
}

function readRole(transaction: XmlNode, role: Role): Counterparty {
  const related = nodeAt(transaction, 'RltdPties');
  const account = readAccount(related, `${role}Acct`);
  return {
    name: partyName(related, role),
    iban: account.iban,
    ultimateName: partyName(related, `Ultmt${role}`),
    details: account.details,
  };
}

// v02 to v07 put the name straight under the party; v08 wraps it in Pty, or in Agt when the
// party is a bank.
function partyName(related: XmlNode | undefined, party: string): string | undefined {
  return (
    textAt(related, `${party}/Nm`) ??
    textAt(related, `${party}/Pty/Nm`) ??
    textAt(related, `${party}/Agt/FinInstnId/Nm`)
  );
}

function readAccount(
  related: XmlNode | undefined,
  account: string,
): { iban?: string; details: Detail[] } {
  const iban = textAt(related, `${account}/Id/IBAN`);
  if (iban !== undefined) return { iban: compactIban(iban), details: [] };

  const otherId = textAt(related, `${account}/Id/Othr/Id`);
  if (otherId === undefined) return { details: [] };
  // Some banks put a perfectly good IBAN under Othr; anything else is a local account number.
  if (looksLikeIban(otherId)) return { iban: compactIban(otherId), details: [] };
  return { details: [{ label: `${account}/Othr/Id`, text: otherId }] };
}

function isKnown(party: Counterparty): boolean {
  return party.name !== undefined || party.iban !== undefined || party.details.length > 0;
}

/**
 * Several TxDtls merged into one transaction keep a payer field only when every TxDtls that
 * names one names the same; the differing names are kept as details instead.
 */
export function mergeCounterparties(parties: Counterparty[]): Counterparty {
  const names = distinct(parties.map((party) => party.name));
  const ibans = distinct(parties.map((party) => party.iban));
  const ultimateNames = distinct(parties.map((party) => party.ultimateName));
  return {
    name: names.length === 1 ? names[0] : undefined,
    iban: ibans.length === 1 ? ibans[0] : undefined,
    ultimateName: ultimateNames.length === 1 ? ultimateNames[0] : undefined,
    details: [
      ...parties.flatMap((party) => party.details),
      ...(names.length > 1 ? names.map((name) => ({ label: 'Counterparty', text: name })) : []),
      ...(ibans.length > 1 ? ibans.map((iban) => ({ label: 'CounterpartyIban', text: iban })) : []),
    ],
  };
}

/** The distinct defined values, in first-seen order. */
export function distinct(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((value) => value !== undefined))];
}
