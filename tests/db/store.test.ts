import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openStore } from '../../src-main/db/store.js';

const folders: string[] = [];

function tempPath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lettra-store-'));
  folders.push(folder);
  return join(folder, 'nested', 'lettra.sqlite');
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('store', () => {
  it('creates the database and its folder, and applies every migration once', async () => {
    const path = tempPath();
    const store = await openStore(path);
    const applied = store.sql.prepare('SELECT name FROM schema_migration').pluck().all();
    expect(applied).toEqual(migrations.map((migration) => migration.name));
    await store.close();

    const reopened = await openStore(path);
    expect(reopened.sql.prepare('SELECT count(*) FROM schema_migration').pluck().get()).toBe(
      migrations.length,
    );
    await reopened.close();
  });

  it('refuses a database written by a newer version, naming the file', async () => {
    const path = tempPath();
    const store = await openStore(path);
    store.sql
      .prepare('INSERT INTO schema_migration (timestamp, name) VALUES (?, ?)')
      .run(9_999_999_999_999, 'FutureFeature9999999999999');
    await store.close();

    const before = readFileSync(path);
    await expect(openStore(path)).rejects.toThrow(
      /lettra\.sqlite: this database was written by a newer version of Lettra/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
