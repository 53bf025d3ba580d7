import type {
  AuditReport,
  BatchExport,
  CompanyStatus,
  PostingSettings,
} from '../api/accounting-methods.js';
import type { AuditChain, AuditEntry } from '../accounting/audit-trail.js';
import { formatCentsFrench } from '../money/cents.js';

/** Where a batch went and what it holds. */
export function printBatch(exported: BatchExport, rewritten: boolean): void {
  const { batch, path = '' } = exported;
  if (batch === null) return;
  const what = !rewritten
    ? `Batch ${batch.number} of ${batch.company} exported`
    : exported.checked === false
      ? `Batch ${batch.number} of ${batch.company} written again in the other layout (its ` +
        `recorded SHA-256 is of the ${batch.format === 'fec' ? 'CSV' : 'FEC'} file)`
      : `Batch ${batch.number} of ${batch.company} written again, identical to its export of ${batch.exportedAt}`;
  const hash = exported.checked === false ? '' : ` (SHA-256 ${batch.sha256})`;
  console.log(
    `${what}: ${batch.entryCount} entries, ${batch.lineCount} lines, debit = credit = ` +
      `${formatCentsFrench(batch.debitCents)}, ${batch.format.toUpperCase()} in ${path}${hash}`,
  );
}

/** The chain of each receipt, from the statement line to the export batch. */
export function printAudit(report: AuditReport): void {
  for (const invoice of report.invoices) {
    console.log(
      `${invoice.kind === 'creditNote' ? 'Credit note' : 'Invoice'} ${invoice.number} of ` +
        `${invoice.company}, customer ${invoice.customer} ${invoice.customerName}, issued ` +
        `${invoice.issueDate}: ${formatCentsFrench(invoice.amountCents)}, open in the ledger ` +
        formatCentsFrench(invoice.ledgerOpenCents),
    );
    for (const lettering of invoice.lettering) {
      // A cancelled code shows the date it was given: the lettering keeps no cancellation date.
      const when = lettering.state === 'cancelled' ? 'given on' : 'on';
      console.log(`  lettrage ${lettering.code} ${lettering.state} (${when} ${lettering.date})`);
    }
  }
  if (report.chains.length === 0) console.log('No receipt was ever allocated to it.');
  for (const chain of report.chains) printChain(chain);
}

function printChain({ transaction, decisions, allocations, entries }: AuditChain): void {
  console.log(
    `Transaction ${transaction.id} of ${transaction.company}: ${transaction.statementFile} ` +
      `line ${transaction.sourceLine} (transaction ${transaction.sourceIndex} of the file), ` +
      `booked ${transaction.bookingDate}, ${formatCentsFrench(transaction.amountCents)} from ` +
      `${transaction.payerName ?? 'an unnamed payer'}`,
  );
  const confidence =
    transaction.confidence === null ? '' : `, confidence ${transaction.confidence}`;
  console.log(
    `  ${transaction.status}${confidence}${transaction.matchedAt ? ` on ${transaction.matchedAt}` : ''}` +
      (transaction.explanation ? `: ${transaction.explanation}` : ''),
  );
  for (const decision of decisions) {
    console.log(
      `  decision #${decision.id} ${decision.action} by ${decision.actor} on ${decision.at}`,
    );
  }
  for (const line of allocations) {
    console.log(
      `  allocation ${line.kind} ${line.invoice ?? '-'} (${line.company} ${line.customer ?? '-'}) ` +
        `${formatCentsFrench(line.amountCents)}, by ${line.decidedBy} on ${line.decidedAt}`,
    );
  }
  if (allocations.length === 0) console.log('  no allocation in force');
  for (const entry of entries) printEntry(entry);
}

