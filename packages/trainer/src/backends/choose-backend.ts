import { createRequire } from 'node:module';
import * as tf from '../tf.js';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { BackendUnavailableError } from '@embsweep/core';
import { registerTrainingKernels } from '../kernels/register-training-kernels.js';

export type BackendChoice = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

/** The backend a worker runs on, and the versions to record with every trial. */
export interface ActiveBackend {
  readonly name: 'tensorflow' | 'wasm' | 'cpu';
  readonly versions: Readonly<Record<string, string>>;
}

const require = createRequire(import.meta.url);

/** Optional: not installed where its install script cannot download libtensorflow. */
const NATIVE_PACKAGE = '@tensorflow/tfjs-node';

/**
 * Makes the chosen tfjs backend active: `tensorflow` (native, from the optional
 * @tensorflow/tfjs-node), `wasm`, or `cpu`; `auto` takes the first that works in that order.
 * Registers embsweep's training kernels for it. wasm runs single-threaded: parallelism comes
 * from running several trials at once. Throws BackendUnavailableError for a backend that was
 * asked for by name and cannot be used.
 */
export async function chooseBackend(choice: BackendChoice): Promise<ActiveBackend> {
  const order: ('tensorflow' | 'wasm' | 'cpu')[] =
    choice === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [choice];
  const problems: string[] = [];
  for (const name of order) {
    const problem = await activate(name);
    if (problem === undefined) {
      registerTrainingKernels(name);
      return { name, versions: versions(name) };
    }
    problems.push(`${name}: ${problem}`);
  }
  throw new BackendUnavailableError(
    choice === 'tensorflow'
      ? `the "tensorflow" backend needs the optional package @tensorflow/tfjs-node, which is not installed here (its install downloads libtensorflow; ${problems.join('; ')}). Use "auto" or "wasm"`
      : `no tfjs backend could start: ${problems.join('; ')}`,
  );
}

async function activate(name: 'tensorflow' | 'wasm' | 'cpu'): Promise<string | undefined> {
  try {
    if (name === 'tensorflow') {
      await import(NATIVE_PACKAGE);
    } else if (name === 'wasm') {
      setThreadsCount(1);
    }
    const ok = await quietly(async () => {
      const set = await tf.setBackend(name);
      await tf.ready();
      return set;
    });
    return ok ? undefined : 'it did not initialise';
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

/** tfjs prints advice to the console when the cpu backend starts in Node; the worker's output is its own. */
/* eslint-disable no-console -- silencing tfjs's own console advice is the point here */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  console.log = () => {};
  console.warn = () => {};
  try {
    return await work();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}
/* eslint-enable no-console */

function versions(backend: string): Record<string, string> {
  const out: Record<string, string> = { tfjs: tf.version_core, node: process.versions.node };
  const pkg =
    backend === 'tensorflow'
      ? '@tensorflow/tfjs-node'
      : backend === 'wasm'
        ? '@tensorflow/tfjs-backend-wasm'
        : '@tensorflow/tfjs-backend-cpu';
  try {
    out[backend] = (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    // the version of a backend package that does not expose package.json is simply not recorded
  }
  out['embsweep'] = (require('../../package.json') as { version: string }).version;
  return out;
}
