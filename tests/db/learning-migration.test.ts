import { describe, expect, it } from 'vitest';
import { migrationDatabases } from '../support/migration-databases.js';

const databases = migrationDatabases();

describe('learning migration', () => {
  it('creates the decision log, learned facts and scoring tables on an empty database', async () => {
    const store = await databases.open(await databases.older(1));
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
  });

  it('keeps the payer links an older version learned, as learned facts', async () => {
    const path = await databases.older(1, async (run) => {
      await run(
        `INSERT INTO company (id, code, name, created_at) VALUES (1, 'C01', 'Alpha', '2026-01-01')`,
      );
      await run(`INSERT INTO customer (id, company_id, code, name) VALUES (7, 1, '411A', 'ACME')`);
      await run(`INSERT INTO payer_link (kind, key, customer_id, source, hits, created_at)
                 VALUES ('iban', 'FR7630006000011234567890189', 7, 'engine', 3, '2026-02-01')`);
    });
    const store = await databases.open(path);
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
  });
});
