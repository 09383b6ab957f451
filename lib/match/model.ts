/**
 * The calibrated score: a logistic regression over the features, fitted on the evaluation
 * corpus by `npm run fit:match` (scripts/fit-match.ts), which writes model.json with the
 * weights, the threshold it chose and how it chose them. Nothing here is tuned by hand.
 */
import model from './model.json' with { type: 'json' };
import { FEATURES, type Features } from './features.ts';

/** A fitted model: weights per feature, bias, and the threshold of a match. */
export interface Model {
  bias: number;
  weights: Record<(typeof FEATURES)[number], number>;
  /** The lowest confidence shown as a match; below it the answer is "no match". */
  threshold: number;
}

/** The shipped model. */
export const MODEL: Model = model as Model;

/** The probability that the pair is right: σ(bias + Σ wᵢ·fᵢ). */
export function confidenceOf(f: Features, m: Model = MODEL): number {
  let z = m.bias;
  for (const k of FEATURES) z += f[k] * m.weights[k];
  return 1 / (1 + Math.exp(-z));
}
