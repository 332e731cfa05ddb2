/** A trained embedding as `embsweep vectors` reads it from the results database. */
export interface SavedEmbedding {
  readonly words: readonly string[];
  readonly dim: number;
  readonly matrix: Float32Array;
}

/** The first word row: 0 is padding and 1 the unknown word, which no tool should see. */
const FIRST_WORD = 2;

/**
 * word2vec's text format: a "count dim" line, then "word v1 ... vdim" per word. The same
 * format `pretrained_embeddings` reads, so vectors trained in one sweep can seed another.
 */
export function word2vecText(e: SavedEmbedding): string {
  const lines = [`${e.words.length - FIRST_WORD} ${e.dim}`];
  for (let r = FIRST_WORD; r < e.words.length; r++) lines.push(`${e.words[r] ?? ''} ${rowText(e, r, ' ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The TensorBoard Embedding Projector's pair: vectors.tsv (one row of tab-separated numbers per
 * word) and metadata.tsv (the word of each row; one column, so no header line).
 */
export function projectorFiles(e: SavedEmbedding): { readonly vectors: string; readonly metadata: string } {
  const vectors: string[] = [];
  const metadata: string[] = [];
  for (let r = FIRST_WORD; r < e.words.length; r++) {
    vectors.push(rowText(e, r, '\t'));
    metadata.push((e.words[r] ?? '').replace(/[\t\n\r]/g, ' '));
  }
  return { vectors: `${vectors.join('\n')}\n`, metadata: `${metadata.join('\n')}\n` };
}

function rowText(e: SavedEmbedding, row: number, separator: string): string {
  return Array.from(e.matrix.subarray(row * e.dim, (row + 1) * e.dim), (v) => Number(v.toPrecision(7))).join(
    separator,
  );
}
