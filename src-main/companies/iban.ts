/** IBAN helpers: normalise, validate the ISO 13616 check digits, derive the French RIB. */

/** Upper case, without spaces or separators: the form stored and compared everywhere. */
export function normalizeIban(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** True when the text is an IBAN whose mod-97 check holds. */
export function isValidIban(text: string): boolean {
  const iban = normalizeIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = character >= 'A' ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export interface FrenchRib {
  bankCode: string;
  branchCode: string;
  accountNumber: string;
}

/**
 * The bank, branch and account number inside a French (or Monaco) IBAN, which is how a
 * CFONB 120 statement names the account.
 */
export function ribFromIban(iban: string): FrenchRib | undefined {
  const normalized = normalizeIban(iban);
  if (!/^(FR|MC)\d{2}\d{10}[A-Z0-9]{11}\d{2}$/.test(normalized)) return undefined;
  return {
    bankCode: normalized.slice(4, 9),
    branchCode: normalized.slice(9, 14),
    accountNumber: normalized.slice(14, 25),
  };
}
