import { createRng } from '@embsweep/core';
import type { EncodedSplit } from '../data/prepared-data.js';

// The reference shape of the trainer's benchmarks: batches of 64 texts of 200 word ids from a
// vocabulary of 10,000, two classes, drawn at random from a seed.
export const BATCH = 64;
export const LENGTH = 200;
export const VOCAB = 10_000;

export function randomSplit(count: number, seed: number): EncodedSplit {
  const rng = createRng('bench', seed);
  return {
    count,
    ids: Int32Array.from({ length: count * LENGTH }, () => 2 + Math.floor(rng.next() * (VOCAB - 2))),
    labels: Int32Array.from({ length: count }, () => (rng.next() < 0.5 ? 0 : 1)),
  };
}
