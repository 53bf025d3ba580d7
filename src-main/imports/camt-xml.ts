import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../errors/lettra-error.js';

/** One XML element as fast-xml-parser gives it: children by local name, `@_` attributes, `#text`. */
export type XmlNode = { readonly [name: string]: unknown };

/** A parsed document and the way back from any of its elements to a line of the file. */
export interface XmlDocument {
  root: XmlNode;
  /**
   * 1-based line of the element's start tag, when the parser recorded where it began. It comes
   * from the parser's own offsets rather than a search for `<Ntry>` in the text, so a tag in a
   * comment or CDATA section cannot shift the count.
   */
  lineOf(node: XmlNode): number | undefined;
}

// Elements that may repeat somewhere in camt.053/.054 versions 02 to 08. Declaring them keeps a
// one-entry statement shaped like a two-entry one; the accessors below accept both shapes anyway.
const repeatingElements = new Set([
  'Stmt',
  'Ntfctn',
  'Bal',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'Ustrd',
  'Strd',
  'RfrdDocInf',
  'AddtlRmtInf',
  'Chrgs',
  'Rcrd',
]);

const metaDataKey = XMLParser.getMetaDataSymbol() as symbol;

/**
 * Parses XML text into plain objects. Tag values stay strings (references keep their leading
 * zeros), namespace prefixes are dropped and attributes kept (`Ccy`). The text is validated
 * first because the parser alone silently accepts a truncated file and would lose entries;
 * a broken file is an InputError 'input.malformed' with the line to look at.
 */
export function parseXmlDocument(text: string, file: string): XmlDocument {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    // Elements still open at the end mean a file cut short (an interrupted download); the
    // validator then points at the first line or the opening tag, the clerk needs the last.
    const endsEarly = /^(Unclosed tag|Invalid '\[)/.test(verdict.err.msg);
    const message = endsEarly
      ? 'the XML ends before its elements are closed; the file may be truncated'
      : `not well-formed XML: ${verdict.err.msg}`;
    const line = endsEarly ? text.trimEnd().split('\n').length : verdict.err.line;
    throw new InputError('input.malformed', message, { file, line });
  }

  const parser = new XMLParser({
    parseTagValue: false,
    ignoreAttributes: false,
    removeNSPrefix: true,
    captureMetaData: true,
    // Turns on numeric character references (`Soci&#233;t&#233;`), which some banks use for
    // accents; without it they would reach payer names and remittance text undecoded.
    htmlEntities: true,
    isArray: (tagName, _path, _isLeaf, isAttribute) =>
      !isAttribute && repeatingElements.has(tagName),
  });
  const root: unknown = parser.parse(text);
  const lineStarts = findLineStarts(text);

  return {
    root: isNode(root) ? root : {},
    lineOf: (node) => {
      const metaData = (node as { [key: symbol]: { startIndex?: number } | undefined })[
        metaDataKey
      ];
      const offset = metaData?.startIndex;
      return offset === undefined ? undefined : lineAt(lineStarts, offset);
    },
  };
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) {
    starts.push(offset + 1);
  }
  return starts;
}

function lineAt(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** True for an element that has children or attributes, as opposed to a text value. */
export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every value at a slash-separated path of child names below `node`, in document order. */
export function valuesAt(node: XmlNode | undefined, path: string): unknown[] {
  let current: unknown[] = node === undefined ? [] : [node];
  for (const name of path.split('/')) {
    current = current.flatMap((value) => (isNode(value) ? asList(value[name]) : []));
  }
  return current;
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The elements at `path`; an empty element such as `<TxDtls/>` counts as one with no content. */
export function nodesAt(node: XmlNode | undefined, path: string): XmlNode[] {
  return valuesAt(node, path).map((value) => (isNode(value) ? value : {}));
}

/** The first element at `path`, if any. */
export function nodeAt(node: XmlNode | undefined, path: string): XmlNode | undefined {
  return nodesAt(node, path)[0];
}

/** The non-empty texts at `path`, in document order. */
export function textsAt(node: XmlNode | undefined, path: string): string[] {
  return valuesAt(node, path)
    .map(textOf)
    .filter((text) => text !== undefined);
}

/** The first non-empty text at `path`, if any. */
export function textAt(node: XmlNode | undefined, path: string): string | undefined {
  return textsAt(node, path)[0];
}

/** The text content of an element, whether or not it carries attributes; undefined when empty. */
export function textOf(value: unknown): string | undefined {
  const text = isNode(value) ? value['#text'] : value;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** An attribute of an element, such as the `Ccy` of an amount. */
export function attributeOf(value: unknown, name: string): string | undefined {
  if (!isNode(value)) return undefined;
  const attribute = value[`@_${name}`];
  return typeof attribute === 'string' && attribute !== '' ? attribute : undefined;
}
