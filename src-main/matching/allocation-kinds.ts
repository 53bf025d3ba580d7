/** What a line of an allocation settles, as exported and as posted later. */
export type AllocationKind =
  | 'invoice'
  | 'partial'
  | 'creditNote'
  | 'priceRevision'
  | 'bankFee'
  | 'writeOff'
  | 'onAccount'
  | 'otherCompany';

export type MatchStatus = 'auto' | 'proposed' | 'unmatched';
