import {
  EmbsweepError,
  type Logger,
  type Store,
  type SweepSpec,
  type TrialRecord,
  type TrialSummary,
} from '@embsweep/core';

/** The artifacts of a trained embedding: kept by `save_embeddings`. */
const EMBEDDING = ['embedding', 'vocabulary'];

/**
 * Records what a finished trial leaves besides metrics. Its nearest neighbours are always
 * kept; its embedding matrix as `save_embeddings` says: every trial's (`all`), only the
 * sweep's best completed trial's (`best`: a better one replaces it), or none. An artifact over
 * the store's size limit is not kept, with a warning saying what to change; the trial is not
 * failed for it.
 */
export class ArtifactKeeper {
  /** The best value of the completed trial whose embedding is kept (save_embeddings "best"). */
  private bestKept: number | null | undefined;

  constructor(
    private readonly store: Store,
    private readonly spec: SweepSpec,
    private readonly logger: Logger,
  ) {}

  /** Call before the trial is marked completed (so it is not its own rival). */
  keep(trial: TrialRecord, summary: TrialSummary, completing: boolean, label: string): void {
    const artifacts = summary.artifacts ?? [];
    if (artifacts.length === 0) return;
    const policy = this.spec.save_embeddings;
    const keepMatrix =
      policy === 'all' || (policy === 'best' && completing && this.isNewBest(trial, summary.bestValue));
    const kept = artifacts.filter((a) => keepMatrix || !EMBEDDING.includes(a.name));
    try {
      this.store.saveArtifacts(trial.id, trial.attempt, kept);
      if (keepMatrix && policy === 'best') {
        this.store.deleteArtifacts(trial.sweepId, EMBEDDING, trial.id);
        this.bestKept = summary.bestValue;
      }
    } catch (error) {
      if (!(error instanceof EmbsweepError && error.code === 'artifact_too_large')) throw error;
      this.logger.warn(`${label}: ${error.message}`);
    }
  }

  private isNewBest(trial: TrialRecord, value: number | null): boolean {
    if (value === null) return false;
    this.bestKept ??= this.bestCompleted(trial);
    const better =
      this.spec.metric.goal === 'maximize'
        ? value > (this.bestKept ?? -Infinity)
        : value < (this.bestKept ?? Infinity);
    return this.bestKept === null || better;
  }

  /** The best value among the sweep's completed trials so far (a resumed sweep has some). */
  private bestCompleted(trial: TrialRecord): number | null {
    const values = this.store
      .listTrials(trial.sweepId)
      .filter((t) => t.state === 'completed' && t.id !== trial.id && t.bestValue !== null)
      .map((t) => t.bestValue ?? 0);
    if (values.length === 0) return null;
    return this.spec.metric.goal === 'maximize' ? Math.max(...values) : Math.min(...values);
  }
}
