import type { Random } from './random.js';

/**
 * Valid French and foreign bank identifiers and company numbers. They are checked by real
 * parsers (IBAN mod 97, RIB key, SIREN Luhn), so they must be right, not just look right.
 */

/** The parts of a French RIB, which CFONB 120 statements carry instead of an IBAN. */
export interface Rib {
  bankCode: string;
  branchCode: string;
  accountNumber: string;
  key: string;
}

/** RIB letters stand for digits in groups of nine (A and J are 1, ..., I and R are 9). */
function ribDigit(character: string): number {
  if (/\d/.test(character)) return Number(character);
  const code = character.charCodeAt(0) - 65;
  if (code < 9) return code + 1;
  if (code < 18) return code - 8;
  return code - 16;
}

function ribNumber(text: string): number {
  let value = 0;
  for (const character of text) value = value * 10 + ribDigit(character);
  return value;
}

/** The two-digit RIB key: 97 - ((89 bank + 15 branch + 3 account) mod 97). */
export function ribKey(bankCode: string, branchCode: string, accountNumber: string): string {
  const weighted =
    89 * ribNumber(bankCode) + 15 * ribNumber(branchCode) + 3 * ribNumber(accountNumber);
  return String(97 - (weighted % 97)).padStart(2, '0');
}

/** Remainder modulo 97 of a long decimal string, read in chunks small enough for a double. */
function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  }
  return remainder;
}

/** An IBAN from a country code and its BBAN, with the ISO 13616 check digits. */
export function ibanFromBban(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.toUpperCase();
  let digits = '';
  for (const character of rearranged) {
    digits += /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
  }
  const check = String(98 - mod97(digits)).padStart(2, '0');
  return `${country}${check}${bban}`;
}

/** A French RIB with a random account at a given bank and branch. */
export function makeRib(bankCode: string, branchCode: string, accountNumber: string): Rib {
  return { bankCode, branchCode, accountNumber, key: ribKey(bankCode, branchCode, accountNumber) };
}

/** The FR76 IBAN of a RIB. */
export function ibanFromRib(rib: Rib): string {
  return ibanFromBban('FR', `${rib.bankCode}${rib.branchCode}${rib.accountNumber}${rib.key}`);
}

/** Codes of French banks customers really bank with; the payer IBAN varies by bank. */
const frenchBankCodes = [
  '30003',
  '30004',
  '30002',
  '10107',
  '30066',
  '10278',
  '17806',
  '13825',
  '16807',
  '42559',
  '20041',
  '18706',
  '11315',
];

/** A French IBAN at a random bank, as a private customer pays from. */
export function randomFrenchIban(random: Random): string {
  const rib = makeRib(random.pick(frenchBankCodes), random.digits(5), random.digits(11));
  return ibanFromRib(rib);
}

/** Foreign IBANs of neighbouring countries; the BBAN lengths are the national ones. */
const foreignLayouts: Record<string, number> = { BE: 12, DE: 18, CH: 17, LU: 16, ES: 20, NL: 14 };

/** A foreign customer's IBAN (Belgium, Germany, Switzerland...). */
export function randomForeignIban(random: Random, country: string): string {
  const length = foreignLayouts[country] ?? 16;
  if (country === 'NL')
    return ibanFromBban('NL', `${random.pick(['ABNA', 'RABO', 'INGB'])}${random.digits(10)}`);
  return ibanFromBban(country, random.digits(length));
}

/** Countries foreign customers come from, with the IBAN layouts above. */
export const foreignCountries = Object.keys(foreignLayouts);

/** True when the Luhn sum of the digits is a multiple of ten (SIREN and SIRET). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Appends the one digit that makes `stem` Luhn-valid. */
function withLuhnDigit(stem: string): string {
  for (let digit = 0; digit < 10; digit += 1) {
    if (luhnValid(`${stem}${digit}`)) return `${stem}${digit}`;
  }
  throw new Error(`no Luhn digit for ${stem}`);
}

/** A valid nine-digit SIREN, never starting with 0. */
export function randomSiren(random: Random): string {
  return withLuhnDigit(`${random.int(1, 9)}${random.digits(7)}`);
}

/** A valid SIRET of the establishment numbered `establishment` of a SIREN. */
export function siretOf(siren: string, establishment: number): string {
  return withLuhnDigit(`${siren}${String(establishment).padStart(4, '0')}`);
}

/** "FR76 3000 1007 ..." grouped by four, as payers sometimes type an IBAN. */
export function groupedIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
