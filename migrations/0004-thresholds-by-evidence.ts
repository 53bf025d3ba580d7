import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The automatic threshold is calibrated for each kind of evidence the engine allocates on
 * (a named invoice, a known payer's amount, a public accountant's body, a choice among
 * several sets), so that one doubtful kind does not hold back the others.
 */
export class ThresholdsByEvidence1764806700000 implements MigrationInterface {
  name = 'ThresholdsByEvidence1764806700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE scoring_model ADD COLUMN thresholds_json TEXT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE scoring_model DROP COLUMN thresholds_json');
  }
}
