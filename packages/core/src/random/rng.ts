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
  const digest = createHash('sha256').update(JSON.stringify(seedParts)).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const rng: Rng = {
    next() {
      a >>>= 0;
      b >>>= 0;
      c >>>= 0;
      d >>>= 0;
      let t = (a + b) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      d = (d + 1) | 0;
      t = (t + d) | 0;
      c = (c + t) | 0;
      return ((t >>> 0) + 0.5) / 4294967296; // never exactly 0 or 1
    },
  };
  for (let i = 0; i < 12; i++) rng.next(); // discard the first outputs, as sfc32's authors advise
  return rng;
}
