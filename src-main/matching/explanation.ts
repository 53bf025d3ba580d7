import { formatCentsEnglish, formatCentsFrench } from '../money/cents.js';
import type { Candidate } from './candidate.js';
import type { Hesitation } from './decide.js';
import type { CustomerRecord } from './open-items.js';

export type Language = 'en' | 'fr';

/**
 * The reasons behind a candidate, in sentences a clerk reads: what was found in the text,
 * how the amount compares, who paid and what speaks against it.
 */
export function explainCandidate(
  candidate: Candidate,
  customer: CustomerRecord | undefined,
  language: Language,
): string {
  const say = sentences[language];
  const evidence = candidate.evidence;
  const parts: string[] = [];
  if (evidence.referencedNumbers.length > 0) {
    const found = evidence.nearMiss ? say.nearReferences : say.references;
    parts.push(found(evidence.referencedNumbers));
  } else if ((evidence.settledNumbers?.length ?? 0) > 0) {
    parts.push(say.settledNumbers(evidence.settledNumbers ?? []));
  } else if ((evidence.unresolvedNumbers?.length ?? 0) > 0) {
    parts.push(say.unresolvedNumbers(evidence.unresolvedNumbers ?? []));
  } else parts.push(say.noReference);
  const count = candidate.lines.filter((line) =>
    ['invoice', 'partial', 'otherCompany', 'creditNote'].includes(line.kind),
  ).length;
  switch (evidence.gapKind) {
    case 'none':
      parts.push(say.exact(count));
      break;
    case 'partial':
      parts.push(say.partial(money[language](-evidence.gapCents)));
      if (evidence.shortfallLeftOpen === true) {
        parts.push(
          evidence.payerAbroad === false ? say.shortfallLeftOpen : say.shortfallUnknownAccount,
        );
      }
      break;
    default:
      parts.push(say.gap(evidence.gapKind, money[language](evidence.gapCents)));
  }
  const who = customer === undefined ? '?' : `${customer.name} (${customer.code})`;
  if (evidence.publicBodyOfAccountant === true) parts.push(say.publicBody(who));
  else if (evidence.payer === undefined) parts.push(say.payerUnknown(who));
  else parts.push(say.payer(evidence.payer.source, who));
  if (evidence.referenceShare === 0 && evidence.accountantPlace === true) parts.push(say.place);
  if (evidence.otherCompany) parts.push(say.otherCompany(customer?.companyCode ?? '?'));
  if (evidence.unexplainedReferences > 0)
    parts.push(say.unexplained(evidence.unexplainedReferences));
  if (evidence.sameAmountAlternatives > 0)
    parts.push(say.alternatives(evidence.sameAmountAlternatives));
  if (evidence.referenceShare === 0 && (evidence.chanceMatches ?? 0) >= 0.1) parts.push(say.chance);
  // The law's order holds only for a payment that names nothing.
  const namesNothing = (evidence.unresolvedNumbers?.length ?? 0) === 0 && !evidence.periodNamed;
  if (evidence.referenceShare === 0 && namesNothing && (evidence.youngerTwins ?? 0) > 0)
    parts.push(say.imputedOnOldest(evidence.youngerTwins ?? 0));
  if (evidence.ofMonthNamed === true) parts.push(say.ofMonthNamed);
  if (evidence.paidBeforeIssue) parts.push(say.beforeIssue);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** Why nothing was allocated automatically, when the best candidate was not enough. */
export function explainHesitation(
  hesitation: Hesitation,
  language: Language,
  settledNumbers: string[] = [],
): string {
  const say = sentences[language];
  switch (hesitation) {
    case 'paidTwice':
      // Nothing fits, and why: the invoice the payer named is settled already.
      return `${say.nothingFound.slice(0, -1)}; ${say.settledNumbers(settledNumbers)}`;
    case 'typoOrPart':
      return say.typoOrPart;
    case 'bodyUnknown':
      return say.bodyUnknown;
    case 'foreignCurrency':
      return say.foreignCurrency;
    case 'taxRefund':
      return say.taxRefund;
    case 'nothingFound':
      return say.nothingFound;
    case 'otherCompany':
      return say.needsClerkOtherCompany;
    case 'tooClose':
      return say.tooClose;
    case 'notSureEnough':
      return say.notSureEnough;
    case 'reversal':
      return say.reversal;
    case 'unknowable':
      return say.unknowable;
    case 'unresolvedNumber':
      return say.unresolvedNumber;
    case 'overpaid':
      return say.overpaid;
    case 'otherPayer':
      return say.otherPayer;
  }
}

const money = { en: formatCentsEnglish, fr: formatCentsFrench };

const sentences = {
  en: {
    references: (numbers: string[]) =>
      `invoice ${plural(numbers.length, 'number')} ${numbers.join(', ')} found in the text`,
    noReference: 'no invoice number in the text',
    unresolvedNumbers: (numbers: string[]) =>
      `the text names ${numbers.join(', ')}, none of these items`,
    settledNumbers: (numbers: string[]) =>
      `the text names ${numbers.join(', ')}, settled already: paid twice?`,
    nearReferences: (numbers: string[]) =>
      `a number one character away from ${numbers.join(', ')} in the text`,
    exact: (count: number) =>
      count > 1 ? `the ${count} items add up to the amount exactly` : 'the amount matches exactly',
    partial: (missing: string) => `partial payment, ${missing} left to pay`,
    gap: (kind: string, amount: string) =>
      `difference of ${amount} taken as ${gapNames.en[kind] ?? kind}`,
    payer: (source: string, who: string) =>
      `payer recognised as ${who} by ${payerSources.en[source] ?? source}`,
    payerUnknown: (who: string) => `payer not recognised; the invoices are ${who}'s`,
    publicBody: (who: string) =>
      `a public accountant paid, and the invoices are a public body's: ${who}`,
    place: 'the body bears the name of the place the accountant serves',
    otherCompany: (company: string) =>
      `the invoices belong to company ${company}, not to the account credited`,
    unexplained: (count: number) =>
      `${count} other ${plural(count, 'number')} in the text left aside`,
    alternatives: (count: number) =>
      `${count} other ${plural(count, 'set')} of items ${count > 1 ? 'give' : 'gives'} the same amount`,
    chance: 'among so many open items, an exact sum could be chance',
    imputedOnOldest: (count: number) =>
      `${count} later ${plural(count, 'item')} of the same amount left open: a payment that ` +
      'names no invoice settles the oldest due (Code civil, art. 1342-10)',
    ofMonthNamed: 'of the month the text names, not the oldest of identical invoices',
    beforeIssue: 'paid before an invoice date',
    nothingFound: 'No open invoice fits this receipt.',
    taxRefund:
      'A tax office pays the company its own taxes back (a VAT credit, a relief): ' +
      'no customer payment.',
    needsClerkOtherCompany: 'Paid to the wrong company of the group: a clerk decides.',
    tooClose: 'Several candidates are too close to choose automatically.',
    overpaid: 'The transfer pays more than the invoices: a clerk decides what the rest is.',
    otherPayer:
      'The payer is another customer than the one these invoices belong to: a clerk checks.',
    unknowable:
      'Other open items would fit as well and the text does not say which: a clerk chooses.',
    bodyUnknown:
      'A public accountant paid and nothing but a sum of invoices says for which body: ' +
      'a clerk confirms.',
    foreignCurrency:
      'Paid in another currency than the euro of the books: a clerk converts it and allocates.',
    unresolvedNumber: 'The payer wrote an invoice number: a clerk checks which invoice was meant.',
    typoOrPart:
      'The amount fits an invoice one character away from the number written, not the ' +
      'invoice written: a typo, or a part payment? A clerk checks.',
    notSureEnough: 'The best candidate is not sure enough to allocate automatically.',
    reversal: 'The bank reverses an earlier debit: no customer payment.',
    shortfallLeftOpen:
      'a transfer from a French account arrives whole, so the shortfall is no bank fee',
    shortfallUnknownAccount:
      'the statement does not say where the money came from, so the shortfall is left open, not taken for bank fees',
  },
  fr: {
    references: (numbers: string[]) =>
      `${plural(numbers.length, 'référence')} ${numbers.join(', ')} ` +
      `${plural(numbers.length, 'trouvée')} dans le libellé`,
    noReference: 'aucune référence de facture dans le libellé',
    unresolvedNumbers: (numbers: string[]) =>
      `le libellé cite ${numbers.join(', ')}, qui n’est aucune de ces pièces`,
    settledNumbers: (numbers: string[]) =>
      `le libellé cite ${numbers.join(', ')}, ` +
      `déjà ${plural(numbers.length, 'soldée')} : payé deux fois ?`,
    nearReferences: (numbers: string[]) =>
      `un numéro à un caractère près de ${numbers.join(', ')} dans le libellé`,
    exact: (count: number) =>
      count > 1 ? `les ${count} pièces font exactement le montant` : 'montant exact',
    partial: (missing: string) => `paiement partiel, reste ${missing}`,
    gap: (kind: string, amount: string) =>
      `écart de ${amount} traité en ${gapNames.fr[kind] ?? kind}`,
    payer: (source: string, who: string) =>
      `payeur reconnu : ${who}, par ${payerSources.fr[source] ?? source}`,
    payerUnknown: (who: string) => `payeur non reconnu ; factures de ${who}`,
    publicBody: (who: string) =>
      `payé par un comptable public ; factures d’un organisme public : ${who}`,
    place: 'l’organisme porte le nom du lieu que sert le comptable',
    otherCompany: (company: string) => `factures de la société ${company}, pas du compte crédité`,
    unexplained: (count: number) =>
      `${count} ${plural(count, 'autre')} ${plural(count, 'numéro')} du libellé ` +
      plural(count, 'écarté'),
    alternatives: (count: number) =>
      `${count} ${plural(count, 'autre')} ${plural(count, 'combinaison')} au même montant`,
    chance: 'parmi tant de pièces ouvertes, une somme exacte peut être un hasard',
    imputedOnOldest: (count: number) =>
      `${count} ${plural(count, 'pièce')} plus ${plural(count, 'récente')} du même montant ` +
      `${count > 1 ? 'restent ouvertes' : 'reste ouverte'} : un paiement sans référence ` +
      's’impute sur la dette échue la plus ancienne (art. 1342-10 du Code civil)',
    ofMonthNamed: 'du mois que nomme le libellé, et non la plus ancienne des factures identiques',
    beforeIssue: "payé avant la date d'une facture",
    nothingFound: 'Aucune facture ouverte ne correspond à cet encaissement.',
    taxRefund:
      'Un service des impôts rembourse à la société ses propres impôts (crédit de TVA, ' +
      'dégrèvement) : pas un règlement client.',
    needsClerkOtherCompany: 'Payé sur le compte d’une autre société du groupe : à valider.',
    tooClose: 'Plusieurs candidats trop proches pour choisir automatiquement.',
    overpaid: 'Le virement dépasse les factures : le surplus est à qualifier.',
    otherPayer: 'Le payeur est un autre client que celui de ces factures : à vérifier.',
    unknowable:
      'D’autres pièces conviendraient aussi et le libellé ne dit pas lesquelles : à choisir.',
    bodyUnknown:
      'Un comptable public a payé et seule une somme de factures dit pour quel organisme : ' +
      'à confirmer.',
    foreignCurrency:
      'Payé dans une autre devise que l’euro de la comptabilité : à convertir puis imputer.',
    unresolvedNumber: 'Le payeur cite un numéro de facture : vérifier quelle facture il vise.',
    typoOrPart:
      'Le montant correspond à une facture à un caractère près du numéro cité, pas à la ' +
      'facture citée : faute de frappe ou acompte ? À vérifier.',
    notSureEnough: 'Le meilleur candidat n’est pas assez sûr pour une affectation automatique.',
    reversal: 'La banque annule un débit antérieur : pas un règlement client.',
    shortfallLeftOpen:
      'un virement d’un compte français arrive entier : l’écart n’est pas un frais bancaire',
    shortfallUnknownAccount:
      'le relevé ne dit pas d’où vient l’argent : l’écart reste ouvert, il n’est pas pris pour des frais bancaires',
  },
};

const gapNames: Record<Language, Record<string, string>> = {
  en: {
    writeOff: 'a write-off',
    bankFee: 'bank fees',
    priceRevision: 'a price revision',
    overpaid: 'a payment on account',
  },
  fr: {
    writeOff: 'perte/profit',
    bankFee: 'frais bancaires',
    priceRevision: 'révision de prix',
    overpaid: 'acompte',
  },
};

const payerSources: Record<Language, Record<string, string>> = {
  en: {
    iban: 'IBAN',
    name: 'name',
    text: 'its name in the text',
    accountant: 'the public accountant who paid for it before',
    siren: 'its SIRET or SIREN in the text',
  },
  fr: {
    iban: 'IBAN',
    name: 'nom',
    text: 'son nom dans le libellé',
    accountant: 'le comptable public qui a déjà payé pour lui',
    siren: 'son SIRET ou SIREN dans le libellé',
  },
};

// Both languages here make their plurals with an s.
function plural(count: number, word: string): string {
  return count > 1 ? `${word}s` : word;
}
