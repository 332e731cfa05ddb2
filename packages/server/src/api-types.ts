import type { TrialEvent, TrialState } from '@embsweep/core';
import type { SweepSummary } from '@embsweep/store';

/**
 * The JSON the dashboard API answers with (documented in docs/dashboard-api.md). The dashboard
 * imports these types, so the page and the server cannot drift apart. Metric values are numbers,
 * or null where the trainer recorded NaN or an infinity (JSON has no such numbers).
 */

export type { SweepSummary };

export interface SweepsResponse {
  readonly sweeps: readonly SweepSummary[];
}

/** One parameter of a sweep and the values its trials take, for colouring and filters. */
export interface ParameterSummary {
  readonly name: string;
  /** Distinct values over the sweep's trials, numbers ascending, then other values by text. */
  readonly values: readonly (number | string | boolean | null)[];
}

export interface SweepResponse {
  readonly sweep: SweepSummary & { readonly description: string | null; readonly seeds: readonly number[] };
  /** Metrics recorded so far (train and validation), sorted by name. */
  readonly metrics: readonly string[];
  /** Parameters that vary across the sweep's trials, then the constant ones. */
  readonly parameters: readonly ParameterSummary[];
  /** The sweep file as it was validated. */
  readonly spec: unknown;
}

/** A trial as the table and charts show it. */
export interface TrialRow {
  readonly id: number;
  /** Position in the plan, from 0 (shown as index + 1). */
  readonly index: number;
  readonly configIndex: number;
  readonly seed: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly state: TrialState;
  readonly attempt: number;
  readonly bestValue: number | null;
  readonly bestEpoch: number | null;
  readonly epochsRun: number;
  /** The machine its worker runs on (set when the worker is up). */
  readonly host: string | null;
  /** Seconds from start to finish, or to now while it runs; null before it starts. */
  readonly durationS: number | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

export interface TrialsResponse {
  /** Trials that match the filters (before paging). */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly trials: readonly TrialRow[];
}

export interface Series {
  readonly trialId: number;
  readonly metric: string;
  readonly steps: readonly number[];
  readonly values: readonly (number | null)[];
  /** Seconds from the start of the trial's attempt to each point. */
  readonly elapsed: readonly number[];
  /** Points recorded before downsampling. */
  readonly recorded: number;
}

export interface CurvesResponse {
  readonly metrics: readonly string[];
  /** The most points a series was thinned to. */
  readonly points: number;
  readonly series: readonly Series[];
}

export interface TrialResponse {
  readonly trial: TrialRow & {
    readonly cellId: string;
    readonly backend: string | null;
    readonly versions: Readonly<Record<string, string>> | null;
    readonly workerPid: number | null;
    /** The executor's name for the worker (local:<pid>, or a remote worker's id). */
    readonly workerId: string | null;
    readonly workerHost: string | null;
    readonly heartbeatAt: string | null;
    readonly createdAt: string;
  };
  readonly sweep: { readonly name: string; readonly metric: string; readonly goal: 'minimize' | 'maximize' };
  readonly events: readonly TrialEvent[];
  readonly series: readonly Series[];
}

/** The body of every error answer. */
export interface ErrorResponse {
  readonly error: { readonly code: string; readonly message: string };
}

/** One configuration (a trial's parameters without its seed) over its completed seeds. */
export interface ConfigurationRow {
  readonly configIndex: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly seeds: readonly number[];
  /** The best value of the sweep's metric: n, mean, sd, IQM and 95% bootstrap interval. */
  readonly best: ValueSummary;
  /** The final (last-epoch) value, likewise. */
  readonly final: ValueSummary;
  readonly enoughSeeds: boolean;
  readonly pBetterThanNext: number | null;
  readonly pValueVsNext: number | null;
  readonly tiedWithBest: boolean;
}

export interface ValueSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly iqm: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

export interface ConfigurationsResponse {
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
  /** Best first, by mean. */
  readonly configurations: readonly ConfigurationRow[];
  readonly seedsToSeparateTopTwo: number | null;
  readonly verdict: string;
  /** The smallest embedding_dim as good as the best, and the sentence that says so (null when not swept). */
  readonly smallestSufficient: {
    readonly value: number;
    readonly basis: 'seeds' | 'tolerance';
    readonly text: string;
  } | null;
}

/** How a trial fits: the generalization gap at its best epoch and its end, and overfitting. */
export interface TrialFitRow {
  readonly trialId: number;
  readonly bestEpoch: number | null;
  readonly lossGapAtBest: number | null;
  readonly accGapAtBest: number | null;
  readonly lossGapAtEnd: number | null;
  readonly accGapAtEnd: number | null;
  readonly minValLossEpoch: number | null;
  /** Validation loss ended more than 5% above its minimum while training loss kept falling. */
  readonly overfitting: boolean | null;
  /** The embedding's effective rank at the best epoch (emb_effective_rank), when measured. */
  readonly effectiveRankAtBest: number | null;
}

export interface FitResponse {
  readonly trials: readonly TrialFitRow[];
}

/** Every trial that reached an epoch, with its value of the sweep's metric there. */
export interface AtEpochResponse {
  readonly epoch: number;
  readonly metric: string;
  readonly trials: readonly { readonly trialId: number; readonly value: number }[];
}

/** The artifacts of a trial's latest attempt. */
export interface ArtifactsResponse {
  readonly artifacts: readonly {
    readonly name: string;
    readonly kind: 'json' | 'float32';
    readonly size: number;
    readonly createdAt: string;
  }[];
}

/** The `neighbours` artifact: the nearest words of each probe word at the best epoch. */
export interface NeighboursArtifact {
  readonly epoch: number | null;
  readonly neighbours: Readonly<
    Record<string, readonly { readonly word: string; readonly similarity: number }[]>
  >;
  /** Probe words that are not in the vocabulary. */
  readonly missing: readonly string[];
}

/** PED-ANOVA importance of the parameters the sweep varies, most important first. */
export interface ImportanceResponse {
  /** Completed trials it was computed over. */
  readonly trials: number;
  readonly importance: readonly { readonly parameter: string; readonly importance: number }[];
}
