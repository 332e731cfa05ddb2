import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { DataError, resolveSweepPath, sweepFiles, type SweepSpec } from '@embsweep/core';
import { loadTexts } from '../data/load-texts.js';

/** What `embsweep validate` checks beyond the sweep file itself. */
export interface InputCheckOptions {
  /** Load the data set with the trainer's loader (a huge file may take long: the CLI can skip it). */
  readonly data: boolean;
}

/**
 * The problems with the files a sweep names, found as a run would find them but before one
 * starts: the data set loads (the same loader and messages as training), a custom model module
 * can be imported and exports buildModel, and every pretrained_embeddings file can be read and
 * holds vectors. Loads no tfjs: the module is imported, not called.
 */
export async function checkSweepInputs(
  spec: SweepSpec,
  sweepDir: string,
  options: InputCheckOptions,
): Promise<string[]> {
  const problems: string[] = [];
  const files = sweepFiles(spec);
  if (options.data) {
    try {
      loadTexts(spec.dataset, sweepDir);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(`dataset: ${error.message}`);
    }
  }
  if (files.model !== undefined)
    problems.push(...(await checkModelModule(resolveSweepPath(sweepDir, files.model))));
  for (const file of files.others) problems.push(...checkVectors(resolveSweepPath(sweepDir, file)));
  return problems;
}

async function checkModelModule(path: string): Promise<string[]> {
  let module: { buildModel?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { buildModel?: unknown };
  } catch (error) {
    return [`model: cannot load the module ${path}: ${(error as Error).message}`];
  }
  return typeof module.buildModel === 'function'
    ? []
    : [`model: the module ${path} must export a function buildModel(context) that returns a tf.LayersModel`];
}

/** A GloVe or word2vec text file: readable, and its first vector line is a word and numbers. */
function checkVectors(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return [
      `pretrained_embeddings: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    ];
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const first = lines.find((l, i) => !(i === 0 && /^\d+\s+\d+$/.test(l.trim()))); // skip word2vec's header
  const numbers = first?.trim().split(/\s+/).slice(1) ?? [];
  if (numbers.length === 0 || numbers.some((n) => !Number.isFinite(Number(n)))) {
    return [`pretrained_embeddings: ${path} does not hold word vectors ("word 0.1 0.2 ..." per line)`];
  }
  return [];
}
