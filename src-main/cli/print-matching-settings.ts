import type { MatchingSettingsView } from '../api/matching-methods.js';
import type { MatchingSettingKey } from '../matching/matching-settings-store.js';
import { formatCentsFrench, type Cents } from '../money/cents.js';

// Each setting under the name of the option that changes it, in the order of `--help`.
const lines: Array<[MatchingSettingKey, string, (value: number) => string]> = [
  ['priceRevisionRate', 'price-revision', percent],
  ['writeOffMaxCents', 'write-off-max', (value) => formatCentsFrench(value)],
  ['bankFeeMaxCents', 'bank-fee-max', (value) => formatCentsFrench(value)],
  ['bankFeeMaxRate', 'bank-fee-max-rate', percent],
  ['autoThreshold', 'auto-threshold', (value) => String(value)],
];

/**
 * The effective matching settings and the level each comes from, then what the posting rules
 * do with a write-off larger than they allow.
 */
export function printMatchingSettings(view: MatchingSettingsView, postingWriteOffMax: Cents): void {
  const whose =
    view.customer === null ? view.company : `${view.company}, customer ${view.customer}`;
  console.log(`Matching settings of ${whose}:`);
  for (const [key, name, format] of lines) {
    const value = format(view.settings[key]).padEnd(10);
    console.log(`  ${name.padEnd(18)} ${value} ${view.setBy[key]}${calibration(view, key)}`);
  }
  if (view.settings.writeOffMaxCents > postingWriteOffMax) {
    console.log(
      `Note: the posting rules allow write-offs up to ${formatCentsFrench(postingWriteOffMax)} ` +
        `only, and the engine keeps to that\n(raise it with lettra accounting settings --write-off-max).`,
    );
  }
}

function calibration(view: MatchingSettingsView, key: MatchingSettingKey): string {
  const thresholds = Object.entries(view.calibratedThresholds);
  if (key !== 'autoThreshold' || thresholds.length === 0) return '';
  const list = thresholds.map(([evidence, threshold]) => `${evidence} ${threshold}`).join(', ');
  return `, calibrated on the clerks’ decisions: ${list}`;
}

// 0.025 as "2,5 %", as a French clerk writes it.
function percent(share: number): string {
  return `${String(Number((share * 100).toFixed(4))).replace('.', ',')} %`;
}
