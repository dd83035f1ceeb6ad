/** A small L2-regularised logistic regression with class weights, fitted by gradient descent (calibration only). */

export interface LogisticFit {
  weights: number[];
  bias: number;
}

export interface LogisticOptions {
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

/** Fits P(y=1|x); classes are weighted to count equally however unbalanced the data. */
export function fitLogistic(x: readonly number[][], y: readonly number[], options: LogisticOptions = {}): LogisticFit {
  const { l2 = 0.3, iterations = 2000, learningRate = 1 } = options;
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const positives = y.filter((v) => v === 1).length;
  const weightOf = (label: number) => (label === 1 ? n / (2 * Math.max(1, positives)) : n / (2 * Math.max(1, n - positives)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(d).fill(0);
    let gradientBias = 0;
    for (let i = 0; i < n; i++) {
      const error = (predictLogistic({ weights: w, bias: b }, x[i]!) - y[i]!) * weightOf(y[i]!);
      for (let j = 0; j < d; j++) gradient[j]! += error * x[i]![j]!;
      gradientBias += error;
    }
    for (let j = 0; j < d; j++) w[j]! -= (learningRate * (gradient[j]! + l2 * w[j]!)) / n;
    b -= (learningRate * gradientBias) / n;
  }
  return { weights: w, bias: b };
}

export function predictLogistic(model: LogisticFit, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < x.length; j++) z += model.weights[j]! * x[j]!;
  return 1 / (1 + Math.exp(-z));
}

/** Leave-one-out predictions: each point scored by a model fitted without it. */
export function leaveOneOut(x: readonly number[][], y: readonly number[], options: LogisticOptions = {}): number[] {
  return x.map((row, i) => {
    const keep = (_: unknown, j: number) => j !== i;
    return predictLogistic(fitLogistic(x.filter(keep), y.filter(keep), options), row);
  });
}
