import { readEntry } from './camt-entry.js';
import {
  missing,
  readDate,
  readRequiredAmount,
  readRequiredSign,
  type Where,
} from './camt-values.js';
import { attributeOf, nodesAt, textAt, valuesAt, type XmlNode } from './camt-xml.js';
import { compactIban } from './iban-shape.js';
import type { AccountReference, Balance, ParsedStatement } from './statement-types.js';

/** What reading a statement needs from the file around it. */
export interface FileScope {
  file: string;
  lineOf(node: XmlNode): number | undefined;
  nextIndex(): number;
}

// ISO 4217's code for "no currency", for a notification that names none anywhere.
const noCurrency = 'XXX';

/**
 * Reads one Stmt (camt.053) or Ntfctn (camt.054): the account, its currency, the booked
 * opening and closing balances and every transaction of its entries in file order.
 */
export function readStatement(statement: XmlNode, scope: FileScope): ParsedStatement {
  const line = scope.lineOf(statement) ?? 1;
  const currency = readCurrency(statement);
  const entryScope = { ...scope, currency, fallbackLine: line };

  return {
    account: readAccount(statement),
    currency,
    statementId: textAt(statement, 'Id'),
    // PRCD (previously closed booked) carries the same amount as OPBD; some banks send only it.
    openingBalance:
      readBalance(statement, 'OPBD', 'first', scope) ??
      readBalance(statement, 'PRCD', 'first', scope),
    closingBalance: readBalance(statement, 'CLBD', 'last', scope),
    transactions: nodesAt(statement, 'Ntry').flatMap((entry) => readEntry(entry, entryScope)),
  };
}

function readAccount(statement: XmlNode): AccountReference {
  const iban = textAt(statement, 'Acct/Id/IBAN');
  if (iban !== undefined) return { iban: compactIban(iban) };
  const otherId = textAt(statement, 'Acct/Id/Othr/Id');
  return otherId === undefined ? {} : { otherId };
}

// Acct/Ccy is optional; the entries' amounts, then the balances', say it otherwise.
function readCurrency(statement: XmlNode): string {
  const currency =
    textAt(statement, 'Acct/Ccy') ??
    valuesAt(statement, 'Ntry/Amt')
      .map((amount) => attributeOf(amount, 'Ccy'))
      .find((code) => code !== undefined) ??
    valuesAt(statement, 'Bal/Amt')
      .map((amount) => attributeOf(amount, 'Ccy'))
      .find((code) => code !== undefined);
  return currency ?? noCurrency;
}

function readBalance(
  statement: XmlNode,
  type: string,
  which: 'first' | 'last',
  scope: FileScope,
): Balance | undefined {
  const balances = nodesAt(statement, 'Bal').filter(
    (balance) => textAt(balance, 'Tp/CdOrPrtry/Cd') === type,
  );
  // A statement covering several days may repeat a type; the period opens with the first
  // and closes with the last.
  const balance = which === 'first' ? balances[0] : balances.at(-1);
  if (balance === undefined) return undefined;

  const where: Where = { file: scope.file, line: scope.lineOf(balance) };
  const amount = readRequiredAmount(balance, 'Amt', where, 'Bal/Amt');
  const sign = readRequiredSign(balance, where, 'Bal/CdtDbtInd');
  const date = readDate(balance, 'Dt', where, 'Bal/Dt');
  if (date === undefined) throw missing(where, 'Bal/Dt');
  return { date, amountCents: amount.cents === 0 ? 0 : sign * amount.cents };
}
