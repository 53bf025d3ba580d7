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
    // The one threshold calibrated before holds for every kind until the next training.
    await queryRunner.query(`UPDATE scoring_model SET thresholds_json = json_object(
        'named', auto_threshold, 'payer', auto_threshold,
        'accountant', auto_threshold, 'choice', auto_threshold)
      WHERE auto_threshold IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE scoring_model DROP COLUMN thresholds_json');
  }
}
