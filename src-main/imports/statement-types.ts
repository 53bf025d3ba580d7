import type { Cents } from '../money/cents.js';

export type StatementFormat = 'cfonb120' | 'camt.053' | 'camt.054' | 'mt940';

/**
 * How a statement names its account. Banks give an IBAN (camt, most MT940), the French
 * RIB parts (CFONB 120: bank, branch, account number) or a proprietary id (camt Othr/Id,
 * some MT940 :25:). The store maps any of these to a company's bank account.
 */
export interface AccountReference {
  iban?: string;
  bankCode?: string;
  branchCode?: string;
  accountNumber?: string;
  otherId?: string;
}

export interface Balance {
  date: string;
  amountCents: Cents;
}

/** One movement on the account, as the bank reported it; nothing interpreted yet. */
export interface ParsedTransaction {
  /** 1-based position among all transactions of the file, in file order. */
  index: number;
  /** 1-based line of the file where the transaction starts. */
  line: number;
  /** YYYY-MM-DD */
  bookingDate: string;
  valueDate?: string;
  /** Signed: positive for a credit (money received), negative for a debit. */
  amountCents: Cents;
  currency: string;
  payerName?: string;
  payerIban?: string;
  /** Name of the ultimate debtor when the bank gives one besides the payer. */
  ultimatePayerName?: string;
  /** Every piece of free remittance text, joined in file order with single spaces. */
  remittance: string;
  /** Structured references the bank separated from the text (creditor reference, document numbers). */
  references: string[];
  endToEndId?: string;
  bankReference?: string;
  /** Bank operation or transaction code (CFONB 05/04 op code, camt BkTxCd, MT940 type). */
  operationCode?: string;
  /** The bank marks this entry as cancelling an earlier one. */
  reversal: boolean;
  /** Charges the bank took on this movement, when reported. */
  chargesCents?: Cents;
  /** Labelled raw pieces of text kept for the clerk (CFONB qualifiers, MT940 subfields). */
  details: Array<{ label: string; text: string }>;
}

export interface ParsedStatement {
  account: AccountReference;
  currency: string;
  /** The bank's statement id or number when it gives one. */
  statementId?: string;
  openingBalance?: Balance;
  closingBalance?: Balance;
  transactions: ParsedTransaction[];
}

/** What a statement parser returns for one file, which may hold several accounts or days. */
export interface ParsedStatementFile {
  format: StatementFormat;
  statements: ParsedStatement[];
}
