/**
 * Reads a decoded file line by line. CR, LF and CRLF all end a line, mixed freely within one
 * file, and each of them counts as one line: that is how an editor numbers the lines, so a
 * line number in an error message is the one the clerk sees when opening the file.
 */
export class LineReader {
  private position = 0;
  private lineNumber = 0;
  private readonly terminator = /\r\n?|\n/g;

  constructor(private readonly text: string) {}

  /** 1-based number of the line last returned by `read`. */
  get line(): number {
    return this.lineNumber;
  }

  /** The next line without its terminator, or undefined once the text is exhausted. */
  read(): string | undefined {
    if (this.position > this.text.length) return undefined;

    this.lineNumber += 1;
    this.terminator.lastIndex = this.position;
    const match = this.terminator.exec(this.text);
    if (match === null) {
      const rest = this.text.slice(this.position);
      this.position = this.text.length + 1;
      return rest;
    }
    const content = this.text.slice(this.position, match.index);
    this.position = match.index + match[0].length;
    return content;
  }
}

/** True for a line holding nothing but blanks, which every ledger reader skips. */
export function isBlankLine(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}
