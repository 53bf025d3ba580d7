import type { Store } from '../db/store.js';
import { createLogger } from '../log/logger.js';
import { defaultWeights, featureNames, type Weights } from './scoring.js';
import { calibrateThresholds, decidedCases, type EvidenceClass } from './threshold-calibration.js';

const log = createLogger('scoring');

export interface TrainingExample {
  features: number[];
  label: 0 | 1;
}

/** The weights of the latest trained model, or the default ones before any decision. */
export function loadWeights(store: Store): Weights {
  const row = store.sql
    .prepare('SELECT weights_json FROM scoring_model ORDER BY id DESC LIMIT 1')
    .pluck()
    .get() as string | undefined;
  return row === undefined
    ? { ...defaultWeights }
    : { ...defaultWeights, ...(JSON.parse(row) as Partial<Weights>) };
}

/**
 * Fits the logistic model on the clerks' decisions by gradient descent, pulled towards the
 * default weights so that a few decisions adjust it rather than overturn it; with many
 * decisions the data wins. The intercept stays the default's: clerks decide the receipts the
 * engine did not allocate, where right candidates are rarer than among all receipts, and an
 * intercept learned there would mark every receipt down.
 */
export function trainWeights(
  examples: TrainingExample[],
  decisions: number,
  prior: Weights = defaultWeights,
): Weights {
  if (examples.length === 0) return { ...prior };
  const size = featureNames.length;
  const start = featureNames.map((name) => prior[name]);
  const weights = [...start];
  const intercept = featureNames.indexOf('bias');
  // The prior counts like this many decisions that agree with the default weights; more while
  // the decisions are few, for they are the hard receipts only, not a sample of all.
  const priorStrength = 20 * Math.max(1, 200 / Math.max(1, decisions));
  // A step of 1 / (Lipschitz constant) never overshoots: the log loss curves at most by a
  // quarter of the squared norm of the features.
  const largestNorm = Math.max(
    ...examples.map((example) => example.features.reduce((sum, value) => sum + value * value, 0)),
  );
  const step = 1 / (0.25 * largestNorm * examples.length + 2 * priorStrength);
  for (let epoch = 0; epoch < 500; epoch += 1) {
    const gradient = weights.map((weight, index) => 2 * priorStrength * (weight - start[index]!));
    for (const example of examples) {
      let z = 0;
      for (let index = 0; index < size; index += 1)
        z += weights[index]! * (example.features[index] ?? 0);
      const error = 1 / (1 + Math.exp(-z)) - example.label;
      for (let index = 0; index < size; index += 1)
        gradient[index]! += error * (example.features[index] ?? 0);
    }
    for (let index = 0; index < size; index += 1) {
      if (index !== intercept) weights[index]! -= step * gradient[index]!;
    }
  }
  return Object.fromEntries(
    featureNames.map((name, index) => [name, round(weights[index]!)]),
  ) as Weights;
}

export interface ScoringModel {
  weights: Weights;
  /** The automatic threshold the decisions justify for each kind of evidence, once trained. */
  thresholds: Partial<Record<EvidenceClass, number>>;
  examples: number;
}

/** The latest trained model, or the default weights and no calibrated threshold. */
export function loadScoringModel(store: Store): ScoringModel {
  const row = store.sql
    .prepare(
      `SELECT weights_json AS weights, thresholds_json AS thresholds, examples
       FROM scoring_model ORDER BY id DESC LIMIT 1`,
    )
    .get() as { weights: string; thresholds: string | null; examples: number } | undefined;
  if (row === undefined) return { weights: { ...defaultWeights }, thresholds: {}, examples: 0 };
  return {
    weights: { ...defaultWeights, ...(JSON.parse(row.weights) as Partial<Weights>) },
    thresholds:
      row.thresholds === null ? {} : (JSON.parse(row.thresholds) as ScoringModel['thresholds']),
    examples: row.examples,
  };
}

/**
 * Retrains on every recorded example, calibrates the automatic threshold on the same
 * decisions, and stores both; returns the new model.
 */
export function retrainScoringModel(store: Store): ScoringModel {
  const rows = store.sql
    .prepare(
      'SELECT decision_id AS decisionId, features_json AS features, label FROM training_example',
    )
    .all() as Array<{ decisionId: number; features: string; label: 0 | 1 }>;
  const byDecision = new Map<number, TrainingExample[]>();
  const examples = rows.map((row) => {
    const example = { features: JSON.parse(row.features) as number[], label: row.label };
    const list = byDecision.get(row.decisionId) ?? [];
    list.push(example);
    byDecision.set(row.decisionId, list);
    return example;
  });
  const weights = trainWeights(examples, byDecision.size);
  const thresholds = calibrateThresholds(decidedCases(byDecision, weights));
  store.sql
    .prepare(
      `INSERT INTO scoring_model (weights_json, examples, thresholds_json, trained_at)
       VALUES (?, ?, ?, ?)`,
    )
    .run(
      JSON.stringify(weights),
      examples.length,
      JSON.stringify(thresholds),
      new Date().toISOString(),
    );
  log.info('scoring model trained', { examples: examples.length, thresholds });
  return { weights, thresholds, examples: examples.length };
}

/** The scoring model as `lettra learned --model` shows it: every weight beside its default. */
export interface ScoringModelView {
  examples: number;
  thresholds: ScoringModel['thresholds'];
  weights: Array<{ feature: string; default: number; trained: number }>;
}

export function scoringModelView(store: Store): ScoringModelView {
  const model = loadScoringModel(store);
  return {
    examples: model.examples,
    thresholds: model.thresholds,
    weights: featureNames.map((feature) => ({
      feature,
      default: defaultWeights[feature],
      trained: model.weights[feature],
    })),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
