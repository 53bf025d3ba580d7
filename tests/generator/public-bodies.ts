import { makeRib, ibanFromRib } from './bank-ids.js';
import { departments, ofTown, townShort, townUpper, type Department } from './places.js';
import type { Random } from './random.js';
import type { PublicAccountant, PublicBody } from './types.js';

/**
 * French public bodies and the public accountants who pay for them. One accountant pays for
 * many bodies from one Banque de France account, which is what makes public payers hard:
 * the IBAN says who paid, never for whom.
 */

/** The public bodies and their accountants, shared by every company of the group. */
export interface PublicWorld {
  accountants: PublicAccountant[];
  bodies: PublicBody[];
}

const people = [
  'JEAN MOULIN',
  'VICTOR HUGO',
  'JULES FERRY',
  'LOUIS PASTEUR',
  'MARIE CURIE',
  'SIMONE VEIL',
  'JEAN JAURES',
  'ALBERT CAMUS',
  'PAUL ELUARD',
  'JACQUES PREVERT',
  'GEORGE SAND',
  'JEAN MACE',
  'ANATOLE FRANCE',
  'LOUIS ARAGON',
  'ELSA TRIOLET',
  'RENE CASSIN',
  'LUCIE AUBRAC',
  'CHARLES PEGUY',
];

const residences = [
  'LES TILLEULS',
  'LES GLYCINES',
  'LE CLOS FLEURI',
  'LES CEDRES',
  'LA ROSERAIE',
  'LES MAGNOLIAS',
  'LE BELVEDERE',
  'SAINT JOSEPH',
  'LES PATIOS',
  'LA CHANTERELLE',
];

const bodyTypes: ReadonlyArray<readonly [string, number]> = [
  ['commune', 30],
  ['ccas', 8],
  ['hospital', 7],
  ['ehpad', 9],
  ['college', 13],
  ['lycee', 9],
  ['departement', 4],
  ['sivom', 5],
  ['communauteCommunes', 6],
];

/** "J MOULIN": schools are often abbreviated to the initial of the first name. */
function initialed(person: string): string {
  const parts = person.split(' ');
  return parts.length > 1 ? `${parts[0]?.[0]} ${parts.slice(1).join(' ')}` : person;
}

/** Official name and payer-side short names of one body. */
function describe(type: string, town: string, dept: Department, random: Random) {
  const upper = townUpper(town);
  const short = townShort(town);
  const ofShort = ofTown(town).replace(upper, short);
  switch (type) {
    case 'commune':
      return town === 'Paris'
        ? { name: 'VILLE DE PARIS', shortNames: ['VILLE DE PARIS', 'MAIRIE DE PARIS'] }
        : {
            name: `COMMUNE ${ofTown(town)}`,
            shortNames: [
              `CNE ${ofShort}`,
              `MAIRIE ${ofTown(town)}`,
              `VILLE ${ofShort}`,
              `CNE ${short}`,
            ],
          };
    case 'ccas':
      return { name: `CCAS ${ofTown(town)}`, shortNames: [`CCAS ${short}`, `C C A S ${short}`] };
    case 'hospital':
      return {
        name: `CENTRE HOSPITALIER ${ofTown(town)}`,
        shortNames: [`CH ${short}`, `CH ${ofShort}`, `CENTRE HOSP ${short}`],
      };
    case 'ehpad': {
      const residence = random.pick(residences);
      return {
        name: `EHPAD ${residence} ${upper}`,
        shortNames: [
          `EHPAD ${residence}`,
          `EHPAD ${residence.replace(/^LES? |^LA /, '')} ${short}`,
        ],
      };
    }
    case 'college':
    case 'lycee': {
      const person = random.pick(people);
      const word = type === 'college' ? 'COLLEGE' : 'LYCEE';
      const abbreviation = type === 'college' ? 'CLG' : 'LYC';
      return {
        name: `${word} ${person} ${upper}`,
        shortNames: [`${word} ${person}`, `${abbreviation} ${initialed(person)} ${short}`],
      };
    }
    case 'departement':
      return {
        name: `DEPARTEMENT ${dept.of}`,
        shortNames: [`CONSEIL DEPARTEMENTAL ${dept.of}`, `CD${dept.code}`, `DEPT ${dept.code}`],
      };
    case 'sivom':
      return {
        name: `SIVOM DE LA REGION ${ofTown(town)}`,
        shortNames: [`SIVOM ${short}`, `SIVOM REGION ${short}`],
      };
    default:
      return {
        name: `COMMUNAUTE DE COMMUNES DU PAYS ${ofTown(town)}`,
        shortNames: [`CC PAYS ${ofShort}`, `COM COM ${short}`, `CDC ${short}`],
      };
  }
}

