import { describe, expect, it } from 'vitest';
import {
  invoiceNumbersNamed,
  NumberingPatterns,
} from '../../src-main/matching/numbering-patterns.js';
import type { OpenItem } from '../../src-main/matching/open-items.js';

function items(companyId: number, numbers: string[]): OpenItem[] {
  return numbers.map((number, index) => ({
    id: companyId * 1000 + index,
    companyId,
    companyCode: `C0${companyId}`,
    customerId: 1,
    number,
    kind: 'invoice',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    remainingCents: 10_000,
  }));
}

describe('numbering patterns', () => {
  const patterns = new NumberingPatterns([
    ...items(1, ['FA2026-000123', 'FA2026-000456', 'FA2026-001789']),
    ...items(2, ['2026-3366', '2026-3401', '2026-3512']),
    ...items(3, ['INV028395', 'INV028597']),
  ]);

  it('finds numbers written in the shape of a company’s invoice numbers, typos included', () => {
    expect(patterns.numbersIn('VIR FACT FA2026-000999 MERCI', 1)).toEqual(['FA2026 000999']);
    expect(patterns.numbersIn('REGLEMENT FA 2026 000124', 1)).toEqual(['FA 2026 000124']);
    expect(patterns.numbersIn('FACTURE INV028359', 3)).toEqual(['INV028359']);
    expect(patterns.numbersIn('REF 2026-3999', 2)).toEqual(['2026 3999']);
  });

  it('reads the shape through the typing slips of a hand-written number', () => {
    expect(patterns.numbersIn('FA2O26-000777', 1)).toEqual(['FA2026 000777']);
    expect(patterns.numbersIn('FACT FA2026-0777', 1)).toEqual(['FA2026 0777']);
    expect(patterns.numbersIn('FA2026-0007771', 1)).toEqual(['FA2026 0007771']);
  });

  it('reads a number of a numbering of digits alone, its padding zeros dropped or not', () => {
    const digits = new NumberingPatterns(items(4, ['001385', '001463', '001490']));
    expect(digits.numbersIn('PAIEMENT PARTIEL 1463', 4)).toEqual(['1463']);
    expect(digits.numbersIn('PAIEMENT 001636', 4)).toEqual(['001636']);
    // Far from the range the company's invoices span, or a mandate: something else.
    expect(digits.numbersIn('PAIEMENT 987654', 4)).toEqual([]);
    expect(digits.numbersIn('MANDAT 001470', 4)).toEqual([]);
  });

  it('leaves a mandate number alone after a word for number or in a list of mandates', () => {
    const digits = new NumberingPatterns(items(4, ['001385', '001463', '001490']));
    expect(digits.numbersIn('VIR DGFIP MANDAT N 1186 DU 16/10/2026 BORDEREAU 784', 4)).toEqual([]);
    expect(digits.numbersIn('MANDATS 001470 001471', 4)).toEqual([]);
    expect(digits.numbersIn('MANDAT NO 1450 FACTURE 1463', 4)).toEqual(['1463']);
  });

  it('takes any number after a word for invoice as an invoice number, but not a year', () => {
    expect(invoiceNumbersNamed('FACTURE N 777')).toEqual(['777']);
    expect(invoiceNumbersNamed('N FACTURE 000777 DU 10/09')).toEqual(['000777']);
    expect(invoiceNumbersNamed('REGLEMENT FACTURE 2026-000777')).toEqual(['2026 000777']);
    expect(invoiceNumbersNamed('PAYMENT INVOICE NO 4471')).toEqual(['4471']);
    expect(invoiceNumbersNamed('REGLEMENT FACTURES 2026')).toEqual([]);
    expect(invoiceNumbersNamed('MANDAT N 6785 BORD 12')).toEqual([]);
  });

  it('leaves mandate, batch and SIRET numbers, and numbers of another shape, alone', () => {
    expect(patterns.numbersIn('MANDAT 2026-3366 BORD 2026-3401', 2)).toEqual([]);
    expect(patterns.numbersIn('MANDAT 2026 00045123 BORD 778', 2)).toEqual([]);
    expect(patterns.numbersIn('SIRET 75317881300261', 2)).toEqual([]);
    expect(patterns.numbersIn('VIR FACT FA2026-000999', 3)).toEqual([]);
    // Digits alone must keep their separator, or any eight-digit number would look like one.
    expect(patterns.numbersIn('REF 20263999', 2)).toEqual([]);
  });
});
