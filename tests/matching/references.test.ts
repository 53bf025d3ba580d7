import { describe, expect, it } from 'vitest';
import { findNearReferences } from '../../src-main/matching/near-references.js';
import type { OpenItem } from '../../src-main/matching/open-items.js';
import { ReferenceIndex } from '../../src-main/matching/reference-index.js';

function item(id: number, number: string): OpenItem {
  return {
    id,
    companyId: 1,
    companyCode: 'C01',
    customerId: 1,
    number,
    kind: 'invoice',
    issueDate: '2026-10-01',
    dueDate: null,
    remainingCents: 10_000,
  };
}

const found = (hits: Array<{ item: OpenItem }>) => hits.map((hit) => hit.item.number).sort();

describe('references in remittance text', () => {
  const index = new ReferenceIndex([
    item(1, 'FA2026-000123'),
    item(2, '2026-0815'),
    item(3, 'F26/04512'),
    item(4, '20260815'),
  ]);

  it('finds a number cut across two complements, glued, or with its zeros dropped', () => {
    expect(found(index.find('REGLT FA2026-0001 23'))).toEqual(['FA2026-000123']);
    expect(found(index.find('FACTFA2026000123'))).toEqual(['FA2026-000123']);
    expect(found(index.find('FA2026-123 MERCI'))).toEqual(['FA2026-000123']);
    expect(found(index.find('f26 04512'))).toEqual(['F26/04512']);
    expect(found(index.find('REGLT FACT FA2026123'))).toEqual(['FA2026-000123']);
    expect(found(new ReferenceIndex([item(8, 'FA-2026-0815')]).find('FACTURE 2026-0815'))).toEqual([
      'FA-2026-0815',
    ]);
    expect(found(new ReferenceIndex([item(9, 'FA2026000170')]).find('FACT FA2026170'))).toEqual([
      'FA2026000170',
    ]);
  });

  it('never takes a number out of a longer run of digits', () => {
    expect(found(index.find('MANDAT 202608150 BORD 12'))).toEqual([]);
    expect(found(index.find('SIRET 120260815'))).toEqual([]);
  });

  it('never takes a mandate, batch or SIRET number for an invoice written the same', () => {
    const digits = new ReferenceIndex([item(5, '001346'), item(6, '004471')]);
    expect(found(digits.find('VIR DGFIP MANDAT N 001346 DU 10/10/2026 BORDEREAU 523'))).toEqual([]);
    expect(found(digits.find('/MDT/001346/BRD/004471/'))).toEqual([]);
    expect(found(digits.find('MANDATS 001346 004471'))).toEqual([]);
    expect(found(digits.find('MANDAT 2026 4471 FACTURE 001346'))).toEqual(['001346']);
    expect(found(digits.find('REGLEMENT 001346 MANDAT 4471'))).toEqual(['001346']);
    // After the batch's own number comes the invoice's.
    expect(found(digits.find('MDT 23042 BRD 534 001346 SIRET 82348917400081'))).toEqual(['001346']);
    expect(found(digits.find('MANDAT 2026 001346 BORD 778'))).toEqual([]);
    const dated = new ReferenceIndex([item(7, '2026/02836'), item(8, 'V26-3017')]);
    expect(found(dated.find('MDT 47897 BRD 2015 2026/02836 SIRET 52714776300058'))).toEqual([
      '2026/02836',
    ]);
    expect(found(dated.find('MDT 81084 BRD 2054 V26-3017'))).toEqual(['V26-3017']);
    expect(found(digits.find('MDT001346'))).toEqual([]);
    expect(found(digits.find('MANDAT001346'))).toEqual([]);
  });

  it('gives a number written alone a better quality than one glued to other text', () => {
    const [alone] = index.find('FACTURE FA2026-000123');
    const [glued] = index.find('FACTUREFA2026000123X');
    expect(alone!.quality).toBe(1);
    expect(glued!.quality).toBeLessThan(1);
  });
});

describe('near references', () => {
  const items = [item(1, 'INV017310'), item(2, 'FACT 2026 1049')];

  it('finds a number with one typed digit wrong, two digits swapped, or an OCR look-alike', () => {
    expect(found(findNearReferences('PAIEMENT INV017311', items))).toEqual(['INV017310']);
    expect(found(findNearReferences('PAIEMENT INV017013', items))).toEqual([]);
    expect(found(findNearReferences('FACT 2026 1094', items))).toEqual(['FACT 2026 1049']);
    expect(found(findNearReferences('INVO17310', items))).toEqual(['INV017310']);
  });

  it("finds a known customer's invoice by its sequence number alone", () => {
    const own = [item(1, 'FA2026-000170'), item(2, 'FA2026-000180')];
    expect(found(findNearReferences('M DURAND FACTURE N 170', own))).toEqual(['FA2026-000170']);
    expect(found(findNearReferences('M DURAND 1700 EUR', own))).toEqual([]);
    expect(found(findNearReferences('REGLEMENT FACTURE 000180', own))).toEqual(['FA2026-000180']);
  });

  it('does not take a mandate or order number for an invoice one mistake away', () => {
    const items = [item(5, '001347'), item(6, '001500')];
    expect(findNearReferences('VIR DGFIP MANDAT N 001346 BORDEREAU 523', items)).toEqual([]);
    for (const word of ['COMMANDE', 'ORDRE', 'BDC', 'BC', 'PO', 'P.O.', 'PURCHASE ORDER', 'BDX']) {
      expect(findNearReferences(`${word} 001501`, items), word).toEqual([]);
    }
    expect(findNearReferences('MDT001346', items)).toEqual([]);
    expect(found(findNearReferences('MANDAT 4471 FACTURE 001346', items))).toEqual(['001347']);
  });

  it('does not take a number with two mistakes, or a letter that looks like no digit', () => {
    expect(found(findNearReferences('INV017399', items))).toEqual([]);
    expect(found(findNearReferences('INV0173X0', items))).toEqual([]);
  });
});
