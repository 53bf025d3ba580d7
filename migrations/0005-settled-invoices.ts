import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The invoices a ledger shows as fully paid, by company and number, so that a transfer naming
 * one is known as a double payment rather than taken for a typo of an open invoice. Ledger
 * imports fill it; a database migrated here learns them at its next FEC import.
 */
export class SettledInvoices1764806800000 implements MigrationInterface {
  name = 'SettledInvoices1764806800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The customer is kept by its ledger code: a settled invoice's customer may be one the
    // mirror has not recorded yet.
    await queryRunner.query(`CREATE TABLE settled_invoice (
      id INTEGER PRIMARY KEY,
      company_id INTEGER NOT NULL REFERENCES company(id),
      customer_code TEXT NOT NULL,
      number TEXT NOT NULL,
      amount_cents INTEGER NOT NULL,
      issue_date TEXT NOT NULL,
      UNIQUE (company_id, number)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE settled_invoice');
  }
}
