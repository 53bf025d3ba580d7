import type { AllocationKind } from '../matching/allocation-kinds.js';
import type { Cents } from '../money/cents.js';
import { accountLabel, takesCustomerAuxiliary, type PostingSettings } from './posting-settings.js';

/** Allocation kinds that settle a document of the customer account, and are lettered. */
export const settlingKinds: readonly AllocationKind[] = [
  'invoice',
  'partial',
  'creditNote',
  'otherCompany',
];

/**
 * What a line of an entry stands for: the bank, a kind of allocation, the group account, or
 * the suspense account holding a receipt whose exported allocation was corrected.
 */
export type LineRole = 'bank' | 'suspense' | 'intercompany' | AllocationKind;

export interface CompanyRef {
  id: number;
  code: string;
  name: string;
}

/** One allocation line to post, with what its accounts need. */
export interface AllocationToPost {
  id: number;
  kind: AllocationKind;
  amountCents: Cents;
  company: CompanyRef;
  decidedBy: string;
  decidedAt: string;
  invoice?: { id: number; number: string };
  customer?: { id: number; code: string; name: string; account: string | null };
}

/** A receipt whose allocation is validated, automatically or by a clerk. */
export interface ReceiptToPost {
  transactionId: number;
  company: CompanyRef;
  bookingDate: string;
  amountCents: Cents;
  payerName: string | null;
  /** PieceRef of the lines that are not about one document: the bank's reference. */
  pieceRef: string;
  /**
   * True when the bank line was exported already and a correction parked the money on the
   * suspense account: the new entry takes it from there instead of debiting the bank again.
   */
  parked?: boolean;
  allocations: AllocationToPost[];
}

export interface PlannedLine {
  role: LineRole;
  account: string;
  accountLabel: string;
  auxiliary?: { code: string; label: string };
  pieceRef: string;
  label: string;
  debitCents: Cents;
  creditCents: Cents;
  invoiceId?: number;
  customerId?: number;
  allocationId?: number;
  decidedBy?: string;
}

export interface PlannedEntry {
  companyId: number;
  kind: 'receipt' | 'intercompany';
  journalCode: string;
  journalLabel: string;
  label: string;
  lines: PlannedLine[];
}

/**
 * The entries a receipt posts: in the bank journal of the company credited, the bank debit,
 * one line per allocation of its own invoices, and one group-account line per other company
 * whose invoices it received money for; in each such company, an entry moving the money from
 * the group account to its customer. Every entry balances because the allocation lines add up
 * to the receipt.
 */
export function planEntries(
  receipt: ReceiptToPost,
  settingsOf: (companyId: number) => PostingSettings,
): PlannedEntry[] {
  const own = settingsOf(receipt.company.id);
  const payer = receipt.payerName?.trim() || 'client';
  const receiptEntry: PlannedEntry = {
    companyId: receipt.company.id,
    kind: 'receipt',
    journalCode: own.journalCode,
    journalLabel: own.journalLabel,
    label: `Encaissement ${payer}`,
    lines: [
      signed(receipt.amountCents, {
        role: receipt.parked === true ? 'suspense' : 'bank',
        account: receipt.parked === true ? own.suspenseAccount : own.bankAccount,
        accountLabel: accountLabel(receipt.parked === true ? own.suspenseAccount : own.bankAccount),
        pieceRef: receipt.pieceRef,
        label: receipt.parked === true ? `Réaffectation ${payer}` : `Encaissement ${payer}`,
      }),
    ],
  };
  const others = new Map<number, { company: CompanyRef; allocations: AllocationToPost[] }>();
  for (const allocation of receipt.allocations) {
    if (allocation.company.id === receipt.company.id) {
      receiptEntry.lines.push(allocationLine(allocation, own, receipt.pieceRef));
      continue;
    }
    const other = others.get(allocation.company.id) ?? {
      company: allocation.company,
      allocations: [],
    };
    other.allocations.push(allocation);
    others.set(allocation.company.id, other);
  }

  const entries = [receiptEntry];
  for (const { company, allocations } of others.values()) {
    const settings = settingsOf(company.id);
    const total = allocations.reduce((sum, allocation) => sum + allocation.amountCents, 0);
    // The money is the other company's: the credited one owes it through the group account.
    receiptEntry.lines.push(
      signed(-total, {
        role: 'intercompany',
        account: own.intercompanyAccount,
        accountLabel: accountLabel(own.intercompanyAccount),
        auxiliary: { code: company.code, label: company.name },
        pieceRef: receipt.pieceRef,
        label: `Règlement reçu pour ${company.code}`,
      }),
    );
    entries.push({
      companyId: company.id,
      kind: 'intercompany',
      journalCode: settings.transferJournalCode,
      journalLabel: settings.transferJournalLabel,
      label: `Règlement reçu par ${receipt.company.code}`,
      lines: [
        signed(total, {
          role: 'intercompany',
          account: settings.intercompanyAccount,
          accountLabel: accountLabel(settings.intercompanyAccount),
          auxiliary: { code: receipt.company.code, label: receipt.company.name },
          pieceRef: receipt.pieceRef,
          label: `Règlement reçu par ${receipt.company.code}`,
        }),
        ...allocations.map((allocation) => allocationLine(allocation, settings, receipt.pieceRef)),
      ],
    });
  }
  // A zero line says nothing and the schema refuses it.
  for (const entry of entries) {
    entry.lines = entry.lines.filter((line) => line.debitCents !== 0 || line.creditCents !== 0);
  }
  return entries;
}

