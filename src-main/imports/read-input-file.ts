import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LettraError } from '../errors/lettra-error.js';

/** The bytes of a file the clerk named, or an error naming it. */
export function readInputFile(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new LettraError('file.unreadable', reason, { file: basename(path) });
  }
  if (bytes.length === 0)
    throw new LettraError('file.empty', 'the file is empty', { file: basename(path) });
  return bytes;
}
