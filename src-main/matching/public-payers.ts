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
  /\bSERVICE DE GESTION COMPTABLE\b/,
  /\bFINANCES PUBLIQUES\b/,
  /\bDIR(ECTION)? (REG(IONALE)?|DEP(ARTEMENTALE)?)\b.*\bFINANCES\b/,
];

/** True when the payer is a public accountant paying on behalf of public bodies. */
export function isPublicAccountant(payerName: string | undefined): boolean {
  if (payerName === undefined || payerName === '') return false;
  const normalized = normalizeText(payerName);
  return accountantPatterns.some((pattern) => pattern.test(normalized));
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

/** True when a customer's name is that of a French public body. */
export function isPublicBodyName(name: string): boolean {
  const normalized = normalizeText(name);
  return bodyPatterns.some((pattern) => pattern.test(normalized));
}
