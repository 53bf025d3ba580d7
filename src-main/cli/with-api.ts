import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LettraApi } from '../api/contract.js';
import { createApi } from '../api/router.js';
import { defaultDatabasePath, openStore } from '../db/store.js';
import { setLogLevel } from '../log/logger.js';
import { progressPrinter } from './progress.js';

/**
 * Opens the database named by --db (or LETTRA_DB, or the default), runs one command's work
 * against the API, and closes the database whatever happens.
 */
export async function withApi(
  command: Command,
  work: (api: LettraApi) => void | Promise<void>,
): Promise<void> {
  const options = command.optsWithGlobals<{ db?: string; verbose?: boolean }>();
  if (options.verbose) setLogLevel('info');
  const path = options.db ?? defaultDatabasePath();
  // A mistyped --db would otherwise start an empty database without a word.
  if (path !== ':memory:' && !existsSync(path)) {
    process.stderr.write(`lettra: creating a new database at ${resolve(path)}\n`);
  }
  const store = await openStore(path);
  try {
    await work(createApi(store, progressPrinter()));
  } finally {
    await store.close();
  }
}
