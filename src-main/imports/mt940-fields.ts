/** One tagged field of an MT940 message, with its continuation lines. */
export interface Mt940Field {
  /** "20", "25", "61", "86", "62F"...; "-" for the end of a message. */
  tag: string;
  /** 1-based line of the tag in the file. */
  line: number;
  /** The text after the tag, then each continuation line, untrimmed. */
  lines: string[];
}

const tagPattern = /^:(\d{2}[A-Z]?):/;

/**
 * Cuts a decoded MT940 file into its tagged fields. Files come as bare messages or inside SWIFT
 * blocks ({1:...}{2:...}{4: ... -}), with or without the header lines some banks put before each
 * message ("0000 01INGBNL2AXXXX00001", "940 00", ":940:"), ended by "-", "-XXX" or "-}". Text
 * outside a message is such a header and is skipped; inside one, a line without a tag continues
 * the field before it.
 */
export function readMt940Fields(text: string): Mt940Field[] {
  const fields: Mt940Field[] = [];
  let current: Mt940Field | undefined;
  const lines = text.replaceAll('\u001a', '').split(/\r\n|\r|\n/);

  for (const [at, raw] of lines.entries()) {
    const line = at + 1;
    const { content, ends } = unwrapLine(raw);
    if (ends) {
      fields.push({ tag: '-', line, lines: [] });
      current = undefined;
    }
    if (content.trim() === '') continue;

    const tag = tagPattern.exec(content);
    if (tag !== null) {
      current = { tag: tag[1] ?? '', line, lines: [content.slice(tag[0].length)] };
      fields.push(current);
    } else if (current !== undefined) {
      current.lines.push(content);
    }
  }
  return fields;
}

/**
 * Removes the SWIFT block wrapper around the text block of a message. A line that is only "-" or
 * "-XXX", or starts with "-}", ends the message; a mere dash at the start of a line is text,
 * as in a wrapped remittance "- Facture 12".
 */
function unwrapLine(raw: string): { content: string; ends: boolean } {
  if (/^-(XXX)?\s*$/.test(raw)) return { content: '', ends: true };
  if (raw.startsWith('-}')) return { content: stripBlockHeaders(raw.slice(2)), ends: true };
  return { content: stripBlockHeaders(raw), ends: false };
}

/** Drops the {1:}, {2:}, {3:} and {5:} blocks at the start of a line, and the "{4:" opening. */
function stripBlockHeaders(text: string): string {
  let rest = text;
  while (rest.startsWith('{')) {
    if (rest.startsWith('{4:')) return rest.slice(3);
    const end = closingBrace(rest);
    // A header block cut across lines holds nothing of the statement.
    if (end < 0) return '';
    rest = rest.slice(end + 1);
  }
  return rest;
}

/** Index of the brace closing the one at index 0; block 3 nests blocks such as {108:...}. */
function closingBrace(text: string): number {
  let depth = 0;
  for (let at = 0; at < text.length; at += 1) {
    if (text[at] === '{') depth += 1;
    if (text[at] === '}') depth -= 1;
    if (depth === 0) return at;
  }
  return -1;
}
