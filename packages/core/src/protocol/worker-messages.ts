import type { SerializedError } from '../errors.js';
import type { ParameterValues } from '../search/parameter-values.js';
import type { DatasetSpec, MetricSpec } from '../sweep-spec/sweep-spec.js';

/**
 * The messages between the scheduler (parent) and a trainer worker (child process), as
 * discriminated unions: both sides switch on `type` and check exhaustively (assertNever), so a
 * new message kind is a compile error wherever it is not handled.
 *
 * Life of a worker: spawn -> `ready` (backend up) -> parent sends `start` -> `epoch`... with
 * `heartbeat`s and `log`s -> `done` -> (the next `start` ... `done`)* -> `shutdown` -> exit.
 * A worker is reused for trial after trial, so Node, tfjs and its kernels start once; after
 * `failed` it exits, and the parent never reuses it. `stop` may come at any time during a
 * trial; the worker ends the trial at the next batch boundary and answers `done` with
 * `stopped` set. A worker whose parent disconnects exits.
 */

/**
 * What a worker needs to train one trial. It can travel: files are named by their path
 * relative to the sweep file's folder and by their content hash, never by a path in one
 * machine's cache, so the same message works for a local child process and for a worker on
 * another machine (which resolves the paths against its own copy of the sweep's folder and
 * checks the hashes).
 */
export interface TrialAssignment {
  readonly trialId: number;
  readonly attempt: number;
  /** Parameter values; a path among them (pretrained_embeddings) is relative to the sweep's folder. */
  readonly params: ParameterValues;
  readonly seed: number;
  readonly metric: MetricSpec;
  readonly inputs: TrialInputs;
  /** Measure the embedding after every epoch (the sweep's `diagnostics`); absent means yes. */
  readonly diagnostics?: boolean;
  /** Words whose nearest neighbours to record at the best epoch; absent: a few frequent ones. */
  readonly probeWords?: readonly string[];
  /** Send the trained embedding matrix and its vocabulary back as artifacts (save_embeddings). */
  readonly saveEmbeddings?: boolean;
}

/** What a sweep's trials read, named by content so the names mean the same on every machine. */
export interface TrialInputs {
  /** The data set as the sweep file gives it, and the fingerprint of its content. */
  readonly dataset: { readonly spec: DatasetSpec; readonly fingerprint: string };
  readonly model: ModelRef;
  /**
   * Every other file the sweep names (pretrained_embeddings values): path relative to the
   * sweep's folder -> SHA-256 of its bytes, or null when the file could not be read (the
   * trial that uses it then fails with the reason).
   */
  readonly files: Readonly<Record<string, string | null>>;
}

/** The built-in model, or a custom module by path (relative to the sweep's folder) and SHA-256. */
export type ModelRef =
  | { readonly kind: 'built-in'; readonly name: string }
  | { readonly kind: 'module'; readonly path: string; readonly sha256: string };

export type ParentMessage =
  | { readonly type: 'start'; readonly trial: TrialAssignment }
  | { readonly type: 'stop'; readonly reason: string }
  /** No more trials: exit. */
  | { readonly type: 'shutdown' };

/** Metrics after one epoch. Values may be NaN or Infinity (a diverging trial). */
export interface EpochReport {
  readonly epoch: number;
  /** loss, acc, val_loss, val_acc, and the sweep's metric if it is another. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly epochSeconds: number;
  /** Real (non-padding) training tokens per second of the epoch. */
  readonly tokensPerSecond: number;
  /** Token positions per second, padding included (batch x max_length): what the model computes on. */
  readonly positionsPerSecond: number;
  /** tf.memory().numTensors after the epoch, so leaks show. */
  readonly tensors: number;
}

/** How a trial ended, from the worker's side. */
export interface TrialSummary {
  readonly epochs: number;
  readonly bestEpoch: number | null;
  readonly bestValue: number | null;
  /** Stopped by patience (early stopping within the trial); the best weights were restored. */
  readonly stoppedEarly: boolean;
  /** Stopped because the parent said so. */
  readonly stopped: boolean;
  /** test_loss, test_acc for the best weights, when the data set has a test split. */
  readonly testMetrics: Readonly<Record<string, number>> | null;
  /** What the trial leaves besides metrics (nearest neighbours, the trained embedding). */
  readonly artifacts?: readonly Artifact[];
}

/**
 * A named result of a trial that is not a metric: JSON (`json`), or a little-endian float32
 * array (`float32`, sent base64-encoded). Stored in the results database (see
 * docs/results-database.md).
 */
export interface Artifact {
  readonly name: string;
  readonly kind: 'json' | 'float32';
  /** JSON text, or base64 of the float32 bytes. */
  readonly data: string;
}

export type WorkerMessage =
  | {
      readonly type: 'ready';
      readonly pid: number;
      readonly host: string;
      readonly backend: string;
      readonly versions: Readonly<Record<string, string>>;
    }
  | { readonly type: 'heartbeat'; readonly at: number; readonly rssBytes: number }
  | { readonly type: 'epoch'; readonly trialId: number; readonly report: EpochReport }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string }
  | { readonly type: 'done'; readonly trialId: number; readonly summary: TrialSummary }
  | { readonly type: 'failed'; readonly trialId: number | null; readonly error: SerializedError };

/** For exhaustive switches over message types: a compile error when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(value)}`);
}
