import type { Language } from '../matching/explanation.js';
import { LettraError, type ErrorCode } from './lettra-error.js';

const headlines: Record<ErrorCode, Record<Language, string>> = {
  'file.notFound': { en: 'File not found', fr: 'Fichier introuvable' },
  'file.unreadable': { en: 'The file cannot be read', fr: 'Le fichier est illisible' },
  'file.unknownFormat': { en: 'Unknown file format', fr: 'Format de fichier inconnu' },
  'file.empty': { en: 'The file is empty', fr: 'Le fichier est vide' },
  'input.malformed': { en: 'Malformed input', fr: 'Donnée mal formée' },
  'input.missingField': { en: 'A required field is missing', fr: 'Un champ obligatoire manque' },
  'input.badAmount': { en: 'Invalid amount', fr: 'Montant invalide' },
  'input.badDate': { en: 'Invalid date', fr: 'Date invalide' },
  'input.badCurrency': { en: 'Invalid currency', fr: 'Devise invalide' },
  'company.unknown': { en: 'Unknown company', fr: 'Société inconnue' },
  'company.duplicate': { en: 'Already registered', fr: 'Déjà enregistré' },
  'company.badIban': { en: 'Invalid IBAN', fr: 'IBAN invalide' },
  'account.unknown': { en: 'Unknown bank account', fr: 'Compte bancaire inconnu' },
  'database.newerVersion': {
    en: 'The database comes from a newer Lettra',
    fr: 'La base vient d’une version plus récente de Lettra',
  },
  'database.unreadable': {
    en: 'The database cannot be opened',
    fr: 'La base ne peut pas être ouverte',
  },
  'ledger.older': {
    en: 'This ledger is older than the last one imported',
    fr: 'Ce grand livre est plus ancien que le dernier importé',
  },
  'ledger.ownBatch': {
    en: 'This file is a batch Lettra exported, not the accounting’s ledger',
    fr: 'Ce fichier est un lot exporté par Lettra, pas le grand livre de la comptabilité',
  },
  'accounting.amountTooLarge': {
    en: 'Amounts too large to be counted exactly',
    fr: 'Montants trop grands pour être comptés exactement',
  },
  'accounting.badSetting': {
    en: 'Invalid posting setting',
    fr: 'Paramètre de comptabilisation invalide',
  },
  'accounting.batchAltered': {
    en: 'An exported batch no longer matches its file',
    fr: 'Un lot exporté ne correspond plus à son fichier',
  },
  'accounting.nothingToUndo': {
    en: 'Nothing to undo on this receipt',
    fr: 'Rien à annuler sur cet encaissement',
  },
  'accounting.unknownBatch': { en: 'Unknown export batch', fr: 'Lot d’export inconnu' },
  'accounting.unknownInvoice': { en: 'Unknown invoice', fr: 'Facture inconnue' },
  'accounting.unknownTransaction': {
    en: 'Unknown bank transaction',
    fr: 'Opération bancaire inconnue',
  },
  'customer.unknown': { en: 'Unknown customer', fr: 'Client inconnu' },
  'matching.badSetting': {
    en: 'Invalid matching setting',
    fr: 'Paramètre de rapprochement invalide',
  },
  usage: { en: 'Wrong command', fr: 'Commande incorrecte' },
};

/**
 * The sentence a clerk reads for an expected failure: a headline in the clerk's language,
 * then the details, which name the file, the line and the field.
 */
export function describeError(error: unknown, language: Language = 'en'): string {
  if (error instanceof LettraError) return `${headlines[error.code][language]}. ${error.message}`;
  return String(error instanceof Error ? error.message : error);
}
