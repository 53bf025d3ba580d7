import { InputError } from '../errors/lettra-error.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** One record of a delimited file and the 1-based line where it starts. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * Reads RFC 4180 records: fields may be quoted, a quote inside a quoted field is doubled,
 * and a quoted field may hold the separator or line breaks (so a record may span several
 * lines; lines are counted like `LineReader` does). Blank lines are skipped. A quote left
 * open at the end of the file is an InputError naming the line where the record started.
 */
export function readCsvRecords(text: string, separator: string, file: string): CsvRecord[] {
  const separatorCode = separator.charCodeAt(0);
  const records: CsvRecord[] = [];
  let position = 0;
  let line = 1;

  while (position < text.length) {
    const recordLine = line;
    const fields: string[] = [];

    for (;;) {
      let value: string;
      if (text.charCodeAt(position) === QUOTE) {
        const quoted = readQuotedField(text, position, separatorCode);
        if (quoted === undefined) {
          throw new InputError('input.malformed', 'a quoted field is never closed', {
            file,
            line: recordLine,
          });
        }
        value = quoted.value;
        position = quoted.end;
        line += quoted.lineBreaks;
      } else {
        const end = endOfField(text, position, separatorCode);
        value = text.slice(position, end);
        position = end;
      }
      fields.push(value);

      if (position < text.length && text.charCodeAt(position) === separatorCode) {
        position += 1;
        continue;
      }
      break;
    }

    position = skipLineEnd(text, position);
    line += 1;
    if (fields.length === 1 && fields[0]?.trim() === '') continue;
    records.push({ fields, line: recordLine });
  }
  return records;
}

interface QuotedField {
  value: string;
  /** Position just after the closing quote and anything up to the next separator. */
  end: number;
  lineBreaks: number;
}

function readQuotedField(
  text: string,
  start: number,
  separatorCode: number,
): QuotedField | undefined {
  let value = '';
  let lineBreaks = 0;
  let chunkStart = start + 1;
  let position = start + 1;

  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === QUOTE) {
      value += text.slice(chunkStart, position);
      if (text.charCodeAt(position + 1) === QUOTE) {
        value += '"';
        position += 2;
        chunkStart = position;
        continue;
      }
      // Spreadsheets sometimes leave text after the closing quote (`"12,50" EUR`); RFC 4180
      // gives it no meaning, so it is kept as written rather than lost.
      const end = endOfField(text, position + 1, separatorCode);
      return { value: value + text.slice(position + 1, end), end, lineBreaks };
    }
    if (code === LF || (code === CR && text.charCodeAt(position + 1) !== LF)) lineBreaks += 1;
    position += 1;
  }
  return undefined;
}

function endOfField(text: string, from: number, separatorCode: number): number {
  let position = from;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === separatorCode || code === CR || code === LF) break;
    position += 1;
  }
  return position;
}

function skipLineEnd(text: string, position: number): number {
  if (text.charCodeAt(position) === CR) {
    return text.charCodeAt(position + 1) === LF ? position + 2 : position + 1;
  }
  return text.charCodeAt(position) === LF ? position + 1 : position;
}
