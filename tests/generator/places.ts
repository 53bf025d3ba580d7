/**
 * French departments and towns the group works in. Public bodies are built from them and
 * each department has its own public accountants, so names and payers stay consistent.
 */

/** A department with its name as it follows "CONSEIL DEPARTEMENTAL". */
export interface Department {
  code: string;
  /** "DU RHONE", "DE L ISERE": the phrase after a body type. */
  of: string;
  /** Regional capitals have a DRFIP instead of a DDFIP. */
  headAccountant: string;
  towns: string[];
}

/** Real towns, grouped by department; names keep their accents and hyphens. */
export const departments: readonly Department[] = [
  {
    code: '69',
    of: 'DU RHONE',
    headAccountant: 'DRFIP AUVERGNE RHONE ALPES ET DU RHONE',
    towns: [
      'Lyon',
      'Villeurbanne',
      'Vénissieux',
      'Saint-Genis-Laval',
      'Bron',
      'Caluire-et-Cuire',
      'Oullins',
      'Vaulx-en-Velin',
      'Villefranche-sur-Saône',
      'Tassin-la-Demi-Lune',
      'Rillieux-la-Pape',
      'Givors',
      'Meyzieu',
      'Décines-Charpieu',
      'Sainte-Foy-lès-Lyon',
    ],
  },
  {
    code: '38',
    of: "DE L'ISERE",
    headAccountant: "DDFIP DE L'ISERE",
    towns: [
      'Grenoble',
      'Vienne',
      'Échirolles',
      "Saint-Martin-d'Hères",
      'Bourgoin-Jallieu',
      'Voiron',
      'Le Pont-de-Claix',
      'Meylan',
      'Villefontaine',
      "L'Isle-d'Abeau",
    ],
  },
  {
    code: '01',
    of: "DE L'AIN",
    headAccountant: "DDFIP DE L'AIN",
    towns: [
      'Bourg-en-Bresse',
      'Oyonnax',
      'Ambérieu-en-Bugey',
      'Belley',
      'Saint-Genis-Pouilly',
      'Valserhône',
      'Miribel',
      'Trévoux',
    ],
  },
  {
    code: '42',
    of: 'DE LA LOIRE',
    headAccountant: 'DDFIP DE LA LOIRE',
    towns: ['Saint-Étienne', 'Roanne', 'Saint-Chamond', 'Firminy', 'Montbrison', 'Rive-de-Gier'],
  },
  {
    code: '73',
    of: 'DE LA SAVOIE',
    headAccountant: 'DDFIP DE LA SAVOIE',
    towns: [
      'Chambéry',
      'Aix-les-Bains',
      'Albertville',
      'Saint-Jean-de-Maurienne',
      'La Motte-Servolex',
    ],
  },
  {
    code: '74',
    of: 'DE LA HAUTE-SAVOIE',
    headAccountant: 'DDFIP DE LA HAUTE-SAVOIE',
    towns: ['Annecy', 'Annemasse', 'Thonon-les-Bains', 'Cluses', 'Sallanches', 'Rumilly'],
  },
  {
    code: '26',
    of: 'DE LA DROME',
    headAccountant: 'DDFIP DE LA DROME',
    towns: ['Valence', 'Montélimar', 'Romans-sur-Isère', 'Pierrelatte', 'Crest'],
  },
  {
    code: '75',
    of: 'DE PARIS',
    headAccountant: 'DRFIP ILE DE FRANCE ET PARIS',
    towns: ['Paris'],
  },
  {
    code: '92',
    of: 'DES HAUTS-DE-SEINE',
    headAccountant: 'DDFIP DES HAUTS-DE-SEINE',
    towns: ['Boulogne-Billancourt', 'Nanterre', 'Colombes', 'Courbevoie', 'Rueil-Malmaison'],
  },
  {
    code: '93',
    of: 'DE LA SEINE-SAINT-DENIS',
    headAccountant: 'DDFIP DE LA SEINE-SAINT-DENIS',
    towns: ['Saint-Denis', 'Montreuil', 'Aubervilliers', 'Bobigny', 'Pantin', 'Noisy-le-Grand'],
  },
  {
    code: '94',
    of: 'DU VAL-DE-MARNE',
    headAccountant: 'DDFIP DU VAL-DE-MARNE',
    towns: ['Créteil', 'Vitry-sur-Seine', 'Champigny-sur-Marne', 'Ivry-sur-Seine'],
  },
  {
    code: '13',
    of: 'DES BOUCHES-DU-RHONE',
    headAccountant: 'DRFIP PROVENCE ALPES COTE D AZUR ET BOUCHES DU RHONE',
    towns: ['Marseille', 'Aix-en-Provence', 'Arles', 'Martigues', 'Aubagne', 'Istres'],
  },
];

/** Upper case without accents, hyphens kept: "SAINT-GENIS-LAVAL". */
export function townUpper(town: string): string {
  return town
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
}

/** What a clerk types when in a hurry: "ST GENIS LAVAL", "STE FOY LES LYON". */
export function townShort(town: string): string {
  return townUpper(town)
    .replace(/'/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\bSAINTE\b/g, 'STE')
    .replace(/\bSAINT\b/g, 'ST');
}

/**
 * "DE VIENNE", "D'ECHIROLLES", "DU PONT-DE-CLAIX", "DE LA MOTTE-SERVOLEX": French
 * contracts the preposition with the town's article, and payers follow the official form.
 */
export function ofTown(town: string): string {
  const upper = townUpper(town);
  if (upper.startsWith('LE ')) return `DU ${upper.slice(3)}`;
  if (upper.startsWith('LES ')) return `DES ${upper.slice(4)}`;
  if (upper.startsWith('LA ')) return `DE ${upper}`;
  if (upper.startsWith("L'")) return `DE ${upper}`;
  if (/^[AEIOUY]/.test(upper)) return `D'${upper}`;
  return `DE ${upper}`;
}
