import { TRAINER_PARAMETERS, type ParameterValues } from '@embsweep/core';

/** The built-in trainer's settings for one trial: the sweep's values over the catalog defaults. */
export interface TrainingParams {
  readonly embedding_dim: number;
  readonly dropout: number;
  readonly l2: number;
  readonly l1: number;
  readonly pooling: 'average' | 'max';
  readonly hidden_units: number;
  readonly learning_rate: number;
  readonly optimizer: 'adam' | 'sgd' | 'rmsprop';
  readonly batch_size: number;
  readonly epochs: number;
  readonly vocab_size: number;
  readonly max_length: number;
  readonly patience: number;
  readonly pretrained_embeddings: string | null;
  readonly embedding_trainable: boolean;
}

/**
 * Fills every parameter the sweep does not set with its default from the catalog in core
 * (the one list of trainer parameters). Values were validated at the edge; this only merges.
 */
export function resolveTrainingParams(values: ParameterValues): TrainingParams {
  const out: Record<string, unknown> = {};
  for (const p of TRAINER_PARAMETERS) out[p.name] = values[p.name] ?? p.default;
  return out as unknown as TrainingParams;
}
