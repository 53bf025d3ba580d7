import type { ExportedReceipt } from './allocations-export.js';

const header = [
  'transaction_id',
  'company',
  'file',
  'index',
  'booking_date',
  'amount',
  'currency',
  'payer_name',
  'payer_iban',
  'status',
  'confidence',
  'invoice_company',
  'invoice',
  'customer',
  'allocated_amount',
  'kind',
  'explanation',
  'remittance',
];

/**
 * The allocations export as CSV: one row per allocation line (for a proposal, the lines of
 * the best one), and one row with empty invoice columns for a receipt without any.
 */
export function allocationsToCsv(receipts: ExportedReceipt[]): string {
  const rows = [header.join(',')];
  for (const receipt of receipts) {
    const common = [
      String(receipt.id),
      receipt.company,
      receipt.source.file,
      String(receipt.source.index),
      receipt.bookingDate,
      receipt.amount,
      receipt.currency,
      text(receipt.payer.name ?? ''),
      receipt.payer.iban ?? '',
      receipt.status,
      receipt.confidence.toFixed(4),
    ];
    const lines = receipt.allocations.length > 0 ? receipt.allocations : [undefined];
    for (const line of lines) {
      rows.push(
        [
          ...common,
          line?.company ?? '',
          line?.invoice ?? '',
          line?.customer ?? '',
          line?.amount ?? '',
          line?.kind ?? '',
          text(receipt.explanation),
          text(receipt.remittance),
        ]
          .map(quote)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

// Bank text goes into spreadsheets: a payer named "=HYPERLINK(...)" must stay text there.
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
