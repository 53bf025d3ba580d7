import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../src-main/api/router.js';
import type { LettraApi } from '../../src-main/api/contract.js';
import { openTempStore } from './temp-store.js';

export interface TestInvoice {
  company?: string;
  customer: string;
  customerName: string;
  number: string;
  amount: string;
  issueDate?: string;
  dueDate?: string;
}

export interface TestTransfer {
  amount: string;
  payerName?: string;
  payerIban?: string;
  text?: string;
  date?: string;
  /** Debit instead of credit. */
  debit?: boolean;
  /** EUR unless given. */
  currency?: string;
}

// Valid IBANs (mod 97 checked) for the companies of a test group.
export const companyIbans: Record<string, string> = {
  C01: 'FR7630006000011234567890189',
  C02: 'FR7610107001011234567890129',
};

/**
 * A fresh database with companies C01 and C02, the given open items imported through the
 * open-items CSV and the given transfers through a camt.053 statement on C01's account (or
 * `account`'s), the same path a clerk's files take.
 */
export async function testGroup(invoices: TestInvoice[]) {
  const store = await openTempStore();
  const api = createApi(store);
  api['companies.add']({
    code: 'C01',
    name: 'Alpha Nettoyage',
    iban: companyIbans.C01 as string,
    siren: '111111118',
  });
  api['companies.add']({
    code: 'C02',
    name: 'Beta Restauration',
    iban: companyIbans.C02 as string,
    siren: '222222226',
  });
  const csv = [
    'company,customer,customer_name,invoice,issue_date,due_date,amount,open_amount',
    ...invoices.map((invoice) =>
      [
        invoice.company ?? 'C01',
        invoice.customer,
        `"${invoice.customerName}"`,
        invoice.number,
        invoice.issueDate ?? '2026-10-01',
        invoice.dueDate ?? '2026-10-31',
        invoice.amount,
        invoice.amount,
      ].join(','),
    ),
  ].join('\n');
  const ledgerPath = join(store.folder, 'open-items.csv');
  writeFileSync(ledgerPath, `${csv}\n`);
  api['imports.ledgers']({ paths: [ledgerPath] });
  let statementCount = 0;
  return {
    store,
    api,
    /** Imports the transfers as one camt.053 statement and runs the engine. */
    receive(transfers: TestTransfer[], account = 'C01') {
      statementCount += 1;
      const path = join(store.folder, `statement-${statementCount}.xml`);
      writeFileSync(path, camt053(companyIbans[account] as string, transfers, statementCount));
      api['imports.statements']({ paths: [path] });
      api['matching.run']({});
      return api['allocations.export']({}).filter(
        (receipt) => receipt.source.file === `statement-${statementCount}.xml`,
      );
    },
    dispose: () => store.dispose(),
  } satisfies { api: LettraApi } & Record<string, unknown>;
}

/** A camt.053 statement of `transfers` on the account `iban`, numbered `sequence`. */
export function camt053(iban: string, transfers: TestTransfer[], sequence: number): string {
  const entries = transfers
    .map(
      (transfer, position) => `
      <Ntry>
        <Amt Ccy="${transfer.currency ?? 'EUR'}">${transfer.amount}</Amt>
        <CdtDbtInd>${transfer.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${transfer.date ?? '2026-11-16'}</Dt></BookgDt>
        <ValDt><Dt>${transfer.date ?? '2026-11-16'}</Dt></ValDt>
        <AcctSvcrRef>REF${sequence}-${position + 1}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <RltdPties>
            ${transfer.payerName ? `<Dbtr><Pty><Nm>${xml(transfer.payerName)}</Nm></Pty></Dbtr>` : ''}
            ${transfer.payerIban ? `<DbtrAcct><Id><IBAN>${transfer.payerIban}</IBAN></Id></DbtrAcct>` : ''}
          </RltdPties>
          ${transfer.text ? `<RmtInf><Ustrd>${xml(transfer.text)}</Ustrd></RmtInf>` : ''}
        </TxDtls></NtryDtls>
      </Ntry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>TEST${sequence}</MsgId><CreDtTm>2026-11-16T18:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT${sequence}</Id>
      <Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
