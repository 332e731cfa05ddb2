import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { ConfigError, decodeUtf8Text, type SweepSpec } from '@embsweep/core';
import { parseSweepText, validateSweep } from '@embsweep/core/sweep-file';

/** A validated sweep and where it came from. */
export interface LoadedSweep {
  readonly spec: SweepSpec;
  /** Absolute path of the sweep file; relative paths inside it are resolved against its folder. */
  readonly path: string;
}

/** A sweep file is a page of settings; anything this large is a mistake (or an attack). */
const MAX_SWEEP_FILE_BYTES = 1024 * 1024;

/**
 * Reads, parses (JSON, or YAML for *.yaml and *.yml) and validates a sweep file, naming the
 * sweep after the file when the file does not name it. Every failure is a ConfigError that says what to fix.
 */
export async function loadSweepFile(file: string, cwd: string): Promise<LoadedSweep> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    const info = await stat(path);
    if (info.isFile() && info.size > MAX_SWEEP_FILE_BYTES) {
      throw new ConfigError(
        [
          {
            path: '',
            message: `${path}: ${info.size} bytes; a sweep file may hold at most ${MAX_SWEEP_FILE_BYTES} (1 MiB)`,
          },
        ],
        'Cannot read the sweep file',
      );
    }
    const decoded = decodeUtf8Text(await readFile(path));
    if (!decoded.ok) {
      throw new ConfigError(
        [{ path: '', message: `${path}: ${decoded.reason}` }],
        'Cannot read the sweep file',
      );
    }
    text = decoded.text;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file; check the path (it is relative to the current folder)'
        : code === 'EISDIR'
          ? 'this is a folder; give the path of a sweep file (.json, .yaml or .yml)'
          : (error as Error).message;
    throw new ConfigError([{ path: '', message: `${path}: ${reason}` }], 'Cannot read the sweep file');
  }
  const spec = validateSweep(parseSweepText(text, path));
  return { spec: { ...spec, name: spec.name ?? defaultSweepName(path) }, path };
}

function defaultSweepName(path: string): string {
  const stem = basename(path, extname(path)).replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z0-9]/.test(stem) ? stem : `sweep-${stem}`;
}
