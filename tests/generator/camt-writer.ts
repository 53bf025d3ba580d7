import { formatCentsPlain } from '../../src-main/money/cents.js';
import { previousBusinessDay } from './dates.js';
import { xmlEscape } from './text.js';
import type { BankTransaction, Company, Statement, StatementEntry } from './types.js';

/**
 * Writes a statement as camt.053, version 001.02 or 001.08. The versions differ where real
 * files differ: the transaction amount (AmtDtls/TxAmt in .02, Amt in .08), the party
 * (Dbtr/Nm against Dbtr/Pty/Nm), the status and the BIC element.
 */

type Version = '02' | '08';

/** A tiny indenting XML builder: enough for statements, and it escapes every text. */
class Xml {
  private readonly lines: string[] = [];
  private depth = 0;

  open(tag: string, attributes = ''): this {
    this.lines.push(`${'  '.repeat(this.depth)}<${tag}${attributes}>`);
    this.depth += 1;
    return this;
  }

  close(tag: string): this {
    this.depth -= 1;
    this.lines.push(`${'  '.repeat(this.depth)}</${tag}>`);
    return this;
  }

  leaf(tag: string, text: string, attributes = ''): this {
    this.lines.push(`${'  '.repeat(this.depth)}<${tag}${attributes}>${xmlEscape(text)}</${tag}>`);
    return this;
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

const euro = ' Ccy="EUR"';

function amount(xml: Xml, cents: number, tag = 'Amt'): void {
  xml.leaf(tag, formatCentsPlain(cents), euro);
}

const families: Record<BankTransaction['operation'], readonly [string, string, string]> = {
  transfer: ['PMNT', 'RCDT', 'ESCT'],
  instantTransfer: ['PMNT', 'RCDT', 'SDVA'],
  outgoing: ['PMNT', 'ICDT', 'ESCT'],
  directDebit: ['PMNT', 'IDDT', 'ESDD'],
  fee: ['ACMT', 'MDOP', 'CHRG'],
  interest: ['ACMT', 'MCOP', 'INTR'],
};

function bankCode(xml: Xml, operation: BankTransaction['operation']): void {
  const [domain, family, subFamily] = families[operation];
  xml.open('BkTxCd').open('Domn').leaf('Cd', domain).open('Fmly').leaf('Cd', family);
  xml.leaf('SubFmlyCd', subFamily).close('Fmly').close('Domn').close('BkTxCd');
}

function balance(xml: Xml, code: string, cents: number, date: string): void {
  xml.open('Bal').open('Tp').open('CdOrPrtry').leaf('Cd', code).close('CdOrPrtry').close('Tp');
  amount(xml, Math.abs(cents));
  xml.leaf('CdtDbtInd', cents < 0 ? 'DBIT' : 'CRDT');
  xml.open('Dt').leaf('Dt', date).close('Dt').close('Bal');
}

function party(xml: Xml, version: Version, role: 'Dbtr' | 'Cdtr', tx: BankTransaction): void {
  xml.open(role);
  if (version === '08') xml.open('Pty').leaf('Nm', tx.counterpartyName).close('Pty');
  else xml.leaf('Nm', tx.counterpartyName);
  xml.close(role);
  if (tx.counterpartyIban) {
    xml.open(`${role}Acct`).open('Id').leaf('IBAN', tx.counterpartyIban).close('Id');
    xml.close(`${role}Acct`);
  }
  if (role === 'Dbtr' && tx.ultimatePayerName) {
    xml.open('UltmtDbtr');
    if (version === '08') xml.open('Pty').leaf('Nm', tx.ultimatePayerName).close('Pty');
    else xml.leaf('Nm', tx.ultimatePayerName);
    xml.close('UltmtDbtr');
  }
}

function details(xml: Xml, version: Version, tx: BankTransaction, withAmount: boolean): void {
  const direction = tx.direction === 'credit' ? 'CRDT' : 'DBIT';
  xml.open('TxDtls').open('Refs').leaf('AcctSvcrRef', tx.bankReference);
  if (tx.endToEndId) xml.leaf('EndToEndId', tx.endToEndId);
  xml.close('Refs');
  // Single entries repeat their amount in the details only sometimes; batches always do.
  if (withAmount && version === '08') {
    amount(xml, tx.amountCents);
    xml.leaf('CdtDbtInd', direction);
  } else if (withAmount) {
    xml.open('AmtDtls').open('TxAmt');
    amount(xml, tx.amountCents);
    xml.close('TxAmt').close('AmtDtls');
  }
  if (tx.counterpartyName && tx.operation !== 'fee' && tx.operation !== 'interest') {
    xml.open('RltdPties');
    party(xml, version, tx.direction === 'credit' ? 'Dbtr' : 'Cdtr', tx);
    xml.close('RltdPties');
  }
  if (tx.remittance || tx.structuredReferences.length > 0) {
    xml.open('RmtInf');
    if (tx.remittance) xml.leaf('Ustrd', tx.remittance);
    for (const reference of tx.structuredReferences) {
      xml.open('Strd').open('RfrdDocInf').open('Tp').open('CdOrPrtry').leaf('Cd', 'CINV');
      xml.close('CdOrPrtry').close('Tp').leaf('Nb', reference).close('RfrdDocInf').close('Strd');
    }
    xml.close('RmtInf');
  }
  xml.close('TxDtls');
}

function entry(xml: Xml, version: Version, item: StatementEntry, position: number): void {
  const first = item.transactions[0] as BankTransaction;
  const total = item.transactions.reduce((sum, tx) => sum + tx.amountCents, 0);
  xml.open('Ntry').leaf('NtryRef', String(position));
  amount(xml, total);
  xml.leaf('CdtDbtInd', first.direction === 'credit' ? 'CRDT' : 'DBIT');
  if (version === '08') xml.open('Sts').leaf('Cd', 'BOOK').close('Sts');
  else xml.leaf('Sts', 'BOOK');
  xml.open('BookgDt').leaf('Dt', first.bookingDate).close('BookgDt');
  xml.open('ValDt').leaf('Dt', first.valueDate).close('ValDt');
  xml.leaf('AcctSvcrRef', item.bankReference);
  bankCode(xml, first.operation);
  xml.open('NtryDtls');
  if (item.batch) {
    xml.open('Btch').leaf('NbOfTxs', String(item.transactions.length));
    amount(xml, total, 'TtlAmt');
    xml.leaf('CdtDbtInd', 'CRDT').close('Btch');
  }
  for (const tx of item.transactions)
    details(xml, version, tx, item.batch || (tx.variant & 3) !== 0);
  xml.close('NtryDtls');
  xml.leaf(
    'AddtlNtryInf',
    item.batch ? `REMISE VIREMENTS ${item.transactions.length} OPERATIONS` : first.label,
  );
  xml.close('Ntry');
}

/** The whole camt.053 document of one statement. */
export function writeCamt(company: Company, statement: Statement): string {
  const version: Version = statement.format === 'camt.053.001.08' ? '08' : '02';
  const created = `${statement.day}T21:30:00`;
  const id = `${company.code}-${statement.day.replaceAll('-', '')}`;
  const xml = new Xml();
  xml.open(
    'Document',
    ` xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
  );
  xml.open('BkToCstmrStmt').open('GrpHdr').leaf('MsgId', `MSG${id}`).leaf('CreDtTm', created);
  xml.close('GrpHdr').open('Stmt').leaf('Id', id);
  if (version === '08')
    xml.open('StmtPgntn').leaf('PgNb', '1').leaf('LastPgInd', 'true').close('StmtPgntn');
  xml.leaf('ElctrncSeqNb', String(statement.sequence)).leaf('CreDtTm', created);
  xml
    .open('FrToDt')
    .leaf('FrDtTm', `${statement.day}T00:00:00`)
    .leaf('ToDtTm', `${statement.day}T23:59:59`);
  xml
    .close('FrToDt')
    .open('Acct')
    .open('Id')
    .leaf('IBAN', company.iban)
    .close('Id')
    .leaf('Ccy', 'EUR');
  xml.open('Ownr').leaf('Nm', company.name).close('Ownr').open('Svcr').open('FinInstnId');
  xml
    .leaf(version === '08' ? 'BICFI' : 'BIC', company.bic)
    .close('FinInstnId')
    .close('Svcr')
    .close('Acct');
  balance(xml, 'OPBD', statement.openingCents, previousBusinessDay(statement.day));
  balance(xml, 'CLBD', statement.closingCents, statement.day);
  statement.entries.forEach((item, i) => entry(xml, version, item, i + 1));
  xml.close('Stmt').close('BkToCstmrStmt').close('Document');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.text()}`;
}
