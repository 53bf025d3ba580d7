import { InputError } from '../errors/lettra-error.js';
import { readStatement } from './camt-statement.js';
import { isNode, nodesAt, parseXmlDocument, type XmlNode } from './camt-xml.js';
import type { ParsedStatementFile, StatementFormat } from './statement-types.js';
import { decodeLatin9Text } from './latin9-decoding.js';
import { decodeText } from './text-decoding.js';

/** The two bank-to-customer messages read here, known by the element under Document. */
const messages: ReadonlyArray<{ element: string; statement: string; format: StatementFormat }> = [
  { element: 'BkToCstmrStmt', statement: 'Stmt', format: 'camt.053' },
  { element: 'BkToCstmrDbtCdtNtfctn', statement: 'Ntfctn', format: 'camt.054' },
];

/**
 * Reads a camt.053 statement or camt.054 debit/credit notification, versions 02 to 08, into
 * one ParsedStatement per Stmt or Ntfctn. The message is recognised by the element under the
 * Document rather than by its namespace, which some banks leave out or misspell; the version
 * does not matter either, as each field is looked for where any version puts it.
 *
 * Throws InputError: 'file.empty', 'file.unknownFormat' for something that is not a camt
 * message, 'input.malformed' for broken XML or a message without statement, and the amount,
 * date and missing-field codes with the file, line and field of the culprit.
 */
export function parseCamt(bytes: Uint8Array, fileName: string): ParsedStatementFile {
  // The declaration tells ISO-8859-15 (euro sign at 0xA4) from Latin-1 / Windows-1252.
  const declaration = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  const text = /encoding\s*=\s*["'](iso-?8859-15|latin-?9)["']/i.test(declaration)
    ? decodeLatin9Text(bytes)
    : decodeText(bytes);
  if (text.trim() === '')
    throw new InputError('file.empty', 'the file is empty', { file: fileName });
  if (!text.trimStart().startsWith('<')) {
    throw new InputError('file.unknownFormat', 'not an XML file', { file: fileName });
  }

  const document = parseXmlDocument(text, fileName);
  const message = findMessage(document.root);
  if (message === undefined) {
    throw new InputError('file.unknownFormat', 'not a camt.053 or camt.054 message', {
      file: fileName,
    });
  }

  const statements = nodesAt(message.node, message.statement);
  if (statements.length === 0) {
    throw new InputError('input.malformed', `${message.element} holds no ${message.statement}`, {
      file: fileName,
      line: document.lineOf(message.node),
      field: `${message.element}/${message.statement}`,
    });
  }

  let next = 1;
  const scope = { file: fileName, lineOf: document.lineOf, nextIndex: () => next++ };
  return {
    format: message.format,
    statements: statements.map((statement) => readStatement(statement, scope)),
  };
}

// The message normally sits under Document; an export that renames or drops that wrapper is
// still read, by looking at the root and one level below it.
function findMessage(root: XmlNode) {
  const candidates = [root, ...Object.values(root).filter(isNode)];
  for (const candidate of candidates) {
    for (const message of messages) {
      const [node] = nodesAt(candidate, message.element);
      if (node !== undefined) return { ...message, node };
    }
  }
  return undefined;
}
