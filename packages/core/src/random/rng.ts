import { createHash } from 'node:crypto';

/** A seeded source of uniform numbers in (0, 1). */
export interface Rng {
  next(): number;
}

/**
 * A deterministic generator (sfc32) seeded from any list of parts, e.g. [searchSeed, trialIndex,
 * parameterName]. Each (seed, index, name) gets its own stream, so a proposal does not depend on
 * how many numbers other parameters or earlier proposals consumed: the same file and seed give
 * the same trials on every run and after every resume.
 */
export function createRng(...seedParts: readonly (string | number)[]): Rng {
  const state = sfc32State(...seedParts);
  return { next: () => sfc32Next(state) };
}

/**
 * The state of createRng's generator for these seed parts (four 32-bit words, after the first
 * outputs are discarded), for a hot loop that inlines the step itself (see sfc32Next) and so
 * draws the very same numbers as createRng.
 */
export function sfc32State(...seedParts: readonly (string | number)[]): Uint32Array {
  const digest = createHash('sha256').update(JSON.stringify(seedParts)).digest();
  const state = Uint32Array.of(
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  );
  for (let i = 0; i < 12; i++) sfc32Next(state); // discard the first outputs, as sfc32's authors advise
  return state;
}

/** One step of sfc32 on `state`: a uniform number in (0, 1), never exactly 0 or 1. */
export function sfc32Next(state: Uint32Array): number {
  const [a = 0, b = 0, c = 0, d = 0] = state;
  const t = (((a + b) | 0) + ((d + 1) | 0)) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  state[3] = (d + 1) | 0;
  return ((t >>> 0) + 0.5) / 4294967296;
}
