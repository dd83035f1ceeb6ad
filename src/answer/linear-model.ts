/**
 * The models the answer step reads: linear scores over named features, stored as generated JSON
 * (`npm run train` writes them). Features are looked up by name when a model loads, so a model and
 * the code that computes its features cannot silently disagree on their order.
 */

export interface LinearModelFile {
  features: string[];
  weights: number[];
  bias: number;
}

/** A loaded model: the score (a logit) of one feature row laid out in `names` order. */
export type LinearScorer = (x: ArrayLike<number>) => number;

export function linearScorer(model: LinearModelFile, names: readonly string[], what: string): LinearScorer {
  if (model.features.length !== model.weights.length) throw new Error(`${what}: ${model.features.length} features but ${model.weights.length} weights`);
  const slots = model.features.map((name) => {
    const at = names.indexOf(name);
    if (at < 0) throw new Error(`${what}: the model uses a feature the code does not compute: ${name} (run npm run train)`);
    return at;
  });
  const weights = Float64Array.from(model.weights);
  return (x) => {
    let z = model.bias;
    for (let i = 0; i < slots.length; i++) z += weights[i]! * x[slots[i]!]!;
    return z;
  };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
