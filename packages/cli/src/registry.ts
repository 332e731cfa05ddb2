import {
  AshaStopper,
  GridSearch,
  HyperbandStopper,
  MedianStopper,
  NEVER_STOP,
  RandomSearch,
  TpeSearch,
  flattenParameters,
  type EarlyStopper,
  type SearchStrategy,
  type SweepSpec,
} from '@embsweep/core';

/**
 * The one place that maps a sweep file's names to implementations, like Optuna's
 * `create_study(sampler=..., pruner=...)`: `method` to a search strategy, `early_terminate`
 * to an early-termination rule. The scheduler only ever receives the instances.
 *
 * To add a strategy: write a class implementing SearchStrategy (packages/core/src/search),
 * accept its name in the sweep-file schema, and add a line here. No scheduler code changes.
 */
const SEARCH_STRATEGIES: { readonly [M in SweepSpec['method']]: (spec: SweepSpec) => SearchStrategy } = {
  grid: (spec) => new GridSearch(flattenParameters(spec.parameters)),
  random: (spec) => new RandomSearch(flattenParameters(spec.parameters), spec.search_seed),
  bayes: (spec) => {
    const options = spec.bayes;
    if (options === undefined) throw new Error('validateSweep fills `bayes` for method "bayes"');
    return new TpeSearch(flattenParameters(spec.parameters), spec.search_seed, spec.metric.goal, {
      nStartupTrials: options.n_startup_trials,
      nEiCandidates: options.n_ei_candidates,
      multivariate: options.multivariate,
      constantLiar: options.constant_liar,
      impute: spec.metric.impute,
    });
  },
};

type EarlyTerminate = NonNullable<SweepSpec['early_terminate']>;

const EARLY_STOPPERS: {
  readonly [T in EarlyTerminate['type']]: (
    rule: Extract<EarlyTerminate, { type: T }>,
    metric: SweepSpec['metric'],
    seeds: number,
  ) => EarlyStopper;
} = {
  hyperband: (rule, metric) => new HyperbandStopper(rule, metric),
  median: (rule, metric, seeds) => new MedianStopper(rule, metric, seeds),
  asha: (rule, metric, seeds) => new AshaStopper(rule, metric, seeds),
};

/** The search strategy a sweep's `method` names. */
export function searchStrategyFor(spec: SweepSpec): SearchStrategy {
  return SEARCH_STRATEGIES[spec.method](spec);
}

/** The early-termination rule a sweep's `early_terminate` names (none: a rule that never stops). */
export function earlyStopperFor(spec: SweepSpec): EarlyStopper {
  const rule = spec.early_terminate;
  if (rule === undefined) return NEVER_STOP;
  const make = EARLY_STOPPERS[rule.type] as (
    r: EarlyTerminate,
    m: SweepSpec['metric'],
    seeds: number,
  ) => EarlyStopper;
  return make(rule, spec.metric, spec.seeds.length);
}
