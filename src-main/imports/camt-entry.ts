import { createLogger } from '../log/logger.js';
import type { Cents } from '../money/cents.js';
import {
  readCharges,
  readEntryFacts,
  readOperationCode,
  type EntryFacts,
} from './camt-entry-facts.js';
import {
  distinct,
  mergeCounterparties,
  readCounterparty,
  type Counterparty,
} from './camt-parties.js';
import {
  joinRemittance,
  readEndToEndId,
  readRemittance,
  readTransactionDetails,
} from './camt-remittance.js';
import { readAmount, readSign, type Money, type Where } from './camt-values.js';
import { nodesAt, textAt, type XmlNode } from './camt-xml.js';
import type { ParsedTransaction } from './statement-types.js';

const log = createLogger('imports/camt');

/** What reading an entry needs from the statement and the file around it. */
export interface EntryScope {
  file: string;
  /** The statement's currency, for amounts without a Ccy attribute. */
  currency: string;
  /** Line used when the parser could not place an element, e.g. an empty `<Ntry/>`. */
  fallbackLine: number;
  lineOf(node: XmlNode): number | undefined;
  /** Hands out the 1-based position of the next transaction in the whole file. */
  nextIndex(): number;
}

/** The amount, sign, line and charges that belong to one transaction and not to its entry. */
interface OwnFigures {
  money: Money;
  sign: 1 | -1;
  line: number;
  charges?: Cents;
}

/**
 * Reads one Ntry into its transactions. Each TxDtls of a batch entry is a transaction of its
 * own with its own amount, because each pays its own invoices; an entry without TxDtls is one
 * transaction. Amounts are signed by CdtDbtInd, a TxDtls's own indicator winning over the
 * entry's, and a reversal keeps the sign the bank booked.
 */
export function readEntry(entry: XmlNode, scope: EntryScope): ParsedTransaction[] {
  const line = scope.lineOf(entry) ?? scope.fallbackLine;
  const facts = readEntryFacts(entry, { file: scope.file, line });
  const whole: OwnFigures = { money: facts.amount, sign: facts.sign, line, charges: facts.charges };
  const transactions = nodesAt(entry, 'NtryDtls/TxDtls');

  if (transactions.length === 0) return [assemble(facts, [], whole, scope)];

  const parts = transactions.map((node) => ({ node, own: readOwnFigures(node, facts, scope) }));
  const [only] = parts;
  if (only !== undefined && parts.length === 1) {
    // A lone TxDtls is the whole entry, so it starts at <Ntry> and carries what the bank
    // booked (Ntry/Amt): its own amount may be what the payer instructed, in another
    // currency or before charges, and is not what reached the account.
    const own = {
      ...only.own,
      line,
      money: facts.amount,
      sign: facts.sign,
      charges: only.own.charges ?? facts.charges,
    };
    return [assemble(facts, [only.node], own, scope)];
  }

  if (parts.every(hasOwnAmount)) {
    logWhenPartsDoNotAddUp(facts, parts);
    // Charges reported on the batch entry belong to no single transfer, so none carries them.
    return parts.map((part) => assemble(facts, [part.node], part.own, scope));
  }

  // Splitting the entry total over TxDtls that give no amount would invent figures, and
  // keeping the total on each would count it several times. One transaction for the whole
  // entry with every TxDtls's text keeps the books right and lets the clerk split it.
  log.info('kept a batch entry whole: one of its TxDtls gives no amount', {
    file: scope.file,
    line,
  });
  const charges = facts.charges ?? sumDefined(parts.map((part) => part.own.charges));
  const merged = assemble(facts, transactions, { ...whole, charges }, scope);
  // Positions still count every TxDtls, so the transactions after this one keep theirs.
  for (let skipped = 1; skipped < transactions.length; skipped += 1) scope.nextIndex();
  return [merged];
}

/** A TxDtls with what it says of its own amount, sign, line and charges. */
interface Part {
  node: XmlNode;
  own: Omit<OwnFigures, 'money'> & { money?: Money };
}

