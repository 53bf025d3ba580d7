import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entities } from '../../src-main/db/entities.js';
import { disposeAfterEach } from '../support/dispose-after-each.js';
import { fecText, invoice } from '../support/fec-text.js';
import { testGroup } from '../support/test-group.js';

const track = disposeAfterEach();

describe('ORM entities', () => {
  it('map the columns the migrations create: every entity reads what the services wrote', async () => {
    const { store, api, receive } = track(
      await testGroup([
        { customer: '411A', customerName: 'ACME SAS', number: 'F-1', amount: '120.50' },
      ]),
    );
    // Only a FEC shows settled invoices: C02's has one, lettered with its payment.
    const fec = join(store.folder, '222222226FEC20261031.txt');
    writeFileSync(
      fec,
      fecText([
        { ...invoice, PieceRef: 'G-7', EcritureLet: 'AA' },
        {
          ...invoice,
          JournalCode: 'BQ',
          PieceRef: 'VIR-7',
          Debit: '',
          Credit: '1200,00',
          EcritureLet: 'AA',
        },
      ]),
    );
    api['imports.ledgers']({ paths: [fec] });
    receive([{ amount: '120.50', payerName: 'ACME', text: 'FACTURE F-1' }]);
    const repository = (name: string) => store.dataSource.getRepository(name);

    for (const entity of entities) {
      expect(await repository(entity.options.name).count()).toBeGreaterThan(0);
    }
    expect(await repository('Invoice').findOneByOrFail({ number: 'F-1' })).toMatchObject({
      kind: 'invoice',
      amountCents: 12_050,
      ledgerOpenCents: 12_050,
      dueDate: '2026-10-31',
    });
    expect(
      await repository('BankTransaction').findOneByOrFail({ amountCents: 12_050 }),
    ).toMatchObject({
      payerName: 'ACME',
      remittance: 'FACTURE F-1',
      matchStatus: 'auto',
    });
    expect(await repository('SettledInvoice').findOneByOrFail({ number: 'G-7' })).toMatchObject({
      customerCode: 'C0001',
      amountCents: 120_000,
      issueDate: '2025-01-15',
    });
    expect(await repository('Allocation').find()).toMatchObject([
      { amountCents: 12_050, kind: 'invoice', decidedBy: 'engine' },
    ]);
  });
});
