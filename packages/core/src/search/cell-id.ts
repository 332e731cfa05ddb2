import { createHash } from 'node:crypto';
import { canonicalJson, type ParameterValues } from './parameter-values.js';

/**
 * A short stable id for (params, seed): 16 hex digits of SHA-256 over their canonical JSON.
 * `repeat` tells apart a configuration that a random search drew twice.
 */
export function cellId(params: ParameterValues, seed: number, repeat?: number): string {
  const identity = repeat === undefined ? { params, seed } : { params, seed, repeat };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex').slice(0, 16);
}
