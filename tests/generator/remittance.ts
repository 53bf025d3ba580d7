import { frenchDate } from './dates.js';
import type { Random } from './random.js';
import type { Company, Customer, PublicAccountant } from './types.js';

/**
 * Who a receipt shows as payer and the remittance text they typed. Public bodies pay through
 * their accountant, who writes mandate and bordereau numbers and the body's short name;
 * private customers write what they like, sometimes nothing.
 */

/** SEPA carries at most 140 characters of unstructured remittance; banks cut the rest. */
export const remittanceLimit = 140;

/** The payer side of a receipt. */
export interface Payer {
  name: string;
  iban?: string;
  /** Set when a public accountant pays for a body. */
  accountant?: PublicAccountant;
  /** The body's name as the accountant abbreviates it. */
  bodyShort?: string;
}

/** The payer a customer's transfer shows: its accountant for a body, itself otherwise. */
export function payerOf(
  random: Random,
  customer: Customer,
  accountants: ReadonlyMap<string, PublicAccountant>,
): Payer {
  const body = customer.body;
  if (body) {
    const accountant = accountants.get(body.accountantId);
    if (!accountant) throw new Error(`no accountant ${body.accountantId} for ${body.name}`);
    const name = random.chance(0.65) ? accountant.name : random.pick(accountant.aliases);
    return { name, iban: accountant.iban, accountant, bodyShort: random.pick(body.shortNames) };
  }
  const name = random.chance(0.7)
    ? (customer.payerNames[0] ?? customer.name)
    : random.pick(customer.payerNames);
  const iban =
    customer.ibans.length > 1 && random.chance(0.3) ? customer.ibans[1] : customer.ibans[0];
  return iban === undefined ? { name } : { name, iban };
}

/** Mandate and bordereau numbers as a public accountant's payment order carries them. */
function mandate(random: Random, day: string) {
  const number = String(random.int(100, 99_999));
  return {
    long: number.padStart(8, '0'),
    short: number,
    bordereau: String(random.int(1, 2_500)),
    year: day.slice(0, 4),
  };
}

/** Several references in one text, with the separators payers use. */
export function joinReferences(random: Random, references: readonly string[]): string {
  return references.join(random.pick([' ', ', ', '/', ' + ', ' ET ', ';', ' - ']));
}

/** Text naming references, as a public accountant or a private payer writes it. */
export function referencedRemittance(
  random: Random,
  payer: Payer,
  company: Company,
  references: string,
  issueDate: string,
  day: string,
): string {
  const m = mandate(random, day);
  if (payer.bodyShort) {
    const body = payer.bodyShort;
    return random.pick([
      `MANDAT ${m.year} ${m.long} BORD ${m.bordereau} FACT ${references} ${body}`,
      `/RFF/${references} /MDT/${m.short} ${body}`,
      `REF:${references} ${body} BORD ${m.bordereau}`,
      `${body} MANDAT N ${m.short} FACTURE ${references}`,
      `MDT ${m.short} BRD ${m.bordereau} ${references} SIRET ${company.siret} ${body}`,
      `MANDAT ${m.short} ${body} FACT ${references}`,
    ]);
  }
  return random.pick([
    `FACTURE ${references}`,
    `REGLEMENT FACT ${references}`,
    references,
    `PAIEMENT FACTURE ${references} ${payer.name}`,
    `/RFF/${references}`,
    `REF:${references}`,
    `Facture ${references} du ${frenchDate(issueDate)}`,
    `VIR ${payer.name} ${references}`,
    `${payer.name} FACT ${references}`,
  ]);
}

/** Only mandate and bordereau numbers and the body's name: nothing an invoice carries. */
export function mandateOnlyRemittance(
  random: Random,
  payer: Payer,
  company: Company,
  day: string,
): string {
  const m = mandate(random, day);
  const body = payer.bodyShort ?? payer.name;
  return random.pick([
    `MANDAT ${m.year} ${m.long} BORD ${m.bordereau} ${body}`,
    `MDT ${m.year}-${m.short} ${body}`,
    `${body} BORDEREAU ${m.bordereau} MANDAT ${m.short}`,
    `/RFF/MDT${m.short} ${body}`,
    `MANDAT ${m.short} BORD ${m.bordereau} SIRET ${company.siret} ${body}`,
    `${body} MDT ${m.long}`,
  ]);
}

const months = [
  'JANVIER',
  'FEVRIER',
  'MARS',
  'AVRIL',
  'MAI',
  'JUIN',
  'JUILLET',
  'AOUT',
  'SEPTEMBRE',
  'OCTOBRE',
  'NOVEMBRE',
  'DECEMBRE',
];

/** A transfer with no reference at all: an empty text or words that name nothing. */
export function bareRemittance(random: Random, payer: Payer, day: string): string {
  // Payers name the month of the service, usually the one before the payment.
  const month = months[(Number(day.slice(5, 7)) + 10) % 12];
  if (payer.accountant) {
    return random.pick([
      '',
      'VIREMENT TRESOR PUBLIC',
      'REGLEMENT DGFIP',
      payer.name,
      `PAIEMENT ${payer.bodyShort ?? ''}`.trim(),
    ]);
  }
  return random.pick([
    '',
    `VIREMENT ${payer.name}`,
    'REGLEMENT',
    `PAIEMENT ${month} ${day.slice(0, 4)}`,
    'FACTURES',
    payer.name,
    'VIR SEPA',
    'REGLEMENT SOLDE',
  ]);
}

/**
 * Text where `reference` starts a few characters before position 70, so a CFONB bank cuts it
 * between the LCC and LC2 complements. The gap before it is padded with spaces, as fixed-width
 * payment software does.
 */
export function straddlingRemittance(random: Random, payer: Payer, reference: string): string {
  const start = 70 - random.int(1, Math.max(1, reference.length - 1));
  const words = `REGLEMENT ${payer.bodyShort ?? payer.name} FACTURE`.split(' ');
  let prefix = '';
  for (const word of words) {
    if (prefix.length + word.length + 1 > start - 1) break;
    prefix += `${word} `;
  }
  return `${prefix.padEnd(start, ' ')}${reference} ${random.pick(['', 'MERCI', 'SOLDE'])}`.trimEnd();
}

/** The end-to-end id the payer's system put on the transfer, when there is one. */
export function endToEndIdFor(
  random: Random,
  payer: Payer,
  firstReference?: string,
): string | undefined {
  if (payer.accountant) return `DGFIP${random.digits(6)}${random.digits(8)}`;
  const roll = random.next();
  if (roll < 0.3) return 'NOTPROVIDED';
  if (roll < 0.7) return `${random.pick(['VIR', 'PAY', 'E2E', ''])}${random.digits(10)}`;
  if (roll < 0.85 && firstReference) return firstReference.slice(0, 35);
  return undefined;
}

/** Cuts a text at the SEPA limit, as the payer's bank does before sending it. */
export function limitRemittance(text: string): string {
  return text.slice(0, remittanceLimit).trimEnd();
}
