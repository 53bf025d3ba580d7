import { randomFrenchIban } from './bank-ids.js';
import { personName, suppliers } from './names.js';
import { Random } from './random.js';
import type { ReceiptContext, ReceiptDraft } from './receipts.js';
import { endToEndIdFor, payerOf } from './remittance.js';
import { noiseKinds, type NoiseKind } from './scenarios.js';

/**
 * Movements that pay no invoice: credits the engine must leave alone (interest, refunds,
 * an unknown person, a payment on account) and the debits every real statement carries.
 */

/** A stable IBAN for a named counterparty, so the same supplier always pays from one account. */
function ibanOf(name: string): string {
  return randomFrenchIban(new Random(`iban:${name}`));
}

const socialPayers: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['URSSAF RHONE ALPES', ['REMBOURSEMENT TROP PERCU COTISATIONS', 'REGULARISATION DSN']],
  ['CAF DU RHONE', ['PRESTATION SERVICE CRECHE', 'REMBOURSEMENT']],
  ['CPAM DU RHONE', ['IJSS SUBROGATION', 'INDEMNITES JOURNALIERES']],
  ['ASP DELEGATION REGIONALE', ['AIDE A L EMBAUCHE DOSSIER', 'AIDE APPRENTISSAGE']],
  ['OPCO EP', ['PRISE EN CHARGE FORMATION DOSSIER']],
  ['FRANCE TRAVAIL', ['AIDE AFPR DOSSIER']],
];

/** A credit that pays no invoice; its kind is the truth's scenario and expected is null. */
export function drawNoise(context: ReceiptContext): ReceiptDraft | undefined {
  const { random, company, pool, accountants, day } = context;
  const kind: NoiseKind = random.weighted(
    noiseKinds.map((name, i) => [name, [15, 25, 20, 20, 20][i] ?? 20] as const),
  );
  const draft = (name: string, amountCents: number, remittance: string, iban?: string) => {
    const payer = iban === undefined ? { name } : { name, iban };
    const result: ReceiptDraft = {
      scenario: kind,
      amountCents,
      payer,
      remittance,
      structuredReferences: [],
      expected: null,
    };
    const endToEndId = endToEndIdFor(random, payer);
    if (endToEndId !== undefined && iban !== undefined) result.endToEndId = endToEndId;
    return result;
  };
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) || 4;
  switch (kind) {
    case 'noise.interest':
      return draft(
        company.bankName,
        random.int(500, 30_000),
        random.pick([
          `INTERETS CREDITEURS T${quarter} ${day.slice(0, 4)}`,
          'REMUNERATION COMPTE A TERME',
        ]),
      );
    case 'noise.supplierRefund': {
      const supplier = random.pick(suppliers);
      const text = random.pick([
        `REMBOURSEMENT AVOIR ${random.digits(6)}`,
        `RBT TROP PERCU FACTURE F${random.digits(7)}`,
        `AVOIR N ${random.digits(8)} ${supplier}`,
      ]);
      return draft(supplier, random.int(2_000, 250_000), text, ibanOf(supplier));
    }
    case 'noise.unknownPerson': {
      const text = random.pick(['', 'VIREMENT', 'REMBOURSEMENT', 'CAUTION BADGE', 'REGLEMENT']);
      return draft(personName(random), random.int(1_000, 80_000), text, randomFrenchIban(random));
    }
    case 'noise.socialRefund': {
      const [name, texts] = random.pick(socialPayers);
      const text = `${random.pick(texts)} ${random.digits(7)}`;
      return draft(name, random.int(5_000, 500_000), text, ibanOf(name));
    }
    case 'noise.onAccountNoReference': {
      // A known customer sends a round advance that matches nothing open.
      const customer = pool.randomCustomer(random, 'private') ?? pool.randomCustomer(random);
      if (!customer) return undefined;
      const owed = new Set(pool.openInvoices(customer).map((entry) => entry.remaining));
      let amount = random.int(5, 100) * 10_000;
      while (owed.has(amount)) amount += 10_000;
      const payer = payerOf(random, customer, accountants);
      const text = random.pick([
        'ACOMPTE',
        'ACOMPTE COMMANDE',
        'AVANCE SUR TRAVAUX',
        '',
        'VERSEMENT',
      ]);
      return { ...draft(payer.name, amount, text, payer.iban), payer };
    }
  }
}

/** A debit on the statement: supplier payments, direct debits, bank charges, salaries. */
export interface DebitDraft {
  amountCents: number;
  name: string;
  iban?: string;
  remittance: string;
  operation: 'outgoing' | 'directDebit' | 'fee';
}

const directDebitors = [
  'URSSAF RHONE ALPES',
  'DGFIP',
  'EDF ENTREPRISES',
  'ORANGE BUSINESS',
  'BNP PARIBAS LEASING SOLUTIONS',
  'AG2R LA MONDIALE',
];

const charges = [
  'COMMISSION D INTERVENTION',
  'FRAIS TENUE DE COMPTE',
  'COTISATION OFFRE PRO',
  'FRAIS VIREMENT INTERNATIONAL',
  'COMMISSION MOUVEMENT',
];

/** Two to six debits for one company and day. */
export function drawDebits(random: Random, bankName: string, day: string): DebitDraft[] {
  const debits: DebitDraft[] = [];
  const count = random.int(2, 6);
  for (let i = 0; i < count; i += 1) {
    const roll = random.next();
    if (roll < 0.4) {
      const name = random.pick(suppliers);
      const remittance = `FACTURE ${random.pick(['F', 'FA', '2026-', 'INV'])}${random.digits(6)}`;
      debits.push({
        amountCents: random.int(5_000, 2_500_000),
        name,
        iban: ibanOf(name),
        remittance,
        operation: 'outgoing',
      });
    } else if (roll < 0.7) {
      const name = random.pick(directDebitors);
      const remittance = `ECHEANCE ${day.slice(5, 7)}/${day.slice(0, 4)} RUM ${random.digits(12)}`;
      debits.push({
        amountCents: random.int(3_000, 1_500_000),
        name,
        iban: ibanOf(name),
        remittance,
        operation: 'directDebit',
      });
    } else if (roll < 0.95) {
      debits.push({
        amountCents: random.int(100, 6_000),
        name: bankName,
        remittance: random.pick(charges),
        operation: 'fee',
      });
    } else {
      debits.push({
        amountCents: random.int(2_000_000, 9_000_000),
        name: 'SALAIRES',
        remittance: `SALAIRES ${day.slice(5, 7)}/${day.slice(0, 4)}`,
        operation: 'outgoing',
      });
    }
  }
  return debits;
}
