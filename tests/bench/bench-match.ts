import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportedReceipt } from '../../src-main/api/contract.js';
import { createApi } from '../../src-main/api/router.js';
import { openStore } from '../../src-main/db/store.js';
import type { ClerkDecision, ClerkLine } from '../../src-main/matching/clerk-decision.js';
import { defaultMatchingSettings } from '../../src-main/matching/matching-settings.js';
import { loadScoringModel } from '../../src-main/matching/scoring-model.js';
import { defaultWeights, featureNames } from '../../src-main/matching/scoring.js';
import {
  evidenceClasses,
  type EvidenceClass,
} from '../../src-main/matching/threshold-calibration.js';
import { evaluate, formatEvaluation, type Evaluation, type TruthRecord } from '../demo/evaluate.js';
import { generateGroup, writeGroup } from '../generator/index.js';

/**
 * The matching benchmark: several weeks of a generated group (fixed seed, not the demo's),
 * played day by day as a clerk lives them: the day's statements imported, the engine run,
 * then every receipt the engine did not allocate, or allocated wrongly, decided from the
 * truth, so that the engine learns as it would in production. Prints the figures per day
 * and per week, then the scaling table of `npm run bench`.
 *
 *   npm run bench:match            five weeks, then 1k / 10k / 50k receipts
 *   npm run bench:match -- --quick five weeks only
 *   npm run bench:match -- --seed 7 another group, to see the figures are not one seed's
 */
const seedArgument = process.argv.indexOf('--seed');
const seed = seedArgument > 0 ? Number(process.argv[seedArgument + 1]) : 424_242;
const days = 25;

