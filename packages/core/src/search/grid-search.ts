import type { FlatParameter, ParameterSpec } from '../sweep-spec/parameter-spec.js';
import { tidy } from '../random/sample-parameter.js';
import { buildValues, canonicalJson, type ParameterValues } from './parameter-values.js';
import type { ProposedConfig, SearchStrategy } from './search-strategy.js';

/**
 * Grid search with the rules of W&B's engine (wandb/sweeps grid_search.py):
 * - parameters in sorted-name order (nested groups depth first), the last one varying fastest
 *   (itertools.product);
 * - int_uniform enumerates min..max inclusive; q_uniform enumerates numpy.arange(min, max, q),
 *   which leaves max out (always here; numpy's float rounding sometimes includes it);
 * - a value repeated within one parameter (3 and 3.0 are the same) is tried once;
 * - configurations already in the history are skipped, so a resumed grid continues where it was.
 */
export class GridSearch implements SearchStrategy {
  private readonly params: readonly FlatParameter[];
  private readonly axes: readonly (readonly unknown[])[];

  constructor(params: readonly FlatParameter[]) {
    this.params = params;
    this.axes = params.map(({ spec }) => dedupe(gridValues(spec)));
  }

  /** Number of distinct configurations in the grid. */
  get size(): number {
    return this.axes.reduce((n, axis) => n * axis.length, 1);
  }

  propose(history: readonly ProposedConfig[], count: number): ParameterValues[] {
    const seen = new Set(history.map((h) => canonicalJson(h.values)));
    const out: ParameterValues[] = [];
    for (const values of this.enumerate()) {
      if (out.length >= count) break;
      const key = canonicalJson(values);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(values);
    }
    return out;
  }

  /** Every configuration, in grid order. */
  *enumerate(): Generator<ParameterValues> {
    const indexes = this.axes.map(() => 0);
    if (this.axes.some((axis) => axis.length === 0)) return;
    for (;;) {
      yield buildValues(
        this.params,
        indexes.map((i, p) => this.axes[p]?.[i]),
      );
      let p = indexes.length - 1;
      while (p >= 0 && (indexes[p] ?? 0) + 1 >= (this.axes[p]?.length ?? 0)) indexes[p--] = 0;
      if (p < 0) return;
      indexes[p] = (indexes[p] ?? 0) + 1;
    }
  }
}

/** The finite set of values a grid-compatible parameter takes, in W&B's order. */
export function gridValues(spec: ParameterSpec): readonly unknown[] {
  switch (spec.distribution) {
    case 'constant':
      return [spec.value];
    case 'categorical':
      return spec.values;
    case 'int_uniform':
      return Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
    case 'q_uniform': {
      // numpy.arange: ceil((stop - start) / step) values start + i * step. numpy's float
      // rounding sometimes lets max in (arange(0.1, 0.4, 0.1) has 4 values); W&B documents
      // max as excluded, so a hair of tolerance keeps it out.
      const n = Math.ceil((spec.max - spec.min) / spec.q - 1e-9);
      return Array.from({ length: n }, (_, i) => tidy(tidy(spec.min + i * spec.q, spec.q), spec.min));
    }
    default:
      throw new Error(`grid search cannot enumerate ${spec.distribution}; validation should have refused it`);
  }
}

function dedupe(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = canonicalJson(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
