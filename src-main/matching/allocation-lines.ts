import type { Cents } from '../money/cents.js';
import type { CandidateLine } from './candidate.js';
import type { GapKind } from './matching-settings.js';
import type { OpenItem } from './open-items.js';

/**
 * How a receipt of `amountCents` settles `items` (oldest first): each item for its remaining
 * amount, credit notes netted, and the difference as its own line on the last invoice — a
 * price revision, a bank fee or a write-off — or, when the payment falls short, the last
 * invoices paid in part. The lines always add up to the receipt.
 */
export function allocationLines(
  items: OpenItem[],
  amountCents: Cents,
  gapKind: GapKind,
  otherCompany: boolean,
): CandidateLine[] {
  const invoiceKind = otherCompany ? 'otherCompany' : 'invoice';
  const base = (item: OpenItem): CandidateLine => ({
    item,
    amountCents: item.remainingCents,
    kind: item.kind === 'creditNote' ? 'creditNote' : invoiceKind,
  });
  const invoiced = items.reduce((sum, item) => sum + item.remainingCents, 0);
  const gap = amountCents - invoiced;
  if (gapKind === 'partial') return partialLines(items, amountCents, otherCompany);
  const lines = items.map(base);
  if (gap === 0) return lines;
  const anchor = [...items].reverse().find((item) => item.kind === 'invoice') ?? items.at(-1);
  if (anchor === undefined) return lines;
  const kind =
    gapKind === 'priceRevision'
      ? 'priceRevision'
      : gapKind === 'bankFee'
        ? 'bankFee'
        : gapKind === 'writeOff'
          ? 'writeOff'
          : 'onAccount';
  return [...lines, { item: anchor, amountCents: gap, kind }];
}

function partialLines(
  items: OpenItem[],
  amountCents: Cents,
  otherCompany: boolean,
): CandidateLine[] {
  // Credit notes first, then invoices oldest first until the money runs out.
  const ordered = [
    ...items.filter((item) => item.kind === 'creditNote'),
    ...items.filter((item) => item.kind === 'invoice'),
  ];
  let left = amountCents;
  const lines: CandidateLine[] = [];
  for (const item of ordered) {
    if (item.kind === 'creditNote') {
      lines.push({ item, amountCents: item.remainingCents, kind: 'creditNote' });
      left -= item.remainingCents;
      continue;
    }
    if (left <= 0) break;
    const paid = Math.min(left, item.remainingCents);
    const full = paid === item.remainingCents;
    lines.push({
      item,
      amountCents: paid,
      kind: otherCompany ? 'otherCompany' : full ? 'invoice' : 'partial',
    });
    left -= paid;
  }
  return lines;
}
