import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openStore, type Store } from '../../src-main/db/store.js';

/** Runs one SQL statement on a database that is being filled. */
export type RunStatement = (sql: string) => Promise<unknown>;

export interface MigrationDatabases {
  /** A new database file, in its own temporary folder. */
  path(): string;
  /** The store on `path` (a new file when omitted), migrated to the latest schema. */
  open(path?: string): Promise<Store>;
  /** A new file migrated by the first `count` migrations only, then filled by `fill`. */
  older(count: number, fill?: (run: RunStatement) => Promise<void>): Promise<string>;
}

/**
 * For migration tests: database files as an older Lettra left them, and stores opened on them.
 * Registers the clean-up after each test, which closes the stores and removes the folders.
 */
export function migrationDatabases(): MigrationDatabases {
  const folders: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  const path = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'lettra-migration-'));
    folders.push(folder);
    return join(folder, 'lettra.sqlite');
  };

  const open = async (at: string = path()): Promise<Store> => {
    const store = await openStore(at);
    stores.push(store);
    return store;
  };

  const older = async (
    count: number,
    fill: (run: RunStatement) => Promise<void> = async () => {},
  ): Promise<string> => {
    const at = path();
    const old = new DataSource({
      type: 'better-sqlite3',
      database: at,
      migrations: migrations.slice(0, count),
      migrationsTableName: 'schema_migration',
    });
    await old.initialize();
    try {
      await old.runMigrations();
      await fill((sql) => old.query(sql));
    } finally {
      await old.destroy();
    }
    return at;
  };

  return { path, open, older };
}
