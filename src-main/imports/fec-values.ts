import { InputError } from '../errors/lettra-error.js';
import { parseDecimalToCents, type Cents } from '../money/cents.js';
import type { FecColumns } from './fec-columns.js';
import { parseLedgerDate } from './ledger-dates.js';

/**
 * Reads the amounts and dates of FEC lines, with the file, line and field of any bad
 * value. A FEC has a million lines where it has a few hundred distinct dates, so each date
 * text is parsed once; the zero side of a debit/credit pair is recognised without parsing.
 */
export class FecValueReader {
  private readonly dates = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly columns: FecColumns,
  ) {}

  /** Debit minus credit of a line, whichever way the file writes its amounts. */
  amount(fields: readonly string[], line: number): Cents {
    const { amounts } = this.columns;
    if (amounts.kind === 'debitCredit') {
      return (
        this.cents(fields[amounts.debit], line, 'Debit') -
        this.cents(fields[amounts.credit], line, 'Credit')
      );
    }

    const amount = this.cents(fields[amounts.amount], line, 'Montant');
    const side = (fields[amounts.side] ?? '').trim().toUpperCase();
    if (side === 'D' || side === '+1' || side === '1' || side === 'DEBIT') return amount;
    if (side === 'C' || side === '-1' || side === 'CREDIT') return -amount;
    throw new InputError('input.malformed', `"${side}" is not a side (D or C)`, {
      file: this.file,
      line,
      field: 'Sens',
      value: side,
    });
  }

  /** The YYYY-MM-DD form of a date field; an empty field gives `fallback` when there is one. */
  date(text: string | undefined, line: number, field: string, fallback?: string): string {
    const value = (text ?? '').trim();
    const known = this.dates.get(value);
    if (known !== undefined) return known;
    if (value === '' && fallback !== undefined) return fallback;

    const date = parseLedgerDate(value, { file: this.file, line, field });
    this.dates.set(value, date);
    return date;
  }

  private cents(text: string | undefined, line: number, field: string): Cents {
    // Several exporters leave the zero side of a line empty rather than writing 0,00.
    if (text === undefined || text === '' || text === '0,00' || text === '0.00') return 0;
    return parseDecimalToCents(text, { file: this.file, line, field });
  }
}
