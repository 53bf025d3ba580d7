import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openStore } from '../../src-main/db/store.js';
import { loadScoringModel } from '../../src-main/matching/scoring-model.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('thresholds by evidence migration', () => {
  it('keeps the threshold an older version calibrated, for every kind of evidence', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lettra-migration-'));
    folders.push(folder);
    const path = join(folder, 'old.sqlite');
    const old = new DataSource({
      type: 'better-sqlite3',
      database: path,
      migrations: migrations.slice(0, 3),
      migrationsTableName: 'schema_migration',
    });
    await old.initialize();
    await old.runMigrations();
    await old.query(`INSERT INTO scoring_model (weights_json, examples, auto_threshold, trained_at)
      VALUES ('{"bias": -2.5}', 120, 0.87, '2026-11-30T10:00:00Z')`);
    await old.destroy();

    const store = await openStore(path);
    const model = loadScoringModel(store);
    expect(model.thresholds).toEqual({ named: 0.87, payer: 0.87, accountant: 0.87, choice: 0.87 });
    expect(model.weights.bias).toBe(-2.5);
    expect(model.examples).toBe(120);
    await store.close();
  });
});
