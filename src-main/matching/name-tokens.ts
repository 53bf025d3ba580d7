import { normalizeText } from './normalize-text.js';

// Abbreviations payers and banks use for the same words, mapped to one spelling.
const synonyms: Record<string, string[]> = {
  CNE: ['COMMUNE'],
  COMM: ['COMMUNE'],
  MAIRIE: ['COMMUNE'],
  VILLE: ['COMMUNE'],
  ST: ['SAINT'],
  STE: ['SAINTE'],
  STS: ['SAINTS'],
  CH: ['CENTRE', 'HOSPITALIER'],
  CHU: ['CENTRE', 'HOSPITALIER', 'UNIVERSITAIRE'],
  CHR: ['CENTRE', 'HOSPITALIER', 'REGIONAL'],
  CTRE: ['CENTRE'],
  CLG: ['COLLEGE'],
  COLL: ['COLLEGE'],
  LYC: ['LYCEE'],
  HOP: ['HOPITAL'],
  BD: ['BOULEVARD'],
  AV: ['AVENUE'],
  HOSP: ['HOSPITALIER'],
  DEPT: ['DEPARTEMENT'],
  DPT: ['DEPARTEMENT'],
  DEP: ['DEPARTEMENT'],
  DEPARTEMENTAL: ['DEPARTEMENT'],
  CD: ['DEPARTEMENT'],
  CC: ['COMMUNAUTE', 'COMMUNES'],
  CCOM: ['COMMUNAUTE', 'COMMUNES'],
  COMMUNAUTE: ['COMMUNAUTE'],
  AGGLO: ['AGGLOMERATION'],
  CA: ['COMMUNAUTE', 'AGGLOMERATION'],
  ETAB: ['ETABLISSEMENT'],
  ASSOC: ['ASSOCIATION'],
  ASS: ['ASSOCIATION'],
  INTERCO: ['INTERCOMMUNAL'],
  UNIV: ['UNIVERSITE'],
  GPE: ['GROUPE'],
  INTL: ['INTERNATIONAL'],
};

// Legal forms and filler words say nothing about who the payer is.
const ignored = new Set([
  'SARL',
  'SAS',
  'SASU',
  'SA',
  'EURL',
  'SCI',
  'SNC',
  'SCOP',
  'SELARL',
  'SCM',
  'GIE',
  'EI',
  'SOCIETE',
  'STE',
  'ETS',
  'ETABLISSEMENTS',
  'CIE',
  'COMPAGNIE',
  'ET',
  'DE',
  'DU',
  'DES',
  'LA',
  'LE',
  'LES',
  'L',
  'D',
  'AU',
  'AUX',
  'EN',
  'SUR',
  'SOUS',
  'A',
  'CONSEIL',
  'M',
  'MR',
  'MME',
  'MLLE',
]);

/**
 * The words that identify a name: accents, case and punctuation dropped, abbreviations
 * spelled out, legal forms and articles removed. "STE DUPONT & FILS SARL" and "Dupont et
 * Fils" give the same tokens.
 */
export function nameTokens(name: string): string[] {
  const words = joinSpelledLetters(
    normalizeText(name)
      .split(' ')
      .filter((word) => word !== ''),
  );
  const tokens: string[] = [];
  for (const [position, word] of words.entries()) {
    // "STE" first is a company ("Société"); elsewhere, as in "STE MARIE", a saint.
    if (word === 'STE' && position === 0 && words.length > 1) continue;
    const expanded = synonyms[word];
    if (expanded !== undefined) {
      tokens.push(...expanded);
      continue;
    }
    if (ignored.has(word)) continue;
    tokens.push(word);
  }
  return tokens;
}

// "C C A S" is how some payers write CCAS: runs of single letters make one word.
function joinSpelledLetters(words: string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.length === 1 && /[A-Z]/.test(word)) {
      run += word;
      continue;
    }
    if (run !== '') joined.push(run);
    run = '';
    joined.push(word);
  }
  if (run !== '') joined.push(run);
  return joined;
}
