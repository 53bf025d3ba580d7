import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the engine learns and from what: the log of every decision (engine or clerk) with its
 * before and after, learned facts (payer IBAN and name to customer, public accountant to the
 * bodies it pays for) that can be listed and removed, the scoring model trained on clerks'
 * decisions with the examples it was trained on, and matching settings per company or
 * customer. Payer links of the first schema become learned facts.
 */
export class Learning1764806600000 implements MigrationInterface {
  name = 'Learning1764806600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE payer_link (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('iban', 'name')),
      key TEXT NOT NULL,
      customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('ledger', 'engine', 'clerk')),
      hits INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      UNIQUE (kind, key, customer_id)
    )`);
    await queryRunner.query(`INSERT INTO payer_link (kind, key, customer_id, source, hits, created_at)
      SELECT kind, key, customer_id, source, hits, created_at FROM learned_fact
      WHERE kind IN ('iban', 'name')`);
    for (const table of [
      'matching_setting',
      'training_example',
      'scoring_model',
      'learned_fact',
      'decision_log',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE proposal DROP COLUMN features_json');
  }
}

const statements = [
  `CREATE TABLE decision_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    transaction_id INTEGER REFERENCES bank_transaction(id) ON DELETE CASCADE,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL
  )`,
  `CREATE INDEX decision_log_transaction ON decision_log (transaction_id)`,
  `CREATE TABLE learned_fact (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('iban', 'name', 'accountant')),
    key TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('ledger', 'engine', 'clerk')),
    hits INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    decision_id INTEGER REFERENCES decision_log(id) ON DELETE SET NULL,
    UNIQUE (kind, key, customer_id)
  )`,
  `INSERT INTO learned_fact (kind, key, customer_id, source, hits, created_at, updated_at)
    SELECT kind, key, customer_id, source, hits, created_at, created_at FROM payer_link`,
  `DROP TABLE payer_link`,
  `CREATE TABLE scoring_model (
    id INTEGER PRIMARY KEY,
    weights_json TEXT NOT NULL,
    examples INTEGER NOT NULL,
    auto_threshold REAL,
    trained_at TEXT NOT NULL
  )`,
  `CREATE TABLE training_example (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decision_log(id) ON DELETE CASCADE,
    features_json TEXT NOT NULL,
    label INTEGER NOT NULL CHECK (label IN (0, 1))
  )`,
  `ALTER TABLE proposal ADD COLUMN features_json TEXT`,
  `CREATE TABLE matching_setting (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    customer_id INTEGER REFERENCES customer(id),
    settings_json TEXT NOT NULL,
    UNIQUE (company_id, customer_id)
  )`,
];
