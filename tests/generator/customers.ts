import { foreignCountries, randomForeignIban, randomFrenchIban } from './bank-ids.js';
import { foreignName, privateName, privatePayerNames, type PrivateName } from './names.js';
import type { PublicWorld } from './public-bodies.js';
import type { Random } from './random.js';
import { bankUpper } from './text.js';
import type { Company, Customer, PublicBody } from './types.js';

/**
 * Customers of each company. Public bodies and some private customers are shared between
 * companies: a commune buys cleaning from one and meals from another, under a different
 * account code and spelling in each ledger, and pays both from the same accountant's IBAN.
 */

/** Share of public bodies among the customers, as in the group the product is built for. */
const publicShare = 0.6;

/** A private customer as it exists outside any one ledger: its name, banks and payer names. */
interface PrivateEntity {
  name: PrivateName;
  foreign: boolean;
  ibans: string[];
  payerNames: string[];
}

function privateEntity(random: Random): PrivateEntity {
  if (random.chance(0.06)) {
    const country = random.pick(foreignCountries);
    const name = foreignName(random, country);
    const upper = bankUpper(name.ledgerName);
    return {
      name,
      foreign: true,
      ibans: [randomForeignIban(random, country)],
      payerNames: [upper],
    };
  }
  const name = privateName(random);
  const ibans = [randomFrenchIban(random)];
  // Some customers pay from a second account (another bank, a branch office).
  if (random.chance(0.15)) ibans.push(randomFrenchIban(random));
  return { name, foreign: false, ibans, payerNames: privatePayerNames(name, random) };
}

/** Mixed case for ledgers that do not shout: "Commune de Saint-Genis-Laval". */
function titleCase(text: string): string {
  const small = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'sur', 'en', "d'", "l'"]);
  return text
    .toLowerCase()
    .replace(/[^\s-']+'?/g, (word, offset: number) =>
      offset > 0 && small.has(word) ? word : `${word[0]?.toUpperCase()}${word.slice(1)}`,
    );
}

/** How this company's accountant spelled a public body when the account was opened. */
function bodyLedgerName(body: PublicBody, companyIndex: number): string {
  if (companyIndex % 3 === 1) return titleCase(body.name);
  if (companyIndex % 3 === 2) return body.shortNames[0] ?? body.name;
  return body.name;
}

const ignoredWords =
  /\b(COMMUNE|CENTRE|HOSPITALIER|DE|DU|DES|LA|LE|LES|D|L|SARL|SAS|SASU|SA|EURL|SCI|SNC)\b/g;

/** Auxiliary account codes: each accounting package has its own habit. */
function customerCode(style: number, sequence: number, name: string, taken: Set<string>): string {
  if (style === 0) return `C${String(sequence).padStart(5, '0')}`;
  if (style === 1) return `CLI${String(sequence).padStart(4, '0')}`;
  const letters =
    bankUpper(name)
      .replace(ignoredWords, '')
      .replace(/[^A-Z]/g, '') || 'CLIENT';
  for (let counter = 1; ; counter += 1) {
    const code =
      style === 2
        ? `411${letters.slice(0, 6)}${String(counter).padStart(2, '0')}`
        : `${letters.slice(0, 7)}${counter === 1 ? '' : counter}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** A skewed weight: a few customers get most invoices, as in any real ledger. */
function customerWeight(random: Random, big: boolean): number {
  return (0.2 + random.next() ** 3 * 8) * (big ? 2 : 1);
}

/** Builds every company's customers from a shared pool of public bodies and private entities. */
export function buildCustomers(
  random: Random,
  companies: readonly Company[],
  perCompany: number,
  world: PublicWorld,
): Customer[] {
  const privateSlots = companies.length * perCompany * (1 - publicShare);
  const entities = Array.from({ length: Math.ceil(privateSlots / 1.2) + 1 }, () =>
    privateEntity(random),
  );
  const customers: Customer[] = [];
  companies.forEach((company, companyIndex) => {
    const style = companyIndex % 4;
    const taken = new Set<string>();
    const publicCount = Math.min(world.bodies.length, Math.round(perCompany * publicShare));
    const bodies = random.shuffle([...world.bodies]).slice(0, publicCount);
    const privates = random.shuffle([...entities]).slice(0, perCompany - publicCount);
    const mixed: Array<PublicBody | PrivateEntity> = random.shuffle([...bodies, ...privates]);
    mixed.forEach((party, position) => {
      const isPublic = 'accountantId' in party;
      const name = isPublic ? bodyLedgerName(party, companyIndex) : party.name.ledgerName;
      const customer: Customer = {
        company: company.code,
        code: customerCode(style, position + 1, name, taken),
        name: companyIndex % 5 === 4 ? name.toUpperCase() : name,
        kind: isPublic ? 'public' : 'private',
        foreign: !isPublic && party.foreign,
        ibans: isPublic ? [] : party.ibans,
        payerNames: isPublic ? [] : party.payerNames,
        weight: customerWeight(random, isPublic && /commune|hospital|departement/.test(party.type)),
        paymentTermDays: isPublic
          ? party.type === 'hospital' || party.type === 'ehpad'
            ? 50
            : 30
          : random.pick([30, 30, 45, 60]),
      };
      if (isPublic) customer.body = party;
      // Monthly contracts repeat one amount, so amount-only matching is ambiguous.
      if (random.chance(0.35)) {
        const [low, high] = company.netRange;
        const net = low + random.next() ** 2 * (high - low) * 0.4;
        customer.subscriptionNetCents = Math.max(low, Math.round(net / 1000) * 1000);
      }
      customers.push(customer);
    });
  });
  return customers;
}
