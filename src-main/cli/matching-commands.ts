import type { Command } from 'commander';
import type { MatchingOverrides } from '../api/matching-methods.js';
import { LettraError } from '../errors/lettra-error.js';
import { parseDecimalToCents } from '../money/cents.js';
import { printMatchingSettings } from './print-matching-settings.js';
import { withApi } from './with-api.js';

interface SettingsOptions {
  company: string;
  customer?: string;
  priceRevision?: string;
  writeOffMax?: string;
  bankFeeMax?: string;
  bankFeeMaxRate?: string;
  autoThreshold?: string;
  reset?: boolean;
}

/** `lettra matching settings`: the tolerances and threshold of a company or a customer. */
export function registerMatchingCommands(program: Command): void {
  program
    .command('matching')
    .description('tolerances and automatic threshold of the engine')
    .command('settings')
    .description(
      "show a company's or a customer's tolerances and who set each; options change them",
    )
    .requiredOption('--company <code>', 'the company')
    .option('--customer <code>', "one of the company's customers (its auxiliary account)")
    .option(
      '--price-revision <share>',
      'largest price revision, as a share of the invoices (5% or 0.05)',
    )
    .option('--write-off-max <amount>', 'largest difference written off either way (5.00)')
    .option('--bank-fee-max <amount>', "largest fees a foreign payer's bank deducts (30.00)")
    .option('--bank-fee-max-rate <share>', '...and share of the invoices it deducts (5%)')
    .option(
      '--auto-threshold <score>',
      'company only: lowest score allocated without a clerk, 0.5 to 0.999 ' +
        "(replaces the thresholds calibrated on the clerks' decisions)",
    )
    .option('--reset', 'forget what was set for the company or customer, before any option')
    .action((options: SettingsOptions, command: Command) =>
      withApi(command, (api) => {
        const changes = settingChanges(options);
        const target = { company: options.company, customer: options.customer };
        const reset = options.reset === true;
        const view =
          Object.keys(changes).length > 0 || reset
            ? api['matching.updateSettings']({ ...target, settings: changes, reset })
            : api['matching.settings'](target);
        const posting = api['accounting.settings']({ company: options.company });
        printMatchingSettings(view, posting.writeOffMaxCents);
      }),
    );
}

function settingChanges(options: SettingsOptions): MatchingOverrides {
  const changes: MatchingOverrides = {};
  if (options.priceRevision !== undefined) {
    changes.priceRevisionRate = parseNumber(options.priceRevision, 'price-revision', true);
  }
  if (options.writeOffMax !== undefined) {
    changes.writeOffMaxCents = parseDecimalToCents(options.writeOffMax, {
      field: 'write-off-max',
    });
  }
  if (options.bankFeeMax !== undefined) {
    changes.bankFeeMaxCents = parseDecimalToCents(options.bankFeeMax, { field: 'bank-fee-max' });
  }
  if (options.bankFeeMaxRate !== undefined) {
    changes.bankFeeMaxRate = parseNumber(options.bankFeeMaxRate, 'bank-fee-max-rate', true);
  }
  if (options.autoThreshold !== undefined) {
    changes.autoThreshold = parseNumber(options.autoThreshold, 'auto-threshold', false);
  }
  return changes;
}

// "3%", "2,5 %" or "0.03" for a share, "0.97" for a score; whether it is in range is the
// service's to say.
function parseNumber(text: string, field: string, percentAllowed: boolean): number {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(text);
  if (match === null || (match[2] === '%' && !percentAllowed)) {
    const expected = percentAllowed ? 'a share such as 3% or 0.03' : 'a number such as 0.97';
    throw new LettraError('matching.badSetting', `"${text}" is not ${expected}`, {
      field,
      value: text,
    });
  }
  const digits = (match[1] as string).replace(',', '.');
  // Shifting the decimal point in the text keeps "3.3%" exactly 0.033, as if typed so.
  return Number(match[2] === '%' ? `${digits}e-2` : digits);
}
