import { compactText, compactWithBoundaries, isDigit, normalizeText } from './normalize-text.js';
import { invoiceNumbersNamed, isOtherNumberAt } from './numbering-patterns.js';
import type { OpenItem } from './open-items.js';

/** How an invoice number was found in a remittance text, from surest to loosest. */
export interface ReferenceHit {
  item: OpenItem;
  /** 1 for the number standing alone as written; lower for glued text or dropped zeros. */
  quality: number;
  /** The characters of the compact text that matched, for the explanation. */
  matched: string;
}

interface IndexedKey {
  item: OpenItem;
  /** The key drops the leading zeros the number has. */
  zerosDropped: boolean;
}

const minimumKeyLength = 4;

/**
 * An index of the open invoice numbers of every company, searched in remittance texts where
 * payers glue, cut, re-space or drop the leading zeros of references.
 */
export class ReferenceIndex {
  private readonly keys = new Map<string, IndexedKey[]>();
  /** The key lengths that exist for each prefix of `minimumKeyLength` characters. */
  private readonly lengthsByPrefix = new Map<string, number[]>();
  /** Numbers of fewer than five digits ("3002"), found only after a word for invoice. */
  private readonly shortNumbers = new Map<string, OpenItem[]>();

  constructor(items: OpenItem[]) {
    for (const item of items) {
      const exact = compactText(item.number);
      this.add(exact, { item, zerosDropped: false });
      const variants = [withoutLeadingZeros(item.number), withoutSequenceZeros(item.number)];
      // Payers drop the letters of a prefix ("2026-0815" for "FA-2026-0815"); the digits
      // left, seven or more, are still a number nothing else is likely to have.
      const digits = /^[A-Z]+(\d{7,})$/.exec(exact)?.[1];
      if (digits !== undefined) variants.push(digits);
      for (const variant of new Set(variants)) {
        if (variant !== exact) this.add(variant, { item, zerosDropped: true });
      }
    }
  }

  /** Every open item whose number appears in the text, best quality per item. */
  find(text: string): ReferenceHit[] {
    const { text: compact, boundaryBefore } = compactWithBoundaries(text);
    const best = new Map<number, ReferenceHit>();
    let normalized: string | undefined;
    for (let start = 0; start < compact.length; start += 1) {
      const startsAtBoundary = boundaryBefore[start] === 1;
      // Inside a run of digits nothing starts: "12026" does not contain invoice "2026".
      if (!startsAtBoundary && isDigit(compact[start]) && isDigit(compact[start - 1])) continue;
      const lengths = this.lengthsByPrefix.get(compact.slice(start, start + minimumKeyLength));
      if (lengths === undefined) continue;
      for (const length of lengths) {
        const end = start + length;
        if (end > compact.length) continue;
        const entries = this.keys.get(compact.slice(start, end));
        if (entries === undefined) continue;
        const endsAtBoundary = end === compact.length || boundaryBefore[end] === 1;
        if (!endsAtBoundary && isDigit(compact[end - 1]) && isDigit(compact[end])) continue;
        // A mandate, batch or SIRET number that happens to be written like an invoice's (one
        // with letters is no such number).
        if (isDigit(compact[start])) {
          normalized ??= normalizeText(text);
          if (isOtherNumberAt(normalized, compact, boundaryBefore, start, length)) continue;
        }
        const quality = hitQuality(
          compact,
          boundaryBefore,
          start,
          end,
          startsAtBoundary,
          endsAtBoundary,
        );
        for (const entry of entries) {
          const value = entry.zerosDropped ? quality * 0.9 : quality;
          const previous = best.get(entry.item.id);
          if (previous === undefined || previous.quality < value) {
            best.set(entry.item.id, {
              item: entry.item,
              quality: value,
              matched: compact.slice(start, end),
            });
          }
        }
      }
    }
    for (const number of this.shortNumbers.size > 0 ? invoiceNumbersNamed(text) : []) {
      for (const item of this.shortNumbers.get(compactText(number)) ?? []) {
        best.set(item.id, { item, quality: 1, matched: compactText(number) });
      }
    }
    return [...best.values()];
  }

  private add(key: string, entry: IndexedKey): void {
    // A bare number of four digits is too common in texts (years, amounts) to stand alone;
    // after a word for invoice ("FACTURE 3002") it is one.
    if (/^\d+$/.test(key) && key.length < 5) {
      if (entry.zerosDropped) return;
      const list = this.shortNumbers.get(key);
      if (list === undefined) this.shortNumbers.set(key, [entry.item]);
      else list.push(entry.item);
      return;
    }
    if (key.length < minimumKeyLength) return;
    const list = this.keys.get(key);
    if (list === undefined) this.keys.set(key, [entry]);
    else list.push(entry);
    const prefix = key.slice(0, minimumKeyLength);
    const lengths = this.lengthsByPrefix.get(prefix) ?? [];
    if (!lengths.includes(key.length)) lengths.push(key.length);
    this.lengthsByPrefix.set(prefix, lengths);
  }
}

function hitQuality(
  compact: string,
  boundaryBefore: Uint8Array,
  start: number,
  end: number,
  startsAtBoundary: boolean,
  endsAtBoundary: boolean,
): number {
  let quality = 1;
  // Glued to other text ("FACTFA2026-12"): still the reference, less sure of its edges.
  if (!startsAtBoundary) quality *= isDigit(compact[start]) ? 0.8 : 0.9;
  if (!endsAtBoundary) quality *= 0.85;
  // Cut by spaces the number does not have ("FA 2026 000 123") happens; many cuts less so.
  let cuts = 0;
  for (let position = start + 1; position < end; position += 1)
    cuts += boundaryBefore[position] ?? 0;
  if (cuts > 2) quality *= 0.9;
  return quality;
}

/** "FA2026-000123" becomes "FA2026123": each group of digits loses its leading zeros. */
export function withoutLeadingZeros(number: string): string {
  return compactText(number.replace(/(^|[^0-9])0+(?=\d)/g, '$1'));
}

/**
 * "FA2026000170" becomes "FA2026170": a year glued to a zero-padded sequence, the form most
 * numbering schemes take, loses the padding the way payers drop it.
 */
export function withoutSequenceZeros(number: string): string {
  return compactText(number).replace(/(^|[^0-9])((?:19|20)\d\d)0+(\d{2,})(?!\d)/g, '$1$2$3');
}
