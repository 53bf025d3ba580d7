import { nameTokens } from './name-tokens.js';
import { normalizeText } from './normalize-text.js';

// Names under which the French public accountants (DGFiP network) send transfers.
const accountantPatterns = [
  /\bD[RD]FIP\b/,
  /\bDGFIP\b/,
  /\bSGC\b/,
  /\bTRESORERIE\b/,
  /\bTRESOR PUBLIC\b/,
  /\bTRESOR\b/,
  /\bPAIERIE\b/,
  /\bPAIEUR\b/,
  /\bRECETTE DES FINANCES\b/,
  /\bCOMPTABLE PUBLIC\b/,
  /\bAGENT COMPTABLE\b/,
  // "SERVICE DE GESTION COMPTABLE", written without its "DE" or cut ("SERVICE GESTION COMPTA").
  /\bSERVICES? (DE )?GESTION COMPTA/,
  /\bFINANCES PUBLIQUES\b/,
  // The tax offices of the network: they refund the company, they pay for no body.
  /\bSIE\b/,
  /\bSIP\b/,
  /\bSERVICE DES IMPOTS\b/,
  /\bDIR(ECTION)? (REG(IONALE)?|DEP(ARTEMENTALE)?)\b.*\bFINANCES\b/,
];

/** True when the payer is a public accountant paying on behalf of public bodies. */
export function isPublicAccountant(payerName: string | undefined): boolean {
  if (payerName === undefined || payerName === '') return false;
  const normalized = withAcronymsJoined(payerName);
  return accountantPatterns.some((pattern) => pattern.test(normalized));
}

// The tax offices of the same network refund the company its own taxes (a VAT credit, a
// relief): money paid to the company, for no body.
const taxRefundWords = new RegExp(
  '\\b(SIE|SIP|TVA|IMPOTS?|CFE|CVAE|DEGREVEMENT|RESTITUTION|CREDIT D IMPOT|CRED(IT)? (D )?IS|' +
    'CICE|CIR)\\b',
);

/** True when a public accountant's transfer is a refund of the company's own taxes. */
export function isTaxRefund(text: string): boolean {
  return taxRefundWords.test(withAcronymsJoined(text));
}

/**
 * True when the name is a tax office's ("SIE DE CHOLET", "SERVICE DES IMPOTS DES
 * ENTREPRISES"): what it sends the company is its own taxes back, unless it names an invoice.
 */
export function isTaxOffice(name: string): boolean {
  return /\b(SIE|SIP|SERVICE DES IMPOTS)\b/.test(withAcronymsJoined(name));
}

/** True when a text speaks of money given back ("REMBOURSEMENT CREDIT TVA", "RBT"). */
export function speaksOfRefund(text: string): boolean {
  // A bank's label cuts words short: "REMBOURSEM".
  return /\b(REMBOU\w*|REMBT|REMB|RBT|RESTITUTION|DEGREVEMENT|CREDIT (DE )?TVA)\b/.test(
    normalizeText(text),
  );
}

// Words of accountants' names that say what they are, not where they are.
const accountantWords = new Set([
  ...['SGC', 'DGFIP', 'DRFIP', 'DDFIP', 'TRESORERIE', 'TRESOR', 'PUBLIC', 'PUBLIQUES'],
  ...['PAIERIE', 'PAIEUR', 'DEPARTEMENT', 'DEPARTEMENTALE', 'REGIONALE', 'REGION'],
  ...['HOSPITALIER', 'HOSPITALIERE', 'MUNICIPALE', 'SERVICE', 'SERVICES', 'GESTION'],
  ...['COMPTABLE', 'COMPTA', 'FINANCES', 'RECETTE', 'AGENT', 'DIRECTION', 'GENERALE'],
  ...['METROPOLE', 'VIR', 'SEPA', 'SAINT', 'SAINTE', 'SAINTS', 'AMENDES', 'PAYS'],
]);

/**
 * The place a public accountant's name gives ("SGC DE CHOLET": CHOLET; "PAIERIE
 * DEPARTEMENTALE DE LA SARTHE": SARTHE), as name tokens: the bodies it pays for are mostly
 * there, and many carry it in their names ("COMMUNE DE CHOLET").
 */
export function accountantPlaceWords(payerName: string): string[] {
  return nameTokens(payerName).filter(
    (token) => token.length >= 3 && !/\d/.test(token) && !accountantWords.has(token),
  );
}

const bodyPatterns = [
  /\b(COMMUNE|CNE|MAIRIE|VILLE)\b/,
  /\b(CENTRE HOSPITALIER|CH|CHU|CHR|HOPITAL|EHPAD|GHT)\b/,
  /\b(COLLEGE|LYCEE|ECOLE|UNIVERSITE|CROUS)\b/,
  /\b(DEPARTEMENT|CONSEIL DEPARTEMENTAL|REGION|CONSEIL REGIONAL|PREFECTURE)\b/,
  /\b(CCAS|CIAS|SIVOM|SIVU|SIVOS|SYNDICAT|SMICTOM|SDIS)\b/,
  /\b(COMMUNAUTE|METROPOLE|AGGLOMERATION|INTERCOMMUNAL)\b/,
  /\bOFFICE PUBLIC\b|\bOPH\b|\bETABLISSEMENT PUBLIC\b/,
];

// A company's legal form: "SARL LA COMMUNE GOURMANDE" is no commune.
const privateLegalForms = /\b(SARL|SAS|SASU|SA|EURL|SNC|SCI|SCOP|SELARL|GIE|EI|EIRL)\b/;

/** True when a customer's name is that of a French public body. */
export function isPublicBodyName(name: string): boolean {
  const normalized = withAcronymsJoined(name);
  if (privateLegalForms.test(normalized)) return false;
  return bodyPatterns.some((pattern) => pattern.test(normalized));
}

/** The normalized text with acronyms written with dots joined again: "S.I.E." is "SIE". */
function withAcronymsJoined(text: string): string {
  return normalizeText(text).replace(/\b[A-Z](?: [A-Z]\b)+/g, (letters) =>
    letters.replace(/ /g, ''),
  );
}
