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
