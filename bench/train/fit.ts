/**
 * The two fits the answer step needs, by damped Newton steps with an L2 penalty (small dense problems:
 * a few dozen features, so each step solves the d × d system exactly and a fit converges in ~10 steps):
 * - a listwise ranker: softmax over one question's candidates, maximising the probability of its answering
 *   sentences (the conditional logit; several gold sentences share the mass);
 * - a logistic regression for the confidence.
 * Deterministic: the same data give the same weights on every machine.
 */

export interface RankGroup {
  /** Feature rows of one question's candidates. */
  rows: ArrayLike<number>[];
  /** Per row: 1 when it answers. At least one must. */
  labels: ArrayLike<number>;
  weight: number;
}

export interface Example {
  x: ArrayLike<number>;
  y: 0 | 1;
  weight: number;
}

export interface Fit {
  weights: number[];
  bias: number;
}

export interface FitOptions {
  /** L2 penalty per unit of total example weight. */
  l2: number;
  iterations?: number;
}

/** The listwise ranker. Bias is meaningless under a softmax and stays 0. */
export function fitRanker(groups: readonly RankGroup[], dimension: number, options: FitOptions): Fit {
  const totalWeight = groups.reduce((s, g) => s + g.weight, 0) || 1;
  const lambda = options.l2 * totalWeight;
  const loss = (w: Float64Array) => {
    let value = (lambda / 2) * dotSelf(w);
    for (const g of groups) {
      const { logSumAll, logSumPositive } = softmaxSums(g, w);
      value += g.weight * (logSumAll - logSumPositive);
    }
    return value;
  };
  const step = (w: Float64Array) => {
    const gradient = Float64Array.from(w, (v) => lambda * v);
    const hessian = identity(dimension, lambda);
    for (const g of groups) {
      const scores = g.rows.map((x) => dotRow(w, x));
      const max = Math.max(...scores);
      const p = scores.map((s) => Math.exp(s - max));
      const total = p.reduce((a, b) => a + b, 0);
      const positive = p.reduce((a, v, i) => a + (g.labels[i] ? v : 0), 0);
      const meanP = new Float64Array(dimension);
      g.rows.forEach((x, i) => {
        const pi = p[i]! / total;
        const qi = g.labels[i] ? p[i]! / positive : 0;
        for (let j = 0; j < dimension; j++) {
          gradient[j]! += g.weight * (pi - qi) * x[j]!;
          meanP[j]! += pi * x[j]!;
        }
      });
      // Covariance of the features under the softmax: the Hessian of the all-candidates term, a safe upper bound of the whole.
      g.rows.forEach((x, i) => {
        const pi = (g.weight * p[i]!) / total;
        for (let a = 0; a < dimension; a++) {
          const da = x[a]! - meanP[a]!;
          if (da === 0) continue;
          for (let b = 0; b <= a; b++) hessian[a]![b]! += pi * da * (x[b]! - meanP[b]!);
        }
      });
    }
    return { gradient, hessian };
  };
  return { weights: [...newton(new Float64Array(dimension), loss, step, options.iterations ?? 30)], bias: 0 };
}

/** The weighted logistic regression; the bias is not penalised. */
export function fitLogistic(examples: readonly Example[], dimension: number, options: FitOptions): Fit {
  const totalWeight = examples.reduce((s, e) => s + e.weight, 0) || 1;
  const lambda = options.l2 * totalWeight;
  const d = dimension + 1;
  const withBias = (x: ArrayLike<number>, j: number) => (j === dimension ? 1 : x[j]!);
  const loss = (w: Float64Array) => {
    let value = (lambda / 2) * (dotSelf(w) - w[dimension]! ** 2);
    for (const e of examples) {
      const z = dotRow(w, e.x) + w[dimension]!;
      value += e.weight * (Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - e.y * z);
    }
    return value;
  };
  const step = (w: Float64Array) => {
    const gradient = Float64Array.from(w, (v, j) => (j === dimension ? 0 : lambda * v));
    const hessian = identity(d, lambda);
    hessian[dimension]![dimension] = 1e-9;
    for (const e of examples) {
      const p = 1 / (1 + Math.exp(-(dotRow(w, e.x) + w[dimension]!)));
      const r = e.weight * p * (1 - p);
      for (let a = 0; a < d; a++) {
        const xa = withBias(e.x, a);
        gradient[a]! += e.weight * (p - e.y) * xa;
        if (xa === 0) continue;
        for (let b = 0; b <= a; b++) hessian[a]![b]! += r * xa * withBias(e.x, b);
      }
    }
    return { gradient, hessian };
  };
  const w = newton(new Float64Array(d), loss, step, options.iterations ?? 30);
  return { weights: [...w.subarray(0, dimension)], bias: w[dimension]! };
}

export function predictLogit(fit: Fit, x: ArrayLike<number>): number {
  let z = fit.bias;
  for (let j = 0; j < fit.weights.length; j++) z += fit.weights[j]! * x[j]!;
  return z;
}

/** Newton's method with a backtracking line search; `hessian` is filled in its lower triangle. */
function newton(
  start: Float64Array,
  loss: (w: Float64Array) => number,
  step: (w: Float64Array) => { gradient: Float64Array; hessian: Float64Array[] },
  iterations: number,
): Float64Array {
  let w = start;
  let current = loss(w);
  for (let it = 0; it < iterations; it++) {
    const { gradient, hessian } = step(w);
    for (let a = 0; a < hessian.length; a++) for (let b = 0; b < a; b++) hessian[b]![a] = hessian[a]![b]!;
    const direction = solve(hessian, gradient);
    let size = 1;
    let next = w;
    let value = current;
    while (size > 1e-6) {
      next = Float64Array.from(w, (v, j) => v - size * direction[j]!);
      value = loss(next);
      if (value <= current) break;
      size /= 2;
    }
    if (value > current) break;
    const improvement = current - value;
    w = next;
    current = value;
    if (improvement < 1e-9 * Math.max(1, Math.abs(current))) break;
  }
  return w;
}

/** Solves A x = b for a symmetric positive definite A (Cholesky). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const l = a.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

function softmaxSums(g: RankGroup, w: Float64Array): { logSumAll: number; logSumPositive: number } {
  const scores = g.rows.map((x) => dotRow(w, x));
  const max = Math.max(...scores);
  let all = 0;
  let positive = 0;
  scores.forEach((s, i) => {
    const e = Math.exp(s - max);
    all += e;
    if (g.labels[i]) positive += e;
  });
  return { logSumAll: max + Math.log(all), logSumPositive: max + Math.log(positive) };
}

function dotRow(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < x.length && j < w.length; j++) sum += w[j]! * x[j]!;
  return sum;
}

function dotSelf(w: Float64Array): number {
  return dotRow(w, w);
}

function identity(n: number, scale: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = scale;
    return row;
  });
}
