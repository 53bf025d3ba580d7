import { InputError, type ErrorContext } from '../errors/lettra-error.js';
import { indexColumns, normalizeColumnName } from './delimited-columns.js';

/** How a FEC states the amount of a line: the usual pair of columns, or an amount and a side. */
export type FecAmountColumns =
  | { kind: 'debitCredit'; debit: number; credit: number }
  | { kind: 'amountSide'; amount: number; side: number };

/** Positions of the FEC columns the ledger reader uses, found by name in the header. */
export interface FecColumns {
  count: number;
  journalCode: number;
  journalLabel: number;
  entryNumber?: number;
  entryDate: number;
  account: number;
  accountLabel: number;
  auxiliaryAccount: number;
  auxiliaryLabel: number;
  pieceRef: number;
  pieceDate: number;
  entryLabel: number;
  lettering: number;
  dueDate?: number;
  amounts: FecAmountColumns;
}

/** The separators article A47 A-1 allows, plus the semicolon some packages write anyway. */
export const fecSeparators: readonly string[] = ['\t', '|', ';'];

// The FEC leaves due dates out; a few packages add one under one of these names.
const dueDateNames = ['DateEcheance', 'EcheanceDate', 'DateEch', 'Echeance'];

/**
 * Finds the FEC columns by name, in any order and any case, so that the 18-column layout,
 * its 21-22 column variants and the Montant/Sens variant all read the same way. A missing
 * mandatory column is an InputError naming it.
 */
export function resolveFecColumns(
  headerFields: readonly string[],
  context: ErrorContext,
): FecColumns {
  const positions = indexColumns(headerFields);
  const find = (name: string) => positions.get(normalizeColumnName(name));
  const require = (name: string): number => {
    const position = find(name);
    if (position === undefined) {
      throw new InputError('input.missingField', `the FEC header has no ${name} column`, {
        ...context,
        field: name,
      });
    }
    return position;
  };

  const debit = find('Debit');
  const credit = find('Credit');
  const amounts: FecAmountColumns =
    debit !== undefined || credit !== undefined || find('Montant') === undefined
      ? { kind: 'debitCredit', debit: require('Debit'), credit: require('Credit') }
      : { kind: 'amountSide', amount: require('Montant'), side: require('Sens') };

  return {
    count: headerFields.length,
    journalCode: require('JournalCode'),
    journalLabel: require('JournalLib'),
    entryNumber: find('EcritureNum'),
    entryDate: require('EcritureDate'),
    account: require('CompteNum'),
    accountLabel: require('CompteLib'),
    auxiliaryAccount: require('CompAuxNum'),
    auxiliaryLabel: require('CompAuxLib'),
    pieceRef: require('PieceRef'),
    pieceDate: require('PieceDate'),
    entryLabel: require('EcritureLib'),
    lettering: require('EcritureLet'),
    dueDate: dueDateNames.map(find).find((position) => position !== undefined),
    amounts,
  };
}
