import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import { entities } from './entities.js';

const log = createLogger('store');

/**
 * The open ledger mirror: the TypeORM data source for entity reads and writes, and the
 * underlying better-sqlite3 connection for prepared statements on hot paths. Both share
 * one connection, so a transaction opened on `sql` covers both.
 */
export interface Store {
  readonly dataSource: DataSource;
  readonly sql: Database;
  readonly path: string;
  close(): Promise<void>;
}

/** Where the database lives when neither `--db` nor LETTRA_DB says otherwise. */
export function defaultDatabasePath(): string {
  if (process.env.LETTRA_DB) return process.env.LETTRA_DB;
  const home = homedir();
  const dataFolder =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'));
  return join(dataFolder, 'Lettra', 'lettra.sqlite');
}

/**
 * Opens (creating if needed) the database at `path`, refuses one written by a newer Lettra,
 * and brings an older one up to date with the migrations.
 */
export async function openStore(path: string = defaultDatabasePath()): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: path,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    prepareDatabase: (connection: Database) => {
      // Before anything writes, so that a database from a newer Lettra is left untouched.
      refuseNewerDatabase(connection, path);
      connection.pragma('journal_mode = WAL');
      connection.pragma('synchronous = NORMAL');
    },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    if (error instanceof LettraError) throw error;
    throw new LettraError('database.unreadable', `cannot open the database: ${String(error)}`, {
      file: path,
    });
  }
  const sql = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log.info('database migrated', { path, applied: applied.length });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return { dataSource, sql, path, close: () => dataSource.destroy() };
}

function refuseNewerDatabase(sql: Database, path: string): void {
  const table = sql
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'`)
    .get();
  if (table === undefined) return;
  const known = new Set(migrations.map((migration) => migration.name));
  const applied = sql.prepare('SELECT name FROM schema_migration').pluck().all() as string[];
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new LettraError(
      'database.newerVersion',
      `this database was written by a newer version of Lettra (it has migration ${unknown[0]}); ` +
        'update Lettra to open it',
      { file: path },
    );
  }
}
