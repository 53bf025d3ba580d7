import type { Store } from '../db/store.js';
import { createLogger } from '../log/logger.js';
import { defaultWeights, featureNames, scoreFeatures, type Weights } from './scoring.js';

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
 * decisions the data wins.
 */
export function trainWeights(
  examples: TrainingExample[],
  prior: Weights = defaultWeights,
): Weights {
  if (examples.length === 0) return { ...prior };
  const size = featureNames.length;
  const start = featureNames.map((name) => prior[name]);
  const weights = [...start];
  // The prior counts like this many decisions that agree with the default weights.
  const priorStrength = 20;
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
    for (let index = 0; index < size; index += 1) weights[index]! -= step * gradient[index]!;
  }
  return Object.fromEntries(
    featureNames.map((name, index) => [name, round(weights[index]!)]),
  ) as Weights;
}

/** Retrains on every recorded example and stores the new weights; returns them. */
export function retrainScoringModel(store: Store): { weights: Weights; examples: number } {
  const examples = (
    store.sql
      .prepare('SELECT features_json AS features, label FROM training_example')
      .all() as Array<{
      features: string;
      label: 0 | 1;
    }>
  ).map((row) => ({ features: JSON.parse(row.features) as number[], label: row.label }));
  const weights = trainWeights(examples);
  store.sql
    .prepare('INSERT INTO scoring_model (weights_json, examples, trained_at) VALUES (?, ?, ?)')
    .run(JSON.stringify(weights), examples.length, new Date().toISOString());
  const accuracy =
    examples.filter(
      (example) => (scoreFeatures(example.features, weights) >= 0.5 ? 1 : 0) === example.label,
    ).length / Math.max(1, examples.length);
  log.info('scoring model trained', { examples: examples.length, accuracy: round(accuracy) });
  return { weights, examples: examples.length };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
