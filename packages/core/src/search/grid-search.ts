import type { FlatParameter, ParameterSpec } from '../sweep-spec/parameter-spec.js';
import { tidy } from '../random/sample-parameter.js';
import { buildValues, canonicalJson, type ParameterValues } from './parameter-values.js';
import type { SearchHistory } from './search-history.js';
import type { SearchStrategy } from './search-strategy.js';

/** The values of one grid axis, computed on demand so a huge range costs no memory. */
export interface GridAxis {
  readonly length: number;
  at(i: number): unknown;
}

/**
 * Grid search with the rules of W&B's engine (wandb/sweeps grid_search.py):
 * - parameters in sorted-name order (nested groups depth first), the last one varying fastest
 *   (itertools.product);
 * - int_uniform enumerates min..max inclusive; q_uniform enumerates numpy.arange(min, max, q),
 *   which leaves max out (always here; numpy's float rounding sometimes includes it);
 * - a value repeated within one parameter (3 and 3.0 are the same) is tried once;
 * - configurations already in the history are skipped, so a resumed grid continues where it
 *   was, and a grid whose space changed (--force-resume) adds only its new cells.
 * Cell k is decoded from k directly (mixed radix), so proposing does not enumerate the grid.
 */
export class GridSearch implements SearchStrategy {
  readonly plansAhead = 'all';
  private readonly params: readonly FlatParameter[];
  private readonly axes: readonly GridAxis[];
  /**
   * Every cell below it is in `scanned`'s configurations: a cache that stays valid because a
   * history only grows. Another history starts the scan again.
   */
  private scanFrom = 0;
  private scanned: SearchHistory | undefined;

  constructor(params: readonly FlatParameter[]) {
    this.params = params;
    this.axes = params.map(({ spec }) => gridAxis(spec));
  }

  /** Number of distinct configurations in the grid. */
  get size(): number {
    return this.axes.reduce((n, axis) => n * axis.length, 1);
  }

  next(history: SearchHistory): ParameterValues | undefined {
    if (history !== this.scanned) {
      this.scanned = history;
      this.scanFrom = 0;
    }
    for (let k = this.scanFrom; k < this.size; k++) {
      const values = this.cell(k);
      if (history.hasConfig(values)) {
        if (k === this.scanFrom) this.scanFrom = k + 1;
        continue;
      }
      return values;
    }
    return undefined;
  }

  /** Configuration number k of the grid, in grid order. */
  cell(k: number): ParameterValues {
    const chosen = new Array<unknown>(this.axes.length);
    let rest = k;
    for (let p = this.axes.length - 1; p >= 0; p--) {
      const axis = this.axes[p] as GridAxis;
      chosen[p] = axis.at(rest % axis.length);
      rest = Math.floor(rest / axis.length);
    }
    return buildValues(this.params, chosen);
  }
}

/** The finite set of values a grid-compatible parameter takes, in W&B's order. */
export function gridValues(spec: ParameterSpec): readonly unknown[] {
  const axis = gridAxis(spec);
  return Array.from({ length: axis.length }, (_, i) => axis.at(i));
}

/** The values of one grid parameter, computed on demand (validation reads its ends and size). */
export function gridAxis(spec: ParameterSpec): GridAxis {
  switch (spec.distribution) {
    case 'constant':
      return listAxis([spec.value]);
    case 'categorical':
      return listAxis(dedupe(spec.values));
    case 'int_uniform':
      return { length: spec.max - spec.min + 1, at: (i) => spec.min + i };
    case 'q_uniform': {
      // numpy.arange: ceil((stop - start) / step) values start + i * step. numpy's float
      // rounding sometimes lets max in (arange(0.1, 0.4, 0.1) has 4 values); W&B documents
      // max as excluded, so a hair of tolerance keeps it out.
      const n = Math.max(0, Math.ceil((spec.max - spec.min) / spec.q - 1e-9));
      return { length: n, at: (i) => tidy(tidy(spec.min + i * spec.q, spec.q), spec.min) };
    }
    default:
      throw new Error(`grid search cannot enumerate ${spec.distribution}; validation should have refused it`);
  }
}

function listAxis(values: readonly unknown[]): GridAxis {
  return { length: values.length, at: (i) => values[i] };
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
