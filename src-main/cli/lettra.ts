#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { describeError } from '../errors/describe-error.js';
import { LettraError } from '../errors/lettra-error.js';
import type { Language } from '../matching/explanation.js';
import { registerDecisionCommands } from './decision-commands.js';
import { registerMatchingCommands } from './matching-commands.js';
import { printLedgerImports, printMatching, printStatementImports } from './print-results.js';
import { withApi } from './with-api.js';
import { registerAccountingCommands } from './accounting-commands.js';

const language: Language = process.env.LETTRA_LANG === 'fr' ? 'fr' : 'en';

const program = new Command('lettra')
  .description('Allocates bank receipts to open invoices for a group of companies.')
  .option('--db <file>', 'the database file (default: LETTRA_DB or the user data folder)')
  .option('--verbose', 'log what the engine decides and why')
  .showHelpAfterError()
  .exitOverride();

const company = program.command('company').description('the companies of the group');
company
  .command('add')
  .description('register a company and its bank account')
  .requiredOption('--code <code>', 'short code, e.g. C01')
  .requiredOption('--name <name>', 'legal name')
  .requiredOption('--iban <iban>', 'IBAN of the account its customers pay to')
  .option('--siren <siren>', 'SIREN (9 digits), used to recognise its FEC files')
  .action(
    (options: { code: string; name: string; iban: string; siren?: string }, command: Command) =>
      withApi(command, (api) => {
        const added = api['companies.add'](options);
        console.log(
          `Company ${added.code} ${added.name} added with account ${added.ibans.join(', ')}.`,
        );
      }),
  );
company
  .command('list')
  .description('list the companies and their accounts')
  .action((_options: unknown, command: Command) =>
    withApi(command, (api) => {
      for (const row of api['companies.list']({})) {
        console.log([row.code, row.name, row.siren ?? '-', row.ibans.join(' ')].join('\t'));
      }
    }),
  );

const importCommand = program.command('import').description('read statements and ledgers');
importCommand
  .command('ledger')
  .description('import customer ledgers: FEC files or the CSV of open items')
  .argument('<files...>')
  .option(
    '--company <code>',
    'the company the ledger belongs to (FEC: else from the SIREN in the file name)',
  )
  .action((files: string[], options: { company?: string }, command: Command) =>
    withApi(command, (api) =>
      printLedgerImports(api['imports.ledgers']({ paths: files, company: options.company })),
    ),
  );
importCommand
  .command('statement')
  .description('import bank statements: CFONB 120, camt.053, camt.054, MT940')
  .argument('<files...>')
  .option('--company <code>', 'the company owning an account not registered yet')
  .action((files: string[], options: { company?: string }, command: Command) =>
    withApi(command, (api) =>
      printStatementImports(api['imports.statements']({ paths: files, company: options.company })),
    ),
  );

program
  .command('match')
  .description('allocate the receipts waiting for a decision')
  .addOption(new Option('--lang <language>', 'language of the explanations').choices(['en', 'fr']))
  .action((options: { lang?: Language }, command: Command) =>
    withApi(command, (api) =>
      printMatching(api['matching.run']({ language: options.lang ?? language })),
    ),
  );

registerMatchingCommands(program);

program
  .command('export')
  .description('write results out')
  .command('allocations')
  .description('every credit transaction with its allocation or proposals')
  .addOption(
    new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'),
  )
  .option('--out <file>', 'write to this file instead of the standard output')
  .action((options: { format: 'json' | 'csv'; out?: string }, command: Command) =>
    withApi(command, (api) => {
      const text =
        options.format === 'csv'
          ? api['allocations.exportCsv']({})
          : `${JSON.stringify(api['allocations.export']({}), null, 2)}\n`;
      if (options.out === undefined || options.out === '-') process.stdout.write(text);
      else {
        writeFileSync(options.out, text);
        console.error(`Allocations written to ${options.out}.`);
      }
    }),
  );

registerDecisionCommands(program);

registerAccountingCommands(program);

const fileProblems: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
};

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exit(0);
  if (typeof code === 'string' && code.startsWith('commander.')) process.exit(2);
  if (error instanceof LettraError) {
    console.error(`lettra: ${describeError(error, language)}`);
    process.exit(1);
  }
  // A file or folder the user named that cannot be read or written: say which, no stack.
  const system = error as NodeJS.ErrnoException;
  if (typeof system.code === 'string' && /^E[A-Z]+$/.test(system.code)) {
    const where = typeof system.path === 'string' ? `${system.path}: ` : '';
    console.error(`lettra: ${where}${fileProblems[system.code] ?? system.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(70);
}