async function playDays(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'lettra-bench-match-'));
  const store = await openStore(join(folder, 'bench.sqlite'));
  try {
    const manifest = writeGroup(generateGroup({ seed, days, invoicesPerCompany: 600 }), folder);
    const truth = JSON.parse(readFileSync(join(folder, manifest.truth), 'utf8')) as TruthRecord[];
    const truthByKey = new Map(truth.map((record) => [`${record.file}#${record.index}`, record]));
    const api = createApi(store);
    for (const company of manifest.companies) {
      api['companies.add']({
        code: company.code,
        name: company.name,
        iban: company.iban,
        siren: company.siren,
      });
    }
    api['imports.ledgers']({ paths: manifest.ledgers.map((ledger) => join(folder, ledger.file)) });
    const dayList = [...new Set(manifest.statements.map((statement) => statement.day))].sort();
    console.log(
      'day         receipts   auto  precision  top1  top3  unmatched  ms/1000  thresholds',
    );
    const weeks: Array<{ exported: ExportedReceipt[]; truth: TruthRecord[] }> = [];
    for (const [position, day] of dayList.entries()) {
      const files = manifest.statements
        .filter((statement) => statement.day === day)
        .map((s) => join(folder, s.file));
      api['imports.statements']({ paths: files });
      const thresholds = loadScoringModel(store).thresholds;
      const matching = api['matching.run']({});
      const names = new Set(files.map((file) => basename(file)));
      const exported = api['allocations.export']({}).filter((receipt) =>
        names.has(receipt.source.file),
      );
      const dayTruth = truth.filter((record) => names.has(record.file));
      const evaluation = evaluate(exported, dayTruth);
      const perThousand = (matching.milliseconds * 1000) / Math.max(1, matching.receipts);
      console.log(`${day}  ${formatRow(evaluation, perThousand)}  ${formatThresholds(thresholds)}`);
      const week = Math.floor(position / 5);
      weeks[week] ??= { exported: [], truth: [] };
      weeks[week].exported.push(...exported);
      weeks[week].truth.push(...dayTruth);
      api['decisions.apply']({ decisions: clerkDecisions(exported, truthByKey), actor: 'bench' });
    }
    console.log('');
    console.log('week        receipts   auto  precision  top1  top3  unmatched');
    for (const [index, week] of weeks.entries()) {
      console.log(`week ${index + 1}      ${formatRow(evaluate(week.exported, week.truth))}`);
    }
    const model = loadScoringModel(store);
    const weights = model.weights;
    console.log('');
    const calibrated = formatThresholds(model.thresholds);
    console.log(`automatic thresholds calibrated on ${model.examples} examples: ${calibrated}`);
    console.log('learned weights (default -> trained):');
    for (const name of featureNames) {
      console.log(
        `  ${name.padEnd(30)} ${defaultWeights[name].toFixed(2).padStart(6)} -> ${weights[name].toFixed(2).padStart(6)}`,
      );
    }
    const all = weeks.flatMap((week) => week.exported);
    console.log(`all         ${formatRow(evaluate(all, truth))}`);
    const last = weeks.at(-1);
    // For studying the misses: BENCH_DUMP=file writes every week's receipts and truth.
    if (process.env.BENCH_DUMP) {
      writeFileSync(process.env.BENCH_DUMP, JSON.stringify({ exported: all, truth }));
    }
    if (last !== undefined) {
      console.log('');
      console.log('last week, by scenario');
      for (const line of formatEvaluation(evaluate(last.exported, last.truth)).slice(5))
        console.log(line);
    }
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The threshold of each kind of evidence, the default where none is calibrated yet. */
function formatThresholds(thresholds: Partial<Record<EvidenceClass, number>>): string {
  return evidenceClasses
    .map(
      (kind) => `${kind} ${(thresholds[kind] ?? defaultMatchingSettings.autoThreshold).toFixed(2)}`,
    )
    .join(' ');
}

/** What a clerk decides, knowing the truth, on the receipts the engine did not get right. */
function clerkDecisions(
  exported: ExportedReceipt[],
  truth: Map<string, TruthRecord>,
): ClerkDecision[] {
  const decisions: ClerkDecision[] = [];
  for (const receipt of exported) {
    const record = truth.get(`${receipt.source.file}#${receipt.source.index}`);
    if (record === undefined) continue;
    const expected = invoiceKey(record.expected ?? []);
    if (
      receipt.status === 'auto' &&
      invoiceKey(receipt.allocations) === expected &&
      expected !== ''
    )
      continue;
    if (record.expected === null) {
      decisions.push({ id: receipt.id, action: 'reject' });
      continue;
    }
    const rank = receipt.proposals.findIndex(
      (proposal) => invoiceKey(proposal.allocations) === expected,
    );
    if (rank >= 0 && sameAmounts(receipt.proposals[rank]!.allocations, record)) {
      decisions.push({ id: receipt.id, action: 'choose', proposal: rank + 1 });
      continue;
    }
    decisions.push({
      id: receipt.id,
      action: 'allocate',
      allocations: record.expected.map((line) => ({
        company: line.company,
        invoice: line.invoice,
        amount: (line.amountCents / 100).toFixed(2),
        kind: line.kind as ClerkLine['kind'],
      })),
    });
  }
  return decisions;
}

const settling = new Set(['invoice', 'partial', 'creditNote', 'otherCompany']);

function invoiceKey(lines: Array<{ company: string; invoice: string; kind: string }>): string {
  return [
    ...new Set(
      lines
        .filter((line) => settling.has(line.kind))
        .map((line) => `${line.company}/${line.invoice}`),
    ),
  ]
    .sort()
    .join(' ');
}

function sameAmounts(
  lines: Array<{ invoice: string; amount: string; kind: string }>,
  record: TruthRecord,
): boolean {
  const settled = (invoice: string) =>
    lines
      .filter((line) => line.invoice === invoice && settling.has(line.kind))
      .reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
  return (record.expected ?? [])
    .filter((line) => settling.has(line.kind))
    .every((line) => settled(line.invoice) === line.amountCents);
}

function formatRow(evaluation: Evaluation, msPerThousand?: number): string {
  const share = (part: number, whole: number) =>
    whole === 0 ? '-' : `${((part * 100) / whole).toFixed(1)}%`;
  const top3 = [...evaluation.byScenario.values()].reduce(
    (sum, scenario) => sum + scenario.top3,
    0,
  );
  return [
    String(evaluation.receipts).padStart(8),
    share(evaluation.auto, evaluation.receipts).padStart(6),
    share(evaluation.autoCorrect, evaluation.auto).padStart(10),
    share(evaluation.proposedTop1, evaluation.proposed).padStart(6),
    share(top3, evaluation.receipts).padStart(6),
    share(evaluation.unmatched, evaluation.receipts).padStart(10),
    msPerThousand === undefined ? '' : msPerThousand.toFixed(0).padStart(8),
  ].join(' ');
}

await playDays();
if (!process.argv.includes('--quick')) {
  console.log('');
  const bench = join(fileURLToPath(new URL('.', import.meta.url)), 'bench.js');
  execFileSync(process.execPath, [bench, '1000', '10000', '50000'], { stdio: 'inherit' });
}
