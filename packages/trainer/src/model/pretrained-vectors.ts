import { readFileSync } from 'node:fs';
import { DataError, createRng } from '@embsweep/core';

/**
 * Builds the initial embedding matrix from a GloVe or word2vec text file ("word v1 v2 ... vd"
 * per line; word2vec's "count dim" first line is skipped): rows of words the file covers take
 * its vectors, the others a small seeded uniform init, as a fresh embedding would. A file whose
 * dimension is not embedding_dim is a DataError that says both numbers.
 */
export function pretrainedMatrix(
  path: string,
  vocabulary: readonly string[],
  dim: number,
  seed: number,
): { matrix: Float32Array; covered: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataError(
      `cannot read pretrained_embeddings ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const rng = createRng('embedding-init', seed);
  const matrix = Float32Array.from({ length: vocabulary.length * dim }, () => (rng.next() - 0.5) * 0.1);
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  let covered = 0;
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || (n === 0 && parts.length === 2 && /^\d+$/.test(parts[0] ?? ''))) return; // blank or word2vec header
    const [word, ...numbers] = parts;
    if (numbers.length !== dim) {
      throw new DataError(
        `pretrained_embeddings ${path}, line ${n + 1}: vectors have ${numbers.length} dimensions, but embedding_dim is ${dim}; set embedding_dim to ${numbers.length} or use a file of dimension ${dim}`,
      );
    }
    const row = index.get((word ?? '').toLowerCase());
    if (row === undefined || row < 2) return; // not in the vocabulary (or a pad/unk row)
    numbers.forEach((value, j) => (matrix[row * dim + j] = Number(value)));
    covered++;
  });
  return { matrix, covered };
}