function hasOwnAmount(part: Part): part is Part & { own: OwnFigures } {
  return part.own.money !== undefined;
}

function readOwnFigures(transaction: XmlNode, facts: EntryFacts, scope: EntryScope): Part['own'] {
  const line = scope.lineOf(transaction) ?? facts.where.line;
  const where: Where = { file: scope.file, line };
  // v04 and later give the amount directly under TxDtls; v02 only in AmtDtls/TxAmt. The
  // instructed amount (InstdAmt) is what the payer asked to send, maybe in its currency and
  // before charges: never a booked amount, so a batch giving only that stays whole.
  const money =
    readAmount(transaction, 'Amt', where, 'TxDtls/Amt') ??
    readAmount(transaction, 'AmtDtls/TxAmt/Amt', where, 'TxDtls/AmtDtls/TxAmt/Amt');
  return {
    money,
    sign: readSign(transaction, where, 'TxDtls/CdtDbtInd') ?? facts.sign,
    line,
    charges: readCharges(transaction, where, 'TxDtls'),
  };
}

function assemble(
  facts: EntryFacts,
  transactions: XmlNode[],
  own: OwnFigures,
  scope: EntryScope,
): ParsedTransaction {
  const movement = { credit: own.sign > 0, reversal: facts.reversal };
  const party = combineParties(transactions.map((node) => readCounterparty(node, movement)));
  const remittances = transactions.map(readRemittance);
  const texts = [...remittances.flatMap((remittance) => remittance.texts), ...facts.texts];
  const endToEndIds = distinct(transactions.map(readEndToEndId));
  const single = transactions.length === 1 ? transactions[0] : undefined;

  return {
    index: scope.nextIndex(),
    line: own.line,
    bookingDate: facts.bookingDate,
    valueDate: facts.valueDate,
    // A zero amount stays +0 whatever its indicator, so that it compares equal to 0.
    amountCents: own.money.cents === 0 ? 0 : own.sign * own.money.cents,
    currency: own.money.currency ?? facts.amount.currency ?? scope.currency,
    payerName: party.name,
    payerIban: party.iban,
    ultimatePayerName: party.ultimateName,
    remittance: joinRemittance(texts),
    references: distinct(remittances.flatMap((remittance) => remittance.references)),
    endToEndId: endToEndIds.length === 1 ? endToEndIds[0] : undefined,
    bankReference: facts.bankReference ?? textAt(single, 'Refs/AcctSvcrRef'),
    operationCode:
      (single === undefined ? undefined : readOperationCode(single).code) ?? facts.operationCode,
    reversal: facts.reversal,
    chargesCents: own.charges,
    details: [
      ...facts.details,
      ...transactions.flatMap(readTransactionDetails),
      ...(endToEndIds.length > 1
        ? endToEndIds.map((id) => ({ label: 'Refs/EndToEndId', text: id }))
        : []),
      ...party.details,
      ...texts,
    ],
  };
}

function combineParties(parties: Counterparty[]): Counterparty {
  const [first] = parties;
  if (first === undefined) return { details: [] };
  return parties.length === 1 ? first : mergeCounterparties(parties);
}

function sumDefined(values: Array<Cents | undefined>): Cents | undefined {
  const defined = values.filter((value) => value !== undefined);
  return defined.length === 0 ? undefined : defined.reduce((sum, value) => sum + value, 0);
}

// Parts that do not add up to their entry usually mean charges taken or a bank's own quirk;
// the parts are still what each payer paid, so this is only worth a line in a verbose log.
function logWhenPartsDoNotAddUp(facts: EntryFacts, parts: Array<{ own: OwnFigures }>): void {
  const sameCurrency = parts.every(
    ({ own }) => (own.money.currency ?? facts.amount.currency) === facts.amount.currency,
  );
  const sum = parts.reduce((total, { own }) => total + own.sign * own.money.cents, 0);
  if (sameCurrency && sum !== facts.sign * facts.amount.cents) {
    log.debug('batch TxDtls do not add up to their entry', {
      file: facts.where.file,
      line: facts.where.line,
    });
  }
}
