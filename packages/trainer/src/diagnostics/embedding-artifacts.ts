import type { Artifact } from '@embsweep/core';
import { defaultProbeWords, nearestNeighbours } from './nearest-neighbours.js';

/**
 * What a trial leaves of its embedding at its best epoch: `neighbours` (the nearest words of
 * each probe word, JSON) and, when asked, `embedding` (the matrix, float32) with `vocabulary`
 * (JSON: its width and the word of each row), which `embsweep vectors` writes out.
 */
export function embeddingArtifacts(
  best: { readonly data: Float32Array; readonly dim: number } | undefined,
  epoch: number | null,
  vocabulary: readonly string[],
  wanted: {
    readonly neighbours: boolean;
    readonly probeWords: readonly string[] | undefined;
    readonly matrix: boolean;
  },
): Artifact[] {
  if (best === undefined || best.dim === 0) return [];
  const out: Artifact[] = [];
  if (wanted.neighbours) {
    const probes = wanted.probeWords ?? defaultProbeWords(vocabulary);
    const neighbours = nearestNeighbours(best.data, best.dim, vocabulary, probes);
    const missing = probes.filter((p) => !(p in neighbours));
    out.push({ name: 'neighbours', kind: 'json', data: JSON.stringify({ epoch, neighbours, missing }) });
  }
  if (wanted.matrix) {
    const bytes = Buffer.from(best.data.buffer, best.data.byteOffset, best.data.byteLength);
    out.push(
      { name: 'embedding', kind: 'float32', data: bytes.toString('base64') },
      { name: 'vocabulary', kind: 'json', data: JSON.stringify({ epoch, dim: best.dim, words: vocabulary }) },
    );
  }
  return out;
}
