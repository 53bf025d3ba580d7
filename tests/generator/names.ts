import type { Random } from './random.js';
import { bankUpper, cut } from './text.js';

/**
 * Names of private customers, people and suppliers, and the ways a bank mangles them. The
 * ledger keeps the accountant's spelling; the statement shows what the payer's bank sends.
 */

const surnames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Chevalier',
  'Gauthier',
  'Perrin',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Faure',
  'Brun',
  'Barbier',
];

const firstNames = ['Jean', 'Sophie', 'Pierre', 'Isabelle', 'Michel', 'Nathalie', 'Éric', 'Céline'];

const trades = [
  'Boulangerie',
  'Garage',
  'Pharmacie',
  'Hôtel',
  'Restaurant',
  'Clinique',
  'Résidence',
  'Cabinet',
  'Transports',
  'Menuiserie',
  'Imprimerie',
  'Laboratoire',
  'Carrosserie',
  'Établissements',
  'Société Nouvelle des Transports',
  'Brasserie',
  'Traiteur',
  'Crèche',
  'Maison de Santé',
  'Camping',
  'Centre Équestre',
  'Agence Immobilière',
  'Golf',
];

const placeSuffixes = [
  'du Centre',
  'de la Gare',
  'du Lac',
  'des Alpes',
  'du Parc',
  'Saint-Vincent',
  'des Sources',
  'du Rhône',
  'Bellecour',
  'des Cèdres',
  'de la Plaine',
  'du Vieux Port',
];

const roots = [
  'Techni',
  'Alpi',
  'Rhôna',
  'Dauphi',
  'Bati',
  'Logi',
  'Savoi',
  'Inno',
  'Proxi',
  'Aqua',
  'Hygié',
  'Info',
  'Méca',
  'Thermi',
  'Clima',
  'Domo',
  'Éco',
  'Multi',
  'Terra',
  'Vita',
];

const endings = [
  'vert',
  'pro',
  'net',
  'tec',
  'log',
  'com',
  'sys',
  'plus',
  ' Services',
  ' Industrie',
  ' Conseil',
  ' Solutions',
  ' Distribution',
  ' Environnement',
  ' Rénovation',
  ' Santé',
];

const legalForms: ReadonlyArray<readonly [string, number]> = [
  ['SARL', 30],
  ['SAS', 30],
  ['SA', 8],
  ['EURL', 8],
  ['SASU', 10],
  ['SCI', 4],
  ['SNC', 3],
  ['', 7],
];

/** A private customer: the core name and its legal form, kept apart for payer variants. */
export interface PrivateName {
  core: string;
  legalForm: string;
  /** The name in the ledger, e.g. "Boulangerie Martin SARL" or "SAS Technivert". */
  ledgerName: string;
}

/** A French business name with its legal form. */
export function privateName(random: Random): PrivateName {
  let core: string;
  const shape = random.int(0, 2);
  if (shape === 0) core = `${random.pick(trades)} ${random.pick(surnames)}`;
  else if (shape === 1) core = `${random.pick(trades)} ${random.pick(placeSuffixes)}`;
  else core = `${random.pick(roots)}${random.pick(endings)}`;
  const legalForm = random.weighted(legalForms);
  let ledgerName = core;
  if (legalForm) ledgerName = random.chance(0.6) ? `${core} ${legalForm}` : `${legalForm} ${core}`;
  return { core, legalForm, ledgerName };
}

const foreignNames: Record<string, readonly string[]> = {
  BE: ['Brasserie De Klok BVBA', 'Nettoyage Meuse SPRL', 'Immo Flandres NV'],
  DE: ['Müller Gebäudetechnik GmbH', 'Schneider Logistik AG', 'Bäckerei Wagner GmbH'],
  CH: ['Hôtel du Léman SA', 'Clinique de Genève Sàrl', 'Transports Vaudois SA'],
  LU: ['Immo Lux Sàrl', 'Kirchberg Services SA'],
  ES: ['Construcciones García SL', 'Hoteles Costa Brava SA'],
  NL: ['Van Dijk Facilitair BV', 'Schoonmaak Holland BV'],
};

/** A customer abroad, who pays by an international transfer that may lose fees. */
export function foreignName(random: Random, country: string): PrivateName {
  const ledgerName = random.pick(foreignNames[country] ?? foreignNames.BE ?? []);
  const legalForm = /\b(GmbH|AG|BV|BVBA|SPRL|NV|SA|Sàrl|SL)$/.exec(ledgerName)?.[1] ?? '';
  return { core: ledgerName.replace(/\s+\S+$/, ''), legalForm, ledgerName };
}

/** Words banks and payers shorten. */
const abbreviations: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bETABLISSEMENTS\b/g, 'ETS'],
  [/\bSOCIETE\b/g, 'STE'],
  [/\bCOMPAGNIE\b/g, 'CIE'],
  [/\bSAINT\b/g, 'ST'],
  [/\bINTERNATIONAL\b/g, 'INTL'],
  [/\bTRANSPORTS\b/g, 'TRANSP'],
  [/\bMAISON DE SANTE\b/g, 'MSP'],
  [/\bIMMOBILIERE\b/g, 'IMMO'],
];

/**
 * The names a private customer's bank shows: upper case without accents always, and then
 * the legal form dropped or moved, words abbreviated, the whole cut at 35 characters.
 */
export function privatePayerNames(name: PrivateName, random: Random): string[] {
  const core = bankUpper(name.core);
  const form = bankUpper(name.legalForm);
  const candidates = [bankUpper(name.ledgerName), core, form ? `${form} ${core}` : core];
  let abbreviated = core;
  for (const [pattern, replacement] of abbreviations) {
    abbreviated = abbreviated.replace(pattern, replacement);
  }
  candidates.push(abbreviated);
  if (random.chance(0.08)) candidates.push(personName(random));
  // A bank truncates every name it sends the same way, so the width is per customer.
  const width = random.chance(0.4) ? 35 : 70;
  const chosen = random.shuffle([...new Set(candidates)]).slice(0, random.int(1, 3));
  return chosen.map((text) => cut(text, width));
}

/** "M DUPONT JEAN", "MME LAURENT SOPHIE": a person as a bank prints them. */
export function personName(random: Random): string {
  const title = random.pick(['M', 'MME', 'M OU MME', 'MR', 'MLLE']);
  return bankUpper(`${title} ${random.pick(surnames)} ${random.pick(firstNames)}`);
}

/** Suppliers the companies pay, and who sometimes refund them. */
export const suppliers = [
  'LYRECO FRANCE',
  'MANUTAN',
  'ORANGE BUSINESS',
  'EDF ENTREPRISES',
  'KILOUTOU',
  'WURTH FRANCE',
  'METRO FRANCE',
  'TOTALENERGIES MARKETING',
  'BNP PARIBAS LEASING SOLUTIONS',
  'RUBIX FRANCE',
  'SODEXO PASS FRANCE',
  'AMAZON BUSINESS EU SARL',
];

/** A surname, for customer codes derived from names. */
export function randomSurname(random: Random): string {
  return random.pick(surnames);
}
