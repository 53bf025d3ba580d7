import { describe, expect, it } from 'vitest';
import { allocationsToCsv } from '../../src-main/matching/allocations-csv.js';
import type { ExportedReceipt } from '../../src-main/matching/allocations-export.js';

const receipt: ExportedReceipt = {
  id: 7,
  company: 'C01',
  source: { file: 'releve.xml', index: 3 },
  bookingDate: '2026-11-16',
  amount: '1200.00',
  currency: 'EUR',
  payer: { name: '=HYPERLINK("http://127.0.0.1/x","clic")', iban: null },
  remittance: 'FACT F-1, "urgent"',
  status: 'auto',
  confidence: 0.99,
  allocations: [
    { company: 'C01', invoice: 'F-1', customer: '411A', amount: '1215.00', kind: 'invoice' },
    { company: 'C01', invoice: 'F-1', customer: '411A', amount: '-15.00', kind: 'bankFee' },
  ],
  proposals: [],
  explanation: 'invoice number F-1 found in the text',
};

describe('allocations CSV', () => {
  it('writes a row per line, quotes what needs it, and keeps bank text from being a formula', () => {
    const lines = allocationsToCsv([receipt]).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      `7,C01,releve.xml,3,2026-11-16,1200.00,EUR,"'=HYPERLINK(""http://127.0.0.1/x"",""clic"")",,auto,0.9900,` +
        'C01,F-1,411A,1215.00,invoice,invoice number F-1 found in the text,"FACT F-1, ""urgent"""',
    );
    expect(lines[2]).toContain(',-15.00,bankFee,');
  });
});
