/**
 * IBAN lengths per country for the SEPA area, from the SWIFT IBAN registry. They keep SEPA
 * creditor identifiers (DE98ZZZ09999999999), which share the IBAN's first four characters,
 * from passing for an account.
 */
const lengthByCountry = new Map(
  (
    'AD24 AT20 BE16 BG22 CH21 CY28 CZ24 DE22 DK18 EE20 ES24 FI18 FO18 FR27 GB22 GI23 GL18 GR27 ' +
    'HR21 HU28 IE22 IS26 IT27 LI21 LT20 LU20 LV21 MC27 MT31 NL18 NO15 PL28 PT25 RO24 SE24 SI19 ' +
    'SK24 SM27 VA22'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))] as const),
);

const shape = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Removes the spaces a bank or a clerk puts between IBAN groups and upper-cases the rest. */
export function compactIban(text: string): string {
  return text.replace(/[\s\u00a0]/g, '').toUpperCase();
}

/**
 * True when the text has the shape of an IBAN: country, two check digits, and a BBAN of the
 * country's length. The check digits are not verified on purpose: published sample files carry
 * made-up IBANs, and a wrong check digit is for the matching to weigh, not for a parser to hide.
 */
export function looksLikeIban(text: string): boolean {
  const iban = compactIban(text);
  if (!shape.test(iban)) return false;
  const expected = lengthByCountry.get(iban.slice(0, 2));
  return expected === undefined || iban.length === expected;
}
