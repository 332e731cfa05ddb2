import { dirname } from 'node:path';
import type { SweepSpec } from '@embsweep/core';
import { validateSweep, type SweepFile } from '@embsweep/core/sweep-file';
import { loadSweepFile } from '@embsweep/cli';

export interface LoadOptions {
  /** Where a relative sweep-file path, and the paths inside a sweep, are resolved. @default process.cwd() */
  readonly cwd?: string;
}

/**
 * A sweep file (JSON or YAML, by its name) or a sweep object, validated with every default
 * filled in, exactly as `embsweep validate` and `run` do it; a ConfigError lists every problem.
 * A sweep without a name is named after its file, or `sweep` when it is an object.
 */
export async function loadSweep(
  source: string | SweepFile,
  options: LoadOptions = {},
): Promise<SweepSpec & { readonly name: string }> {
  return (await locateSweep(source, options.cwd ?? process.cwd())).spec;
}

/** The validated sweep and the folder its relative paths resolve against. */
export async function locateSweep(
  source: string | SweepFile,
  cwd: string,
): Promise<{ readonly spec: SweepSpec & { readonly name: string }; readonly sweepDir: string }> {
  if (typeof source === 'string') {
    const { spec, path } = await loadSweepFile(source, cwd);
    return { spec: { ...spec, name: spec.name ?? 'sweep' }, sweepDir: dirname(path) };
  }
  const spec = validateSweep(source);
  return { spec: { ...spec, name: spec.name ?? 'sweep' }, sweepDir: cwd };
}
