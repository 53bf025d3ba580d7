import { describe, expect, it } from 'vitest';
import { loadScoringModel } from '../../src-main/matching/scoring-model.js';
import { migrationDatabases } from '../support/migration-databases.js';

const databases = migrationDatabases();

describe('thresholds by evidence migration', () => {
  it('keeps the threshold an older version calibrated, for every kind of evidence', async () => {
    const path = await databases.older(3, async (run) => {
      await run(`INSERT INTO scoring_model (weights_json, examples, auto_threshold, trained_at)
      VALUES ('{"bias": -2.5}', 120, 0.87, '2026-11-30T10:00:00Z')`);
    });

    const store = await databases.open(path);
    const model = loadScoringModel(store);
    expect(model.thresholds).toEqual({ named: 0.87, payer: 0.87, accountant: 0.87, choice: 0.87 });
    expect(model.weights.bias).toBe(-2.5);
    expect(model.examples).toBe(120);
  });
});
