/**
 * The one error vocabulary of embsweep. Every error that reaches a user or crosses a process
 * boundary is an {@link EmbsweepError} with a stable `code`; callers match on `code`, never on
 * message text, because messages are written for people and may be reworded.
 */

/** Stable error codes. Add a code here before throwing a new kind of error. */
export type ErrorCode =
  | 'config_invalid'
  | 'not_found'
  | 'illegal_transition'
  | 'worker_crashed'
  | 'data_invalid'
  | 'diverged'
  | 'backend_unavailable'
  | 'store_full'
  | 'store_version'
  | 'store_failed'
  | 'store_gone'
  | 'query_rejected'
  | 'query_timeout'
  | 'queue_unavailable'
  | 'queue_busy'
  | 'artifact_too_large'
  | 'internal';

/** The shape in which errors cross process boundaries (IPC, JSON API). */
export interface SerializedError {
  readonly name: string;
  readonly code: ErrorCode;
  readonly message: string;
  readonly stack?: string | undefined;
}

/** Base class: a message that says what happened and what to do next, plus a stable code. */
export class EmbsweepError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }

  /** The plain object form, for IPC and JSON. */
  toJSON(): SerializedError {
    return { name: this.name, code: this.code, message: this.message, stack: this.stack };
  }
}

/** One problem found in a sweep file (or other user input), located by its JSON path. */
export interface ConfigIssue {
  /** Dotted JSON path, e.g. `parameters.dropout.max` or `seeds[2]`; empty for the root. */
  readonly path: string;
  readonly message: string;
}

/** A sweep file (or flag, or request) that is not valid. Lists every problem, not only the first. */
export class ConfigError extends EmbsweepError {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], heading = 'The sweep file is not valid') {
    super('config_invalid', `${heading}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.issues = issues;
  }
}

/** A data set that cannot be used: missing file, missing field, empty, a single class. */
export class DataError extends EmbsweepError {
  constructor(message: string) {
    super('data_invalid', message);
  }
}

/** A trial whose loss became NaN or infinite; the epochs before it are kept. */
export class DivergedError extends EmbsweepError {
  constructor(message: string) {
    super('diverged', message);
  }
}

/** A tfjs backend that was asked for and cannot be used here. */
export class BackendUnavailableError extends EmbsweepError {
  constructor(message: string) {
    super('backend_unavailable', message);
  }
}

/** A sweep, trial or file that was asked for by name and does not exist. */
export class NotFoundError extends EmbsweepError {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** A trial state change that the state machine does not allow. */
export class IllegalTransitionError extends EmbsweepError {
  constructor(message: string) {
    super('illegal_transition', message);
  }
}

/** The results database could not do what was asked: full disk, newer schema, damaged file. */
export class StoreError extends EmbsweepError {
  constructor(
    code: 'store_full' | 'store_version' | 'store_failed' | 'store_gone',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** A user query that `embsweep query` refuses to run (writes, ATTACH, PRAGMA, ...) or had to stop. */
export class QueryError extends EmbsweepError {
  constructor(code: 'query_rejected' | 'query_timeout', message: string) {
    super(code, message);
  }
}

/** The job queue (Redis) of distributed workers cannot be used: unreachable, or the sweep is taken. */
export class QueueError extends EmbsweepError {
  constructor(code: 'queue_unavailable' | 'queue_busy', message: string) {
    super(code, message);
  }
}

/** Formats one issue as `path: message` (or the message alone at the root). */
export function formatIssue(issue: ConfigIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** Turns anything thrown into the serialized form, keeping the code of our own errors. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof EmbsweepError) return error.toJSON();
  if (error instanceof Error) {
    return { name: error.name, code: 'internal', message: error.message, stack: error.stack };
  }
  return { name: 'Error', code: 'internal', message: String(error) };
}
