import { createRng } from '../../random/rng.js';
import type { FlatParameter } from '../../sweep-spec/parameter-spec.js';
import { buildValues, type ParameterValues } from '../parameter-values.js';
import { RandomSearch } from '../random-search.js';
import type { SearchHistory } from '../search-history.js';
import type { SearchStrategy } from '../search-strategy.js';
import { observationsOf, splitObservations, type Impute, type Observation } from './observations.js';
import { ParzenEstimator } from './parzen-estimator.js';
import { unitAxis, type UnitAxis } from './unit-axes.js';

/** TPE's settings: the sweep file's `bayes` block (defaults as documented there). */
export interface TpeOptions {
  /** Random proposals (the same as random search's) until this many trials have finished. @default 10 */
  readonly nStartupTrials: number;
  /** Candidates drawn from the good trials' density, of which the best ratio wins. @default 24 */
  readonly nEiCandidates: number;
  /** One joint density over all parameters (true) or one per parameter. @default true */
  readonly multivariate: boolean;
  /** Count running trials as the worst result, so parallel proposals spread out. @default true */
  readonly constantLiar: boolean;
  /** How failed trials count (left out when undefined): W&B's metric.impute. */
  readonly impute?: Impute | undefined;
}

/**
 * `method: "bayes"`: the Tree-structured Parzen Estimator as Optuna implements it
 * (optuna/samplers/_tpe), with Optuna's defaults for gamma, weights, the prior kernel and the
 * kernel widths. Until nStartupTrials trials have finished it proposes exactly what random
 * search would; then it splits the observations into the best gamma(n) and the rest, fits a
 * Parzen estimator l to the first and g to the second, draws nEiCandidates points from l and
 * proposes the one with the highest l/g. Every parameter is searched on its own CDF's unit
 * interval (unit-axes.ts). Its random stream is seeded by (search_seed, configuration
 * number), so the same history gives the same proposal.
 */
export class TpeSearch implements SearchStrategy {
  readonly plansAhead: number;
  private readonly startup: RandomSearch;
  private readonly searched: readonly {
    readonly index: number;
    readonly path: readonly string[];
    readonly axis: UnitAxis;
  }[];

  constructor(
    private readonly params: readonly FlatParameter[],
    private readonly searchSeed: number,
    private readonly goal: 'minimize' | 'maximize',
    private readonly options: TpeOptions,
  ) {
    this.plansAhead = options.nStartupTrials;
    this.startup = new RandomSearch(params, searchSeed);
    this.searched = params.flatMap(({ path, spec }, index) => {
      const axis = unitAxis(spec);
      return axis === undefined ? [] : [{ index, path, axis }];
    });
  }

  next(history: SearchHistory): ParameterValues {
    const k = history.configCount;
    const observations = observationsOf(history.trials, this.goal, this.options).filter(
      (o) => this.pointOf(o) !== undefined,
    );
    if (
      observations.filter((o) => o.finished).length < this.options.nStartupTrials ||
      this.searched.length === 0
    ) {
      return this.startup.proposal(k);
    }
    const { below, above } = splitObservations(observations);
    const rng = createRng(this.searchSeed, 'tpe', k);
    const axes = this.searched.map((s) => s.axis);
    const point = this.options.multivariate
      ? this.best(axes, below, above, rng, (o) => this.pointOf(o) ?? [])
      : axes.flatMap((axis, d) => this.best([axis], below, above, rng, (o) => [this.pointOf(o)?.[d] ?? 0]));
    return this.valuesAt(point);
  }

  /** Draws candidates from l and returns the one where l/g is highest (Optuna's _compare). */
  private best(
    axes: readonly UnitAxis[],
    below: readonly Observation[],
    above: readonly Observation[],
    rng: ReturnType<typeof createRng>,
    coordinates: (o: Observation) => number[],
  ): number[] {
    const l = new ParzenEstimator(below.map(coordinates), axes);
    const g = new ParzenEstimator(above.map(coordinates), axes);
    let best: number[] = [];
    let bestScore = -Infinity;
    for (const raw of l.sample(rng, this.options.nEiCandidates)) {
      // Score the point actually proposed: a discrete parameter's value, not the raw draw.
      const candidate = raw.map((x, d) => {
        const axis = axes[d];
        return axis?.kind === 'numeric' ? axis.toUnit(axis.fromUnit(x)) : x;
      });
      const score = l.logPdf(candidate) - g.logPdf(candidate);
      if (best.length === 0 || score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /** A trial's parameters as a point (undefined if any is outside this search space). */
  private pointOf(o: Observation): number[] | undefined {
    const point: number[] = [];
    for (const { path, axis } of this.searched) {
      const value = path.reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        o.trial.params,
      );
      if (axis.kind === 'categorical') {
        const index = axis.indexOf(value);
        if (index < 0) return undefined;
        point.push(index);
      } else {
        if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
        point.push(axis.toUnit(value));
      }
    }
    return point;
  }

  private valuesAt(point: readonly number[]): ParameterValues {
    const chosen = this.params.map(({ spec }) => (spec.distribution === 'constant' ? spec.value : undefined));
    this.searched.forEach(({ index, axis }, d) => {
      const x = point[d] ?? 0.5;
      chosen[index] = axis.kind === 'categorical' ? axis.valueAt(x) : axis.fromUnit(x);
    });
    return buildValues(this.params, chosen);
  }
}
