import type { ExportedLine, ExportedReceipt } from '../../src-main/matching/allocations-export.js';

/** One credit transaction as the generator meant it. */
export interface TruthRecord {
  file: string;
  index: number;
  company: string;
  scenario: string;
  expected: null | Array<{ company: string; invoice: string; amountCents: number; kind: string }>;
}

export interface Evaluation {
  receipts: number;
  auto: number;
  autoCorrect: number;
  proposed: number;
  proposedTop1: number;
  proposedTop3: number;
  unmatched: number;
  /** Receipts that pay no invoice, correctly left for a clerk. */
  nonInvoiceNotAuto: number;
  byScenario: Map<string, { receipts: number; auto: number; autoCorrect: number; top3: number }>;
  missingTruth: number;
}

const settlingKinds = new Set(['invoice', 'partial', 'creditNote', 'otherCompany']);

/** The set of invoices a list of lines settles, as "company/number" keys. */
function invoiceSet(lines: Array<Pick<ExportedLine, 'company' | 'invoice' | 'kind'>>): string {
  return [
    ...new Set(
      lines
        .filter((line) => settlingKinds.has(line.kind))
        .map((line) => `${line.company}/${line.invoice}`),
    ),
  ]
    .sort()
    .join(' ');
}

function expectedSet(truth: TruthRecord): string {
  if (truth.expected === null) return '';
  return invoiceSet(
    truth.expected.map((line) => ({
      ...line,
      kind: settlingKinds.has(line.kind) ? line.kind : 'other',
    })),
  );
}

/**
 * Compares the engine's export with the generator's truth: an automatic allocation is right
 * when it settles exactly the invoices the payer meant; a proposal list is right when one of
 * its first one or three entries does.
 */
export function evaluate(exported: ExportedReceipt[], truth: TruthRecord[]): Evaluation {
  const truthByKey = new Map(truth.map((record) => [`${record.file}#${record.index}`, record]));
  const result: Evaluation = {
    receipts: 0,
    auto: 0,
    autoCorrect: 0,
    proposed: 0,
    proposedTop1: 0,
    proposedTop3: 0,
    unmatched: 0,
    nonInvoiceNotAuto: 0,
    byScenario: new Map(),
    missingTruth: 0,
  };
  for (const receipt of exported) {
    const record = truthByKey.get(`${receipt.source.file}#${receipt.source.index}`);
    if (record === undefined) {
      result.missingTruth += 1;
      continue;
    }
    result.receipts += 1;
    const expected = expectedSet(record);
    const scenario = result.byScenario.get(record.scenario) ?? {
      receipts: 0,
      auto: 0,
      autoCorrect: 0,
      top3: 0,
    };
    result.byScenario.set(record.scenario, scenario);
    scenario.receipts += 1;
    const ranked = receipt.proposals.map((proposal) => invoiceSet(proposal.allocations));
    if (receipt.status === 'auto') {
      result.auto += 1;
      scenario.auto += 1;
      if (expected !== '' && invoiceSet(receipt.allocations) === expected) {
        result.autoCorrect += 1;
        scenario.autoCorrect += 1;
      }
    } else if (receipt.status === 'proposed') {
      result.proposed += 1;
      if (ranked[0] === expected) result.proposedTop1 += 1;
      if (ranked.slice(0, 3).includes(expected)) result.proposedTop3 += 1;
    } else {
      result.unmatched += 1;
    }
    if (receipt.status !== 'auto' && expected === '') result.nonInvoiceNotAuto += 1;
    if (
      (receipt.status === 'auto' &&
        invoiceSet(receipt.allocations) === expected &&
        expected !== '') ||
      (receipt.status !== 'auto' && (ranked.slice(0, 3).includes(expected) || expected === ''))
    ) {
      scenario.top3 += 1;
    }
  }
  return result;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '-' : `${((part * 100) / whole).toFixed(1)}%`;

/** The evaluation as the lines the demo and the benchmark print. */
export function formatEvaluation(evaluation: Evaluation): string[] {
  const { receipts } = evaluation;
  const lines = [
    `receipts: ${receipts}`,
    `automatic: ${evaluation.auto} (${percent(evaluation.auto, receipts)}), precision ${percent(evaluation.autoCorrect, evaluation.auto)} (${evaluation.auto - evaluation.autoCorrect} wrong)`,
    `proposed: ${evaluation.proposed} (${percent(evaluation.proposed, receipts)}), right answer first ${percent(evaluation.proposedTop1, evaluation.proposed)}, in the first three ${percent(evaluation.proposedTop3, evaluation.proposed)}`,
    `unmatched: ${evaluation.unmatched} (${percent(evaluation.unmatched, receipts)})`,
    `automatic or right answer among three proposals (or rightly not allocated): ${percent(
      [...evaluation.byScenario.values()].reduce((sum, s) => sum + s.top3, 0),
      receipts,
    )}`,
    'by scenario (receipts, automatic, automatic right, right within three):',
  ];
  for (const [scenario, counts] of [...evaluation.byScenario.entries()].sort(
    (a, b) => b[1].receipts - a[1].receipts,
  )) {
    lines.push(
      `  ${scenario.padEnd(28)} ${String(counts.receipts).padStart(6)} ${percent(counts.auto, counts.receipts).padStart(7)} ${percent(counts.autoCorrect, counts.auto).padStart(7)} ${percent(counts.top3, counts.receipts).padStart(7)}`,
    );
  }
  if (evaluation.missingTruth > 0) lines.push(`receipts without truth: ${evaluation.missingTruth}`);
  return lines;
}
