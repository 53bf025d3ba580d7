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

/** Any line of a FEC, customer account or not, as the facts need it. */
export interface AnyLine {
  journalCode: string;
  entryNumber: string;
  /** YYYY-MM-DD */
  entryDate: string;
  account: string;
  /** Debit minus credit. */
  cents: Cents;
  fromTreasuryJournal: boolean;
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
  // BigInt: a whole ledger's lines may add up beyond what a double counts exactly.
  private readonly entryBalances = new Map<string, bigint>();
  private readonly bankAccounts = new Map<string, number>();
  private latestDate = '';
  private lettraLinesOnly = true;
  private lines = 0;

  /**
   * Takes any line of the file into the facts: its entry's balance, the bank accounts the
   * treasury journals use, the latest entry date, and whether every line is numbered the way
   * Lettra numbers its exported entries (`L` + journal + 6 digits).
   */
  addAny(line: AnyLine): void {
    this.lines += 1;
    const key = `${line.journalCode} ${line.entryNumber}`;
    this.entryBalances.set(key, (this.entryBalances.get(key) ?? 0n) + BigInt(line.cents));
    if (line.entryDate > this.latestDate) this.latestDate = line.entryDate;
    if (line.fromTreasuryJournal && line.account.startsWith('512')) {
      this.bankAccounts.set(line.account, (this.bankAccounts.get(line.account) ?? 0) + 1);
    }
    const lettraNumber = `L${line.journalCode}`;
    if (
      !line.entryNumber.startsWith(lettraNumber) ||
      !/^\d{6}$/.test(line.entryNumber.slice(lettraNumber.length))
    ) {
      this.lettraLinesOnly = false;
    }
  }

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
    ledger.bankAccounts = [...this.bankAccounts.keys()];
    ledger.lettraNumbersOnly = this.lines > 0 && this.lettraLinesOnly;
    if (this.latestDate !== '') ledger.ledgerDate = this.latestDate;
    ledger.unbalancedEntries = [...this.entryBalances]
      .filter(([, balance]) => balance !== 0n)
      .map(([key]) => key);
  }
}
