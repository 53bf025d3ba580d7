import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBatch, listBatches, rewriteBatch } from '../../src-main/accounting/export-batch.js';
import { fecBatchColumns } from '../../src-main/accounting/fec-batch.js';
import { parseFec } from '../../src-main/imports/fec.js';
import { accountingGroup, acme, martin } from './accounting-fixture.js';

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

const now = new Date('2026-11-18T17:30:00Z');

async function group() {
  const created = await accountingGroup([
    { ...acme, number: 'F1', amount: '1234.56' },
    { ...martin, number: 'M1', amount: '1000.00' },
    { ...martin, number: 'M2', amount: '80.00' },
  ]);
  disposers.push(created.dispose);
  return created;
}

describe('export batches', () => {
  it('writes the FEC layout: 18 tab-separated columns, comma decimals, YYYYMMDD dates, lettrage', async () => {
    const { store, arrive, validate, post } = await group();
    const [id] = arrive([{ amount: '1234.56', payerName: 'ACME INDUSTRIE' }]) as [number];
    validate(id, [{ invoice: 'F1', amount: '1234.56', kind: 'invoice' }]);
    post();
    const { batch, text } = exportBatch(store, { company: 'C01', format: 'fec', now });
    expect(text.split('\r\n')).toEqual([
      fecBatchColumns.join('\t'),
      'BQ\tBanque\tLBQ000001\t20261116\t512000\tBanques\t\t\tREF101-1\t20261116\t' +
        'Encaissement ACME INDUSTRIE\t1234,56\t0,00\t\t\t20261118\t\t',
      'BQ\tBanque\tLBQ000001\t20261116\t411000\tClients\t411ACME\tACME INDUSTRIE SAS\tF1\t' +
        '20261116\tRèglement F1\t0,00\t1234,56\tA\t20261116\t20261118\t\t',
      '',
    ]);
    expect(batch).toEqual({
      company: 'C01',
      number: 1,
      format: 'fec',
      fileName: '111111118FEC20261116-B1.txt',
      sha256: createHash('sha256').update(text).digest('hex'),
      entryCount: 1,
      lineCount: 2,
      debitCents: 123_456,
      creditCents: 123_456,
      exportedAt: '2026-11-18T17:30:00.000Z',
    });
    // Lettra's own FEC reader takes it: the lettered customer line is settled.
    const parsed = parseFec(new TextEncoder().encode(text), batch?.fileName ?? '');
    expect(parsed).toMatchObject({ siren: '111111118', lineCount: 2, items: [] });
  });

  it('exports nothing new the second time, then only what was posted since, numbered on', async () => {
    const { store, arrive, validate, post } = await group();
    const [first, second] = arrive([{ amount: '1234.56' }, { amount: '80.00' }]) as [
      number,
      number,
    ];
    validate(first, [{ invoice: 'F1', amount: '1234.56', kind: 'invoice' }]);
    post();
    expect(exportBatch(store, { company: 'C01', format: 'fec', now }).batch?.number).toBe(1);
    expect(exportBatch(store, { company: 'C01', format: 'fec', now })).toEqual({
      batch: null,
      text: '',
    });
    validate(second, [{ invoice: 'M2', amount: '80.00', kind: 'invoice' }]);
    post();
    const next = exportBatch(store, { company: 'C01', format: 'fec', now, fileName: 'b2.txt' });
    expect(next.batch).toMatchObject({ number: 2, fileName: 'b2.txt', entryCount: 1 });
    expect(next.text).toContain('\tLBQ000002\t');
    expect(next.text).not.toContain('LBQ000001');
    expect(listBatches(store, 'C01').map((batch) => batch.number)).toEqual([1, 2]);
    expect(exportBatch(store, { company: 'C02', format: 'fec' }).batch).toBeNull();
  });

  it('re-writes a batch byte for byte, even after its lettrage moved on', async () => {
    const { store, arrive, validate, post } = await group();
    const [first, second] = arrive([{ amount: '400.00' }, { amount: '600.00' }]) as [
      number,
      number,
    ];
    validate(first, [{ invoice: 'M1', amount: '400.00', kind: 'partial' }]);
    post();
    const original = exportBatch(store, { company: 'C01', format: 'csv', now });
    validate(second, [{ invoice: 'M1', amount: '600.00', kind: 'invoice' }]);
    post();
    exportBatch(store, { company: 'C01', format: 'csv', now });
    expect(rewriteBatch(store, 'C01', 1)).toEqual({ ...original, checked: true });
    expect(() => rewriteBatch(store, 'C01', 9)).toThrow(/company C01 has no batch 9/);
  });

  it('writes the documented CSV: which documents each code letters, partial or full', async () => {
    const { store, arrive, validate, post } = await group();
    const [id] = arrive([{ amount: '400.00', payerName: 'TRESORERIE DE VIENNE' }]) as [number];
    validate(id, [{ invoice: 'M1', amount: '400.00', kind: 'partial' }]);
    post();
    const { text, batch } = exportBatch(store, { company: 'C01', format: 'csv', now });
    expect(batch?.fileName).toBe('111111118LETTRA20261116-B1.csv');
    expect(text.split('\r\n')).toEqual([
      'batch,journal_code,journal_label,entry_number,entry_date,account,account_label,' +
        'auxiliary_account,auxiliary_label,piece_ref,label,debit,credit,lettering,lettering_date,' +
        'lettering_state,lettered_documents,cancels_lettering,line_kind,entry_kind,' +
        'reverses_entry,transaction_id',
      `1,BQ,Banque,LBQ000001,2026-11-16,512000,Banques,,,REF101-1,Encaissement TRESORERIE DE VIENNE,400.00,0.00,,,,,,bank,receipt,,${id}`,
      `1,BQ,Banque,LBQ000001,2026-11-16,411000,Clients,411MART,COMMUNE DE SAINT-MARTIN,M1,Règlement partiel M1,0.00,400.00,a,2026-11-16,partial,M1,,partial,receipt,,${id}`,
      '',
    ]);
  });

  it('records no batch when its file cannot be written', async () => {
    const { store, arrive, validate, post } = await group();
    const [id] = arrive([{ amount: '1234.56' }]) as [number];
    validate(id, [{ invoice: 'F1', amount: '1234.56', kind: 'invoice' }]);
    post();
    const folder = join(store.folder, 'no-such-folder');
    expect(() => exportBatch(store, { company: 'C01', format: 'fec', folder })).toThrow(/ENOENT/);
    expect(listBatches(store, 'C01')).toEqual([]);
    const written = exportBatch(store, { company: 'C01', format: 'fec', folder: store.folder });
    expect(written.batch?.number).toBe(1);
    expect(readFileSync(written.path ?? '', 'utf8')).toBe(written.text);
  });

  it('writes an exported FEC batch again as CSV when asked, named and laid out as CSV', async () => {
    const { store, arrive, validate, post } = await group();
    const [id] = arrive([{ amount: '1234.56' }]) as [number];
    validate(id, [{ invoice: 'F1', amount: '1234.56', kind: 'invoice' }]);
    post();
    exportBatch(store, { company: 'C01', format: 'fec', now });
    const again = rewriteBatch(store, 'C01', 1, { format: 'csv', folder: store.folder });
    expect(again).toMatchObject({ checked: false, batch: { format: 'csv', number: 1 } });
    expect(again.batch?.fileName).toBe('111111118LETTRA20261116-B1.csv');
    expect(again.text.startsWith('batch,journal_code,')).toBe(true);
    expect(existsSync(join(store.folder, '111111118LETTRA20261116-B1.csv'))).toBe(true);
    expect(rewriteBatch(store, 'C01', 1).text.startsWith('JournalCode\t')).toBe(true);
  });
});