function printEntry(entry: AuditEntry): void {
  const links = [
    entry.reversesEntryId === null ? '' : `reverses entry #${entry.reversesEntryId}`,
    entry.reversedByEntryId === null ? '' : `reversed by entry #${entry.reversedByEntryId}`,
    entry.decisionId === null ? '' : `decision #${entry.decisionId}`,
  ].filter((part) => part !== '');
  console.log(
    `  entry #${entry.id} ${entry.kind} of ${entry.company}, journal ${entry.journal} ` +
      `${entry.number ?? '(not numbered yet)'}, ${entry.date}, posted by ${entry.decidedBy}` +
      (links.length === 0 ? '' : `, ${links.join(', ')}`),
  );
  for (const line of entry.lines) {
    const side =
      line.debitCents > 0
        ? `debit ${formatCentsFrench(line.debitCents)}`
        : `credit ${formatCentsFrench(line.creditCents)}`;
    const lettering =
      line.lettering === null
        ? ''
        : `  lettrage ${line.lettering} ${line.letteringDate ?? ''}` +
          (line.letteringState === 'cancelled' ? ' (cancelled since)' : '');
    console.log(
      `    ${line.account} ${line.auxiliary ?? ''} ${line.pieceRef}: ${line.label}, ${side}${lettering}`,
    );
  }
  console.log(
    entry.batch === null
      ? '    not exported yet'
      : `    exported in batch ${entry.batch.number} (${entry.batch.format.toUpperCase()}) ` +
          `${entry.batch.fileName} on ${entry.batch.exportedAt}, SHA-256 ${entry.batch.sha256}`,
  );
  if (entry.reflectedBy !== null) {
    console.log(
      `    seen in the ledger ${entry.reflectedBy.file} imported on ${entry.reflectedBy.importedAt}`,
    );
  }
}

/** The figures per company. */
export function printStatus(statuses: CompanyStatus[]): void {
  const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
  for (const status of statuses) {
    const { receipts, unallocated, revenue } = status;
    console.log(`${status.company} ${status.name}`);
    console.log(
      `  receipts: ${receipts.total} (${receipts.auto} allocated automatically ` +
        `(${percent(status.automationRate)}), ${receipts.validated} validated by a clerk, ` +
        `${receipts.proposed} proposed (${percent(status.proposalRate)}), ` +
        `${receipts.unmatched} unmatched, ${receipts.pending} waiting, ${receipts.rejected} rejected)`,
    );
    const days =
      unallocated.daysOfRevenue === null
        ? 'no revenue known to count it in days'
        : `${unallocated.daysOfRevenue.toFixed(1)} days of revenue`;
    const basis =
      revenue.source === 'none'
        ? ''
        : ` (revenue ${revenue.firstMonth} to ${revenue.lastMonth}: ` +
          `${formatCentsFrench(revenue.amountCents)}` +
          `${revenue.source === 'csv' ? ', open invoices only: a lower bound' : ''})`;
    console.log(
      `  not allocated: ${count(unallocated.count, 'receipt')}, ` +
        `${formatCentsFrench(unallocated.amountCents)} received and waiting for allocation, ` +
        `${days}${basis}`,
    );
    if (status.notPosted > 0) {
      console.log(
        `  allocated but held for a clerk before posting: ${count(status.notPosted, 'receipt')}`,
      );
    }
    if (status.setAside > 0) {
      console.log(
        `  set aside by a ledger import (settled in the accounting meanwhile): ` +
          count(status.setAside, 'receipt'),
      );
    }
    console.log(
      `  entries waiting for export: ${status.entriesToExport.count} ` +
        `(${formatCentsFrench(status.entriesToExport.debitCents)} debit), ` +
        `batches exported: ${status.batches}`,
    );
  }
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** The posting rules of a company. */
export function printSettings(company: string, settings: PostingSettings): void {
  console.log(`Posting rules of ${company}:`);
  for (const [key, value] of Object.entries(settings)) {
    console.log(
      `  ${key}: ${key === 'writeOffMaxCents' ? formatCentsFrench(value as number) : String(value)}`,
    );
  }
}
