import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { InitialSchema1764806400000 } from '../../migrations/0001-initial-schema.js';
import { openStore } from '../../src-main/db/store.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A database file at the first schema, filled by `fill`, as an older Lettra left it. */
async function firstSchemaDatabase(
  fill: (run: (sql: string) => Promise<unknown>) => Promise<void>,
) {
  const folder = mkdtempSync(join(tmpdir(), 'lettra-migration-'));
  folders.push(folder);
  const path = join(folder, 'old.sqlite');
  const old = new DataSource({
    type: 'better-sqlite3',
    database: path,
    migrations: [InitialSchema1764806400000],
    migrationsTableName: 'schema_migration',
  });
  await old.initialize();
  await old.runMigrations();
  await fill((sql) => old.query(sql));
  await old.destroy();
  return path;
}

describe('learning migration', () => {
  it('creates the decision log, learned facts and scoring tables on an empty database', async () => {
    const store = await openStore(await firstSchemaDatabase(async () => {}));
    const tables = store.sql
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'decision_log',
        'learned_fact',
        'scoring_model',
        'training_example',
        'matching_setting',
      ]),
    );
    expect(tables).not.toContain('payer_link');
    await store.close();
  });

  it('keeps the payer links an older version learned, as learned facts', async () => {
    const path = await firstSchemaDatabase(async (run) => {
      await run(
        `INSERT INTO company (id, code, name, created_at) VALUES (1, 'C01', 'Alpha', '2026-01-01')`,
      );
      await run(`INSERT INTO customer (id, company_id, code, name) VALUES (7, 1, '411A', 'ACME')`);
      await run(`INSERT INTO payer_link (kind, key, customer_id, source, hits, created_at)
                 VALUES ('iban', 'FR7630006000011234567890189', 7, 'engine', 3, '2026-02-01')`);
    });
    const store = await openStore(path);
    expect(
      store.sql.prepare('SELECT kind, key, customer_id, source, hits FROM learned_fact').all(),
    ).toEqual([
      {
        kind: 'iban',
        key: 'FR7630006000011234567890189',
        customer_id: 7,
        source: 'engine',
        hits: 3,
      },
    ]);
    await store.close();
  });
});
