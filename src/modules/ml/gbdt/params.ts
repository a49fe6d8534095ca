/** Booster hyper-parameters, with XGBoost-like names and defaults where a counterpart exists. */
export type Objective = 'binary' | 'regression';
export type EvalMetric = 'logloss' | 'auc' | 'rmse';

export interface GbdtParams {
  objective: Objective;
  nTrees: number;
  learningRate: number;
  /** 0: unlimited (leaf-wise growth then relies on maxLeaves). */
  maxDepth: number;
  /** 0: 2^maxDepth. */
  maxLeaves: number;
  growPolicy: 'depthwise' | 'lossguide';
  /** Minimum sum of hessians in a child. */
  minChildWeight: number;
  /** L2 regularisation of leaf values. */
  lambda: number;
  /** Minimum loss reduction to split (XGBoost's gamma). */
  minSplitGain: number;
  /** Fraction of rows drawn for each tree. */
  subsample: number;
  /** Fraction of features drawn for each tree. */
  colsampleByTree: number;
  /** Value bins per feature (at most 255; bin 0 is reserved for missing values). */
  maxBins: number;
  /** Weight of positive rows (binary objective). */
  scalePosWeight: number;
  /** Stop when the validation metric has not improved for this many trees (0: never). */
  earlyStoppingRounds: number;
  evalMetric: EvalMetric;
  seed: number;
  /** Training threads: 1 or 2 (0: 2 when the machine has two cores). Results do not depend on it. */
  nThreads: number;
  catSmooth: number;
  catL2: number;
  maxCatThreshold: number;
  maxCatToOneHot: number;
}

export const DEFAULT_PARAMS: GbdtParams = {
  objective: 'binary',
  nTrees: 300,
  learningRate: 0.1,
  maxDepth: 6,
  maxLeaves: 0,
  growPolicy: 'depthwise',
  minChildWeight: 1,
  lambda: 1,
  minSplitGain: 0,
  subsample: 1,
  colsampleByTree: 1,
  maxBins: 255,
  scalePosWeight: 1,
  earlyStoppingRounds: 0,
  evalMetric: 'logloss',
  seed: 0,
  nThreads: 0,
  catSmooth: 10,
  catL2: 10,
  maxCatThreshold: 32,
  maxCatToOneHot: 4,
};

export function resolveParams(partial: Partial<GbdtParams> = {}): GbdtParams {
  const p: GbdtParams = { ...DEFAULT_PARAMS };
  for (const [k, v] of Object.entries(partial))
    if (v !== undefined) (p as unknown as Record<string, unknown>)[k] = v;
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`invalid GBDT parameter: ${what}`);
  };
  check(p.objective === 'binary' || p.objective === 'regression', `objective ${p.objective}`);
  check(Number.isInteger(p.nTrees) && p.nTrees >= 1, `nTrees ${p.nTrees} (integer ≥ 1)`);
  check(p.learningRate > 0 && p.learningRate <= 1, `learningRate ${p.learningRate} (0, 1]`);
  check(Number.isInteger(p.maxDepth) && p.maxDepth >= 0, `maxDepth ${p.maxDepth}`);
  check(p.maxDepth > 0 || p.maxLeaves > 1, 'maxDepth 0 needs maxLeaves > 1');
  check(p.growPolicy === 'depthwise' || p.growPolicy === 'lossguide', `growPolicy ${p.growPolicy}`);
  check(p.subsample > 0 && p.subsample <= 1, `subsample ${p.subsample} (0, 1]`);
  check(p.colsampleByTree > 0 && p.colsampleByTree <= 1, `colsampleByTree ${p.colsampleByTree} (0, 1]`);
  check(p.maxBins >= 2 && p.maxBins <= 255, `maxBins ${p.maxBins} [2, 255]`);
  check(
    p.lambda >= 0 && p.minChildWeight >= 0 && p.minSplitGain >= 0,
    'lambda, minChildWeight, minSplitGain ≥ 0',
  );
  check(p.scalePosWeight > 0, `scalePosWeight ${p.scalePosWeight}`);
  check(['logloss', 'auc', 'rmse'].includes(p.evalMetric), `evalMetric ${p.evalMetric}`);
  return p;
}
