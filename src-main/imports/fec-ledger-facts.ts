import { letteringIndex } from '../accounting/lettering-codes.js';
import type { Cents } from '../money/cents.js';
import type { ParsedLedger } from './ledger-types.js';

/**
 * The key of a customer-account line, to recognise in a ledger the lines Lettra exported:
 * the entry date, the auxiliary account, the piece and the signed amount. The journal and
 * the entry number are left out on purpose, since packages often renumber what they import
 * and some book it in a journal of their own.
 */
export function customerLineKey(
  entryDate: string,
  customerCode: string,
  pieceRef: string,
  cents: Cents,
): string {
  return [entryDate, customerCode, pieceRef, String(cents)].join('\u0000');
}

/** A customer-account line as the facts need it. */
export interface FactLine {
  /** YYYY-MM-DD */
  entryDate: string;
  customerCode: string;
  pieceRef: string;
  /** Debit minus credit. */
  cents: Cents;
  lettering: string;
  fromSalesJournal: boolean;
}

/**
 * What a FEC says beyond its open items, gathered line by line: the revenue invoiced per
 * month (customer-account lines of the sales journals, credit notes netted), how many times
 * each customer line key appears, and the highest lettrage code used per customer account,
 * so that Lettra's codes never collide with the package's.
 */
export class FecLedgerFacts {
  private readonly revenueByMonth = new Map<string, Cents>();
  private readonly customerLineKeys = new Map<string, number>();
  private readonly highestLettering = new Map<string, number>();

  /** Takes one customer-account line into the facts. */
  add(line: FactLine): void {
    if (line.fromSalesJournal) {
      const month = line.entryDate.slice(0, 7);
      this.revenueByMonth.set(month, (this.revenueByMonth.get(month) ?? 0) + line.cents);
    }
    const key = customerLineKey(line.entryDate, line.customerCode, line.pieceRef, line.cents);
    this.customerLineKeys.set(key, (this.customerLineKeys.get(key) ?? 0) + 1);
    const index = line.lettering === '' ? undefined : letteringIndex(line.lettering);
    if (index !== undefined && index > (this.highestLettering.get(line.customerCode) ?? -1)) {
      this.highestLettering.set(line.customerCode, index);
    }
  }

  /** Adds the facts to a parsed ledger. */
  applyTo(ledger: ParsedLedger): void {
    ledger.revenueByMonth = this.revenueByMonth;
    ledger.customerLineKeys = this.customerLineKeys;
    ledger.highestLettering = this.highestLettering;
  }
}
