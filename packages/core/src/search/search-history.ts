import type { TrialProgress } from '../early-stopping/early-stopper.js';
import type { TrialRecord } from '../store/records.js';
import type { TrialState } from '../trials/trial-state.js';
import { canonicalJson, type ParameterValues } from './parameter-values.js';

/**
 * What a search strategy (and an early-termination rule) knows of one trial of the sweep: its
 * identity and state as the store records them (in a plan that was never stored, id is the
 * index), and its metric curve with the values derived from it.
 */
export type HistoryTrial = Pick<
  TrialRecord,
  'id' | 'index' | 'configIndex' | 'cellId' | 'params' | 'seed' | 'state'
> & {
  /** The sweep's metric after each epoch of the latest attempt (index 0 is epoch 1). */
  readonly values: readonly number[];
  /** Best finite value of the sweep's metric by its goal, or null before any. */
  readonly bestValue: number | null;
  /** The value at the last epoch reported, or null before any. */
  readonly finalValue: number | null;
};

/**
 * The read side of a sweep's history, handed to a search strategy when it is asked for the
 * next configuration (Optuna's sampler sees the whole study the same way).
 */
export interface SearchHistory {
  /** Every trial of the sweep, in index order. */
  readonly trials: readonly HistoryTrial[];
  /** Distinct configurations proposed so far (the next one proposed is number `configCount`). */
  readonly configCount: number;
  /** The parameters of the trials running now (a model-based strategy treats them as pending). */
  readonly running: readonly ParameterValues[];
  /** Whether a configuration equal to `params` (as canonical JSON) was proposed already. */
  hasConfig(params: ParameterValues): boolean;
  /** Whether a trial with this cell id exists. */
  hasCell(cellId: string): boolean;
  /** The configuration with the highest configIndex and the seeds it has trials for. */
  readonly newestConfig: NewestConfig | undefined;
  /** The earliest configuration (by configIndex) with no trial of this seed yet. */
  configWithout(seed: number): { readonly configIndex: number; readonly params: ParameterValues } | undefined;
}

export interface NewestConfig {
  readonly configIndex: number;
  readonly params: ParameterValues;
  readonly seeds: ReadonlySet<number>;
}

type MutableTrial = { -readonly [K in keyof HistoryTrial]: HistoryTrial[K] };

/**
 * The sweep's history as the scheduler keeps it in memory: loaded from the store when a run
 * starts, then updated from the events this scheduler sees (claims, epoch reports, state
 * changes) and from the trials other schedulers created. Lookups are constant time, so asking
 * for the next trial does not cost more as the sweep grows.
 */
export class SweepHistory implements SearchHistory {
  private readonly list: MutableTrial[] = [];
  private readonly byId = new Map<number, MutableTrial>();
  private readonly configs = new Set<string>();
  private readonly configIndexes = new Set<number>();
  private readonly cells = new Set<string>();
  private newest: { configIndex: number; params: ParameterValues; seeds: Set<number> } | undefined;
  /** Each configuration's parameters and seeds, by configIndex. */
  private readonly byConfig = new Map<number, { params: ParameterValues; seeds: Set<number> }>();
  /** Per seed, a configIndex below which every configuration has it (configurations only gain seeds). */
  private readonly seedCursor = new Map<number, number>();

  constructor(private readonly goal: 'minimize' | 'maximize') {}

  get trials(): readonly HistoryTrial[] {
    return this.list;
  }

  get configCount(): number {
    return this.configIndexes.size;
  }

  get running(): ParameterValues[] {
    return this.list.filter((t) => t.state === 'running').map((t) => t.params);
  }

  hasConfig(params: ParameterValues): boolean {
    return this.configs.has(canonicalJson(params));
  }

  hasCell(cellId: string): boolean {
    return this.cells.has(cellId);
  }

  get newestConfig(): NewestConfig | undefined {
    return this.newest;
  }

  configWithout(seed: number): { configIndex: number; params: ParameterValues } | undefined {
    const last = this.newest?.configIndex ?? -1;
    let at = this.seedCursor.get(seed) ?? 0;
    for (; at <= last; at++) {
      const config = this.byConfig.get(at);
      if (config !== undefined && !config.seeds.has(seed)) break;
    }
    this.seedCursor.set(seed, at);
    const config = this.byConfig.get(at);
    return at > last || config === undefined ? undefined : { configIndex: at, params: config.params };
  }

  /** Adds a trial (or refreshes its state) from a store record, with its metric curve when given. */
  upsert(
    record: Pick<TrialRecord, 'id' | 'index' | 'configIndex' | 'cellId' | 'params' | 'seed' | 'state'>,
    values?: readonly number[],
  ): void {
    const known = this.byId.get(record.id);
    const entry: MutableTrial = known ?? {
      id: record.id,
      index: record.index,
      configIndex: record.configIndex,
      cellId: record.cellId,
      params: record.params,
      seed: record.seed,
      state: record.state,
      values: [],
      bestValue: null,
      finalValue: null,
    };
    entry.state = record.state;
    if (values !== undefined) this.setValues(entry, values);
    if (known !== undefined) return;
    this.byId.set(entry.id, entry);
    this.insertInOrder(entry);
    this.configs.add(canonicalJson(entry.params));
    this.configIndexes.add(entry.configIndex);
    this.cells.add(entry.cellId);
    if (this.newest === undefined || entry.configIndex > this.newest.configIndex) {
      this.newest = { configIndex: entry.configIndex, params: entry.params, seeds: new Set() };
    }
    if (entry.configIndex === this.newest.configIndex) this.newest.seeds.add(entry.seed);
    const config = this.byConfig.get(entry.configIndex) ?? { params: entry.params, seeds: new Set<number>() };
    config.seeds.add(entry.seed);
    this.byConfig.set(entry.configIndex, config);
  }

  setState(trialId: number, state: TrialState): void {
    const entry = this.byId.get(trialId);
    if (entry !== undefined) entry.state = state;
  }

  /** Records the metric of one epoch (epochs start at 1; a later report of an epoch replaces it). */
  recordEpoch(trialId: number, epoch: number, value: number): void {
    const entry = this.byId.get(trialId);
    if (entry === undefined) return;
    const values = entry.values.slice(0, epoch - 1);
    values.push(value);
    this.setValues(entry, values);
  }

  /** The view the early-termination rules take: every trial's state and curve. */
  progress(): TrialProgress[] {
    return this.list.map((t) => ({
      id: String(t.id),
      state: t.state,
      values: t.values,
      config: t.configIndex,
      seed: t.seed,
    }));
  }

  progressOf(trialId: number): TrialProgress {
    const t = this.byId.get(trialId);
    return {
      id: String(trialId),
      state: t?.state ?? 'running',
      values: t?.values ?? [],
      config: t?.configIndex,
      seed: t?.seed,
    };
  }

  private setValues(entry: MutableTrial, values: readonly number[]): void {
    entry.values = values;
    entry.finalValue = values.at(-1) ?? null;
    let best: number | null = null;
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (best === null || (this.goal === 'maximize' ? v > best : v < best)) best = v;
    }
    entry.bestValue = best;
  }

  /** Trials arrive in index order, except those another scheduler created meanwhile. */
  private insertInOrder(entry: MutableTrial): void {
    let at = this.list.length;
    while (at > 0 && (this.list[at - 1]?.index ?? -1) > entry.index) at--;
    this.list.splice(at, 0, entry);
  }
}
