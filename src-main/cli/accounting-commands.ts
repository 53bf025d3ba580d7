import { basename, dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { BatchFormat, PostingSettings } from '../api/accounting-methods.js';
import { LettraError } from '../errors/lettra-error.js';
import { parseDecimalToCents } from '../money/cents.js';
import { printAudit, printBatch, printSettings, printStatus } from './print-accounting.js';
import { withApi } from './with-api.js';

// Option name to setting, for `lettra accounting settings`.
const settingOptions: Array<[string, keyof PostingSettings, string]> = [
  ['journal', 'journalCode', 'bank journal code (BQ)'],
  ['journal-label', 'journalLabel', 'bank journal label'],
  ['transfer-journal', 'transferJournalCode', 'journal of intercompany transfers (OD)'],
  ['transfer-journal-label', 'transferJournalLabel', 'its label'],
  ['bank', 'bankAccount', 'bank account (512000)'],
  ['customers', 'customerAccount', 'customer collective account (411000)'],
  ['price-revision', 'priceRevisionAccount', 'price revisions (411000: kept for the invoice)'],
  ['bank-fees', 'bankFeeAccount', 'bank fees (627000)'],
  ['write-off-loss', 'writeOffLossAccount', 'small short payments written off (658000)'],
  ['write-off-gain', 'writeOffGainAccount', 'small overpayments written off (758000)'],
  ['on-account', 'onAccountAccount', 'payments on account (419100)'],
  ['intercompany', 'intercompanyAccount', 'group current account (451000)'],
  ['suspense', 'suspenseAccount', 'money of unknown customers (471000)'],
];

/**
 * The accounting commands: `export accounting` (numbered FEC or CSV batches), `audit`,
 * `status` and `accounting settings`.
 */
export function registerAccountingCommands(program: Command): void {
  const exportCommand =
    program.commands.find((command) => command.name() === 'export') ??
    program.command('export').description('write results out');
  exportCommand
    .command('accounting')
    .description('the entries not exported yet, as the next numbered batch for the accounting')
    .requiredOption('--company <code>', 'the company whose entries to export')
    .addOption(
      new Option(
        '--format <format>',
        'fec or csv (default: fec; with --batch, as recorded)',
      ).choices(['fec', 'csv']),
    )
    .option('--out <file>', 'the file to write (default: <SIREN>FEC<date>-B<n>.txt here)')
    .option('--batch <number>', 'write an exported batch again, identical to the first time')
    .action(
      (
        options: { company: string; format?: BatchFormat; out?: string; batch?: string },
        command: Command,
      ) =>
        withApi(command, (api) => {
          // The service writes the file before it records the batch: a path that cannot be
          // written leaves no batch sealed.
          const target =
            options.out === undefined
              ? { folder: process.cwd() }
              : { folder: dirname(resolve(options.out)), fileName: basename(options.out) };
          const exported =
            options.batch === undefined
              ? api['accounting.export']({
                  company: options.company,
                  format: options.format ?? 'fec',
                  ...target,
                })
              : api['accounting.rewriteBatch']({
                  company: options.company,
                  batch: positiveInteger(options.batch, 'batch'),
                  ...(options.format === undefined ? {} : { format: options.format }),
                  ...target,
                });
          if (exported.batch === null) {
            console.log(`Nothing new to export for ${options.company}.`);
            return;
          }
          printBatch(exported, options.batch !== undefined);
        }),
    );

  program
    .command('audit')
    .description('the chain from statement line to export batch of an invoice or a receipt')
    .option('--invoice <number>', 'an invoice or credit note number')
    .option('--company <code>', 'the company of the invoice, when numbers repeat')
    .option('--transaction <id>', 'a bank transaction id, as exported')
    .action(
      (options: { invoice?: string; company?: string; transaction?: string }, command: Command) =>
        withApi(command, (api) => {
          if ((options.invoice === undefined) === (options.transaction === undefined)) {
            throw new LettraError('usage', 'give --invoice NUMBER or --transaction ID', {});
          }
          printAudit(
            api['accounting.audit']({
              ...(options.invoice === undefined ? {} : { invoice: options.invoice }),
              ...(options.company === undefined ? {} : { company: options.company }),
              ...(options.transaction === undefined
                ? {}
                : { transaction: positiveInteger(options.transaction, 'transaction') }),
            }),
          );
        }),
    );

  program
    .command('status')
    .description('per company: cash not allocated, automation rates, entries to export')
    .action((_options: unknown, command: Command) =>
      withApi(command, (api) => printStatus(api['accounting.status']({}))),
    );

  const settings = program
    .command('accounting')
    .description('posting rules of the companies')
    .command('settings')
    .description('show the accounts and journals of a company; options change them')
    .requiredOption('--company <code>', 'the company');
  for (const [name, , description] of settingOptions) {
    settings.option(`--${name} <value>`, description);
  }
  settings
    .option('--write-off-max <amount>', 'largest difference written off automatically (5.00)')
    .action((options: Record<string, string>, command: Command) =>
      withApi(command, (api) => {
        const changes: Partial<PostingSettings> = {};
        for (const [name, key] of settingOptions) {
          const value = options[camel(name)];
          if (value !== undefined) (changes as Record<string, string>)[key] = value;
        }
        if (options.writeOffMax !== undefined) {
          changes.writeOffMaxCents = parseDecimalToCents(options.writeOffMax, {
            field: 'write-off-max',
          });
        }
        const company = options.company as string;
        printSettings(
          company,
          Object.keys(changes).length === 0
            ? api['accounting.settings']({ company })
            : api['accounting.updateSettings']({ company, settings: changes }),
        );
      }),
    );
}

function positiveInteger(text: string, field: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new LettraError('usage', `--${field} takes a positive whole number, not "${text}"`, {
      field,
      value: text,
    });
  }
  return Number(text);
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
