import { ibanFromRib, makeRib, randomSiren, siretOf } from './bank-ids.js';
import { numberingPatterns, numberingStyle } from './numbering.js';
import type { Random } from './random.js';
import type { Company, LedgerFormat, StatementFormatChoice } from './types.js';

/**
 * The companies of the group: a services group working mostly for public bodies. Each has
 * its own bank, chart of accounts, invoice numbering and amount range.
 */

interface Profile {
  name: string;
  sector: string;
  bankName: string;
  bic: string;
  bankCode: string;
  /** Net amounts in euros; they give totals between about 80 and 60,000 euros. */
  net: readonly [number, number];
  vatPermille: number;
}

const profiles: readonly Profile[] = [
  {
    name: 'Propreté Services Rhône',
    sector: 'cleaning',
    bankName: 'SOCIETE GENERALE',
    bic: 'SOGEFRPP',
    bankCode: '30003',
    net: [150, 18_000],
    vatPermille: 200,
  },
  {
    name: 'Restauration Collective du Lyonnais',
    sector: 'catering',
    bankName: 'BNP PARIBAS',
    bic: 'BNPAFRPP',
    bankCode: '30004',
    net: [400, 45_000],
    vatPermille: 100,
  },
  {
    name: 'Maintenance Technique Bâtiment',
    sector: 'maintenance',
    bankName: 'LCL',
    bic: 'CRLYFRPP',
    bankCode: '30002',
    net: [70, 12_000],
    vatPermille: 200,
  },
  {
    name: 'Alpes Informatique Services',
    sector: 'IT services',
    bankName: 'CIC',
    bic: 'CMCIFRPP',
    bankCode: '30066',
    net: [300, 49_000],
    vatPermille: 200,
  },
  {
    name: 'Espaces Verts du Dauphiné',
    sector: 'landscaping',
    bankName: 'CREDIT AGRICOLE CENTRE-EST',
    bic: 'AGRIFRPP878',
    bankCode: '17806',
    net: [200, 20_000],
    vatPermille: 200,
  },
  {
    name: 'Sécurité Gardiennage Sud-Est',
    sector: 'security',
    bankName: "CAISSE D'EPARGNE RHONE ALPES",
    bic: 'CEPAFRPP382',
    bankCode: '13825',
    net: [500, 40_000],
    vatPermille: 200,
  },
  {
    name: "Blanchisserie Industrielle de l'Ain",
    sector: 'laundry',
    bankName: 'BANQUE POPULAIRE AURA',
    bic: 'CCBPFRPPLYO',
    bankCode: '16807',
    net: [70, 9_000],
    vatPermille: 200,
  },
  {
    name: 'Ascenseurs et Accès Services',
    sector: 'lift maintenance',
    bankName: 'CREDIT MUTUEL',
    bic: 'CMCIFR2A',
    bankCode: '10278',
    net: [150, 25_000],
    vatPermille: 200,
  },
  {
    name: 'Transports Scolaires du Bugey',
    sector: 'school transport',
    bankName: 'BRED',
    bic: 'BREDFRPP',
    bankCode: '10107',
    net: [500, 48_000],
    vatPermille: 100,
  },
  {
    name: 'Chauffage Énergie Climatisation',
    sector: 'heating and air conditioning',
    bankName: 'CREDIT COOPERATIF',
    bic: 'CCOPFRPP',
    bankCode: '42559',
    net: [80, 35_000],
    vatPermille: 200,
  },
];

/** Charts differ between accounting packages: 6, 8 or 3-to-5 digit account numbers. */
const charts = [
  { customers: '411000', sales: '706000', vat: '445710', bank: '512000' },
  { customers: '41100000', sales: '70610000', vat: '44571100', bank: '51210000' },
  { customers: '411', sales: '7061', vat: '44571', bank: '5121' },
];

/** The default statement format by position: CFONB 120, then camt.053 .02 and .08 in turn. */
function defaultStatementFormat(index: number): StatementFormatChoice {
  if (index % 2 === 0) return 'cfonb120';
  return index % 4 === 1 ? 'camt.053.001.02' : 'camt.053.001.08';
}

/** Two companies in ten send a CSV of open items instead of a FEC. */
function defaultLedgerFormat(index: number): LedgerFormat {
  return index % 10 === 3 || index % 10 === 8 ? 'csv' : 'fec';
}

/** Builds the group's companies, with their bank accounts and habits. */
export function buildCompanies(
  random: Random,
  count: number,
  statementFormats: ReadonlyArray<StatementFormatChoice | undefined>,
  ledgerFormats: ReadonlyArray<LedgerFormat | undefined>,
): Company[] {
  const companies: Company[] = [];
  for (let index = 0; index < count; index += 1) {
    const profile = profiles[index % profiles.length] as Profile;
    const round = Math.floor(index / profiles.length);
    const [invoicePattern, creditPattern] = numberingPatterns[
      index % numberingPatterns.length
    ] as readonly [string, string];
    const rib = makeRib(profile.bankCode, random.digits(5), random.digits(11));
    const siren = randomSiren(random);
    companies.push({
      code: `C${String(index + 1).padStart(2, '0')}`,
      name: `${profile.name}${round > 0 ? ` ${round + 1}` : ''} SAS`,
      sector: profile.sector,
      siren,
      siret: siretOf(siren, random.int(1, 40)),
      bankName: profile.bankName,
      bic: profile.bic,
      bankCode: rib.bankCode,
      branchCode: rib.branchCode,
      accountNumber: rib.accountNumber,
      ribKey: rib.key,
      iban: ibanFromRib(rib),
      statementFormat: statementFormats[index] ?? defaultStatementFormat(index),
      ledgerFormat: ledgerFormats[index] ?? defaultLedgerFormat(index),
      numbering: numberingStyle(invoicePattern),
      creditNoteNumbering: numberingStyle(creditPattern),
      accounts: charts[index % charts.length] as Company['accounts'],
      vatPermille: profile.vatPermille,
      netRange: [profile.net[0] * 100, profile.net[1] * 100],
    });
  }
  return companies;
}