// A positive allocation is money the customer no longer owes: a credit; a negative one a debit.
function allocationLine(
  allocation: AllocationToPost,
  settings: PostingSettings,
  receiptPiece: string,
): PlannedLine {
  const { kind, invoice, customer } = allocation;
  const number = invoice?.number ?? '';
  const customerAccount = customer?.account ?? settings.customerAccount;
  const common = {
    role: kind,
    allocationId: allocation.id,
    decidedBy: allocation.decidedBy,
    ...(invoice === undefined ? {} : { invoiceId: invoice.id }),
    ...(customer === undefined ? {} : { customerId: customer.id }),
  };
  const onCustomer = (account: string, pieceRef: string, label: string): PlannedLine =>
    signed(-allocation.amountCents, {
      ...common,
      account,
      accountLabel: accountLabel(account),
      ...(customer !== undefined && takesCustomerAuxiliary(account)
        ? { auxiliary: { code: customer.code, label: customer.name } }
        : {}),
      pieceRef,
      label,
    });
  const elsewhere = (account: string, label: string): PlannedLine =>
    signed(-allocation.amountCents, {
      ...common,
      account,
      accountLabel: accountLabel(account),
      pieceRef: receiptPiece,
      label,
    });

  switch (kind) {
    case 'invoice':
    case 'otherCompany':
      return onCustomer(customerAccount, number, `Règlement ${number}`);
    case 'partial':
      return onCustomer(customerAccount, number, `Règlement partiel ${number}`);
    case 'creditNote':
      return onCustomer(customerAccount, number, `Avoir ${number} déduit`);
    case 'priceRevision':
      // Its own piece, so that lettrage by PieceRef never takes it with the invoice. Left at
      // the default, it stays on the customer's own collective account until the revision
      // invoice is booked; a company that sets another account (class 7) gets that one.
      return onCustomer(
        settings.priceRevisionAccount === settings.customerAccount
          ? customerAccount
          : settings.priceRevisionAccount,
        receiptPiece,
        `Révision de prix ${number}`,
      );
    case 'onAccount':
      if (customer === undefined)
        return elsewhere(settings.suspenseAccount, 'Encaissement à affecter');
      // 4191 holds advances on orders: only a clerk knows a receipt is one. What the engine
      // puts on account is an overpayment (trop-perçu), an unlettered credit on the
      // customer's own account until it is refunded or used.
      return allocation.decidedBy === 'engine'
        ? onCustomer(customerAccount, receiptPiece, `Trop-perçu ${customer.name}`)
        : onCustomer(settings.onAccountAccount, receiptPiece, `Acompte ${customer.name}`);
    case 'bankFee':
      return elsewhere(settings.bankFeeAccount, `Frais bancaires ${number}`.trim());
    case 'writeOff':
      return elsewhere(
        allocation.amountCents < 0 ? settings.writeOffLossAccount : settings.writeOffGainAccount,
        `Écart de règlement ${number}`.trim(),
      );
  }
}

/** A line of `cents` debit when positive, credit when negative. */
function signed(cents: Cents, line: Omit<PlannedLine, 'debitCents' | 'creditCents'>): PlannedLine {
  return { ...line, debitCents: Math.max(cents, 0), creditCents: Math.max(-cents, 0) };
}
