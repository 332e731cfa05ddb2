import { isAbsolute, resolve } from 'node:path';
import { flattenParameters } from './parameter-spec.js';
import { BUILT_IN_MODEL, type SweepSpec } from './sweep-spec.js';

/**
 * The one rule for files a sweep names (a data file, a custom model module, pretrained
 * embeddings): a relative path is relative to the sweep file's folder, wherever the command
 * or the worker runs. Every reader of such a path resolves it here.
 */
export function resolveSweepPath(sweepDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(sweepDir, path);
}

/** The parameter whose values are file paths. */
export const PATH_PARAMETER = 'pretrained_embeddings';

/** Every file a sweep names, as written in the sweep file (relative or absolute). */
export function sweepFiles(spec: SweepSpec): {
  readonly dataset: string | undefined;
  readonly model: string | undefined;
  readonly others: readonly string[];
} {
  const others = new Set<string>();
  for (const { path, spec: p } of flattenParameters(spec.parameters)) {
    if (path.length !== 1 || path[0] !== PATH_PARAMETER) continue;
    const values =
      p.distribution === 'constant' ? [p.value] : p.distribution === 'categorical' ? p.values : [];
    for (const v of values) if (typeof v === 'string') others.add(v);
  }
  return {
    dataset: spec.dataset.source === 'file' ? spec.dataset.path : undefined,
    model: spec.model === BUILT_IN_MODEL ? undefined : spec.model,
    others: [...others],
  };
}
