import type {
  LedgerImportResult,
  MatchingSummary,
  StatementImportResult,
} from '../api/contract.js';

/** What the clerk reads after each command: counts, never personal data. */
export function printStatementImports(results: StatementImportResult[]): void {
  for (const result of results) {
    console.log(
      `${result.file}: ${result.format}, company ${result.companies.join(', ')}, ` +
        `${result.transactions} transactions, ${result.imported} new, ${result.duplicates} already imported`,
    );
    for (const warning of result.warnings) console.log(`  warning: ${warning}`);
  }
}

export function printLedgerImports(results: LedgerImportResult[]): void {
  for (const result of results) {
    console.log(
      `${result.file}: ${result.format}, company ${result.companies.join(', ')}, ` +
        `${result.customers} customers, ${result.openItems} open items, ${result.closedItems} closed`,
    );
    if (result.setAside > 0) {
      console.log(
        `  ${plural(result.setAside, 'receipt')} set aside for a clerk: settled in the ` +
          'accounting meanwhile, before Lettra exported them (their entries were withdrawn)',
      );
    }
    if (result.renumbered > 0) {
      console.log(
        `  ${plural(result.renumbered, 'lettrage code')} not exported yet renumbered above ` +
          'the codes the accounting used meanwhile',
      );
    }
    for (const warning of result.warnings) console.log(`  warning: ${warning}`);
  }
}

export function printMatching(summary: MatchingSummary): void {
  const share = (count: number) =>
    summary.receipts === 0 ? '0.0%' : `${((count * 100) / summary.receipts).toFixed(1)}%`;
  console.log(
    `${summary.receipts} receipts matched in ${(summary.milliseconds / 1000).toFixed(1)} s: ` +
      `${summary.auto} allocated automatically (${share(summary.auto)}), ` +
      `${summary.proposed} proposed (${share(summary.proposed)}), ` +
      `${summary.unmatched} unmatched (${share(summary.unmatched)})`,
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
