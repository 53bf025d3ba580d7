import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { LettraError } from '../errors/lettra-error.js';
import { defaultMatchingSettings } from '../matching/matching-settings.js';
import type { ScoringModelView } from '../matching/scoring-model.js';
import { withApi } from './with-api.js';

/** `lettra decide` and `lettra learned`: clerks' decisions and what the engine learned. */
export function registerDecisionCommands(program: Command): void {
  program
    .command('decide')
    .description(
      "apply clerks' decisions from a JSON file: [{id, action, proposal?, allocations?}]",
    )
    .requiredOption('--file <file>', 'the decisions file')
    .option('--actor <name>', 'who decided (default: the user name)')
    .action((options: { file: string; actor?: string }, command: Command) => {
      // Read before the database is opened: a mistyped name must not start a new database.
      const decisions = readDecisionsFile(options.file);
      return withApi(command, (api) => {
        const outcomes = api['decisions.apply']({
          decisions,
          actor: options.actor ?? userInfo().username,
          source: basename(options.file),
        });
        for (const outcome of outcomes) {
          const decision = [
            `decision ${outcome.position}`,
            outcome.id === null ? '' : ` (id ${outcome.id})`,
            ':',
            outcome.action === '' ? '' : ` ${outcome.action}`,
          ].join('');
          console.log(
            outcome.applied
              ? `${decision} applied (${outcome.status})`
              : `${decision} NOT applied: ${outcome.error}`,
          );
        }
        const refused = outcomes.filter((outcome) => !outcome.applied).length;
        console.log(`${outcomes.length - refused} decisions applied, ${refused} refused.`);
        if (refused > 0) process.exitCode = 1;
      });
    });

  program
    .command('learned')
    .description('list what the engine learned from decisions, or remove one fact')
    .option('--remove <id>', 'forget the learned fact with this id')
    .option('--model', 'show the scoring weights and automatic thresholds instead')
    .action((options: { remove?: string; model?: boolean }, command: Command) =>
      withApi(command, (api) => {
        if (options.model === true) {
          printModel(api['learned.model']({}));
          return;
        }
        if (options.remove !== undefined) {
          if (!/^\d+$/.test(options.remove)) {
            throw new LettraError(
              'usage',
              `--remove takes the id of a learned fact, not "${options.remove}"`,
            );
          }
          const fact = api['learned.remove']({ id: Number(options.remove) });
          console.log(`Forgotten: ${fact.kind} ${fact.key} -> ${fact.company} ${fact.customer}`);
          return;
        }
        console.log(
          ['id', 'kind', 'key', 'company', 'customer', 'name', 'source', 'hits'].join('\t'),
        );
        for (const fact of api['learned.list']({})) {
          console.log(
            [
              fact.id,
              fact.kind,
              fact.key,
              fact.company,
              fact.customer,
              fact.customerName,
              fact.source,
              fact.hits,
            ].join('\t'),
          );
        }
      }),
    );
}

function printModel(model: ScoringModelView): void {
  const thresholds = Object.entries(model.thresholds);
  console.log(
    thresholds.length === 0
      ? `Trained on ${model.examples} examples; automatic threshold ` +
          `${defaultMatchingSettings.autoThreshold.toFixed(2)} until decisions calibrate one.`
      : `Trained on ${model.examples} examples; automatic thresholds: ` +
          thresholds.map(([kind, value]) => `${kind} ${value.toFixed(2)}`).join(', '),
  );
  console.log(
    "A company's own threshold (lettra matching settings --company CODE) replaces these.",
  );
  console.log(['feature', 'default', 'trained'].join('\t'));
  for (const weight of model.weights) {
    console.log([weight.feature, weight.default.toFixed(2), weight.trained.toFixed(2)].join('\t'));
  }
}

/** The decisions file as JSON, or an error saying it is missing, unreadable or not JSON. */
export function readDecisionsFile(path: string): unknown {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LettraError('file.notFound', `no file at ${resolve(path)}`, { file });
    }
    throw new LettraError('file.unreadable', (error as Error).message, { file });
  }
  if (text.trim() === '') throw new LettraError('file.empty', 'the file is empty', { file });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new LettraError('input.malformed', `not valid JSON: ${(error as Error).message}`, {
      file,
    });
  }
}