/** The accountants of one department, each with its Banque de France account. */
function departmentAccountants(dept: Department, random: Random): PublicAccountant[] {
  const make = (id: string, name: string, aliases: string[]): PublicAccountant => {
    const rib = makeRib('30001', random.digits(5), `C${dept.code}${random.digits(8)}`);
    return { id: `${dept.code}-${id}`, name, aliases, iban: ibanFromRib(rib) };
  };
  const shortHead = dept.headAccountant.replace(/^(D[DR]FIP).*$/, `$1 ${dept.code}`);
  const list = [
    make('head', dept.headAccountant, [shortHead, 'DGFIP', 'TRESOR PUBLIC']),
    make('paierie', `PAIERIE DEPARTEMENTALE ${dept.of}`, [
      'PAIERIE DEPARTEMENTALE',
      `PAIERIE DEP ${dept.code}`,
    ]),
  ];
  const [first, second, third] = dept.towns;
  if (first && second && third) {
    list.push(make('sgc1', `SGC ${ofTown(first)}`, [`SGC ${townShort(first)}`, 'TRESOR PUBLIC']));
    list.push(make('sgc2', `SGC ${ofTown(second)}`, [`SGC ${townShort(second)}`, 'DGFIP']));
    list.push(
      make('treso', `TRESORERIE ${ofTown(third)}`, [
        `TRESORERIE ${townShort(third)}`,
        'TRESOR PUBLIC',
      ]),
    );
  }
  return list;
}

/** Which accountant pays for a body, following how French public accounting is organised. */
function accountantFor(
  type: string,
  townIndex: number,
  dept: Department,
  ids: Set<string>,
): string {
  const has = (id: string) => ids.has(`${dept.code}-${id}`);
  let id = 'head';
  if (type === 'departement') id = 'paierie';
  else if (type === 'hospital' || type === 'ehpad') id = has('treso') ? 'treso' : 'head';
  else if (type !== 'college' && type !== 'lycee' && has('sgc1')) {
    id = townIndex % 2 === 0 ? 'sgc1' : 'sgc2';
  }
  return `${dept.code}-${id}`;
}

/** Builds `count` distinct public bodies across the departments, with their accountants. */
export function buildPublicWorld(random: Random, count: number): PublicWorld {
  const accountants = departments.flatMap((dept) => departmentAccountants(dept, random));
  const ids = new Set(accountants.map((accountant) => accountant.id));
  const bodies: PublicBody[] = [];
  const names = new Set<string>();
  for (let attempt = 0; bodies.length < count; attempt += 1) {
    const dept = random.pick(departments);
    const townIndex = random.int(0, dept.towns.length - 1);
    const town = dept.towns[townIndex] as string;
    const type = random.weighted(bodyTypes);
    const described = describe(type, town, dept, random);
    let name = described.name;
    // Past a few thousand bodies the real combinations run out; a site suffix keeps names unique.
    if (names.has(name)) {
      if (attempt < count * 20) continue;
      name = `${name} SITE ${bodies.length}`;
    }
    names.add(name);
    bodies.push({
      id: `B${String(bodies.length + 1).padStart(4, '0')}`,
      type,
      name,
      shortNames: described.shortNames,
      accountantId: accountantFor(type, townIndex, dept, ids),
      department: dept.code,
    });
  }
  return { accountants, bodies };
}
