import { TRAINER_PARAMETERS, type ParameterValues, type TrainerParameterValues } from '@embsweep/core';

/** The built-in trainer's settings for one trial (the type comes from the catalog in core). */
export type TrainingParams = TrainerParameterValues;

/**
 * Fills every parameter the sweep does not set with its default from the catalog in core
 * (the one list of trainer parameters). Values were validated at the edge; this only merges.
 */
export function resolveTrainingParams(values: ParameterValues): TrainingParams {
  const out: Record<string, unknown> = {};
  for (const p of TRAINER_PARAMETERS) out[p.name] = values[p.name] ?? p.default;
  return out as TrainingParams;
}
