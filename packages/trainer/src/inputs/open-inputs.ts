import {
  BUILT_IN_MODEL,
  DataError,
  PATH_PARAMETER,
  resolveSweepPath,
  type ParameterValues,
  type TrialInputs,
} from '@embsweep/core';
import { readPrepared } from '../data/data-cache.js';
import { sourceFingerprint } from '../data/load-texts.js';
import { prepareData } from '../data/prepare-data.js';
import type { PreparedData } from '../data/prepared-data.js';
import { resolveTrainingParams } from '../train/training-params.js';
import { fileSha256 } from './file-hash.js';

/** Where a worker finds the sweep's files and keeps its prepared-data cache. */
export interface InputPlaces {
  /** The folder that relative paths of the sweep are relative to (the sweep file's). */
  readonly sweepDir: string;
  readonly cacheDir: string;
}

/** What a trial trains on, ready for trainTrial. */
export interface OpenedInputs {
  readonly data: PreparedData;
  /** `embedding-classifier` or the custom module's absolute path on this machine. */
  readonly model: string;
  /** The trial's parameters with file paths made absolute on this machine. */
  readonly params: ParameterValues;
}

/**
 * Turns an assignment's inputs into what this machine trains on: checks that each named file
 * here has the content the scheduler saw (a clear DataError otherwise: a copy that differs
 * would silently train on other data), and prepares the data set through the content-hashed
 * cache (a warm cache is only read). `previous` lets a reused worker skip the work when the
 * next trial reads the same data.
 */
export function openTrialInputs(
  inputs: TrialInputs,
  params: ParameterValues,
  places: InputPlaces,
  previous?: { readonly key: string; readonly data: PreparedData },
): OpenedInputs & { readonly key: string } {
  const settings = resolveTrainingParams(params);
  const key = JSON.stringify([inputs.dataset.fingerprint, settings.vocab_size, settings.max_length]);
  const data = previous?.key === key ? previous.data : prepareChecked(inputs, places, settings);
  return {
    key,
    data,
    model: modelPath(inputs, places.sweepDir),
    params: withLocalPaths(inputs, params, places.sweepDir),
  };
}

function prepareChecked(
  inputs: TrialInputs,
  places: InputPlaces,
  settings: { readonly vocab_size: number; readonly max_length: number },
): PreparedData {
  const here = sourceFingerprint(inputs.dataset.spec, places.sweepDir);
  if (here !== inputs.dataset.fingerprint) {
    throw new DataError(
      `the data set here (${describeSource(inputs, places.sweepDir)}) is not the one the sweep started with: its content changed since, or this machine has another copy. Give every machine the same data, or start the sweep again`,
    );
  }
  const path = prepareData({
    dataset: inputs.dataset.spec,
    vocabSize: settings.vocab_size,
    maxLength: settings.max_length,
    baseDir: places.sweepDir,
    cacheDir: places.cacheDir,
    fingerprint: here,
  });
  return readPrepared(path);
}

function modelPath(inputs: TrialInputs, sweepDir: string): string {
  if (inputs.model.kind === 'built-in') return BUILT_IN_MODEL;
  const path = resolveSweepPath(sweepDir, inputs.model.path);
  checkHash(path, inputs.model.sha256, 'the model module');
  return path;
}

function withLocalPaths(inputs: TrialInputs, params: ParameterValues, sweepDir: string): ParameterValues {
  const named = params[PATH_PARAMETER];
  if (typeof named !== 'string') return params;
  const path = resolveSweepPath(sweepDir, named);
  const expected = inputs.files[named];
  if (expected !== undefined && expected !== null) checkHash(path, expected, PATH_PARAMETER);
  return { ...params, [PATH_PARAMETER]: path };
}

function checkHash(path: string, expected: string, what: string): void {
  const actual = fileSha256(path);
  // Files a sweep names are never sent to workers as code: each machine needs its own copy.
  if (actual === null)
    throw new DataError(
      `cannot read ${what} ${path} on this machine: copy it there, at the same place relative to the sweep file's folder (a worker's --sweep-dir) and with the same content`,
    );
  if (actual !== expected) {
    throw new DataError(
      `${what} ${path} is not the file the sweep started with (its content changed since, or this machine has another copy): give every machine the same file`,
    );
  }
}

function describeSource(inputs: TrialInputs, sweepDir: string): string {
  const spec = inputs.dataset.spec;
  return spec.source === 'file' ? resolveSweepPath(sweepDir, spec.path) : spec.source;
}
