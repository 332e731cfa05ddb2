/** A word near a probe word in the embedding, by cosine similarity. */
export interface Neighbour {
  readonly word: string;
  readonly similarity: number;
}

/** The first word row: 0 is padding and 1 the unknown word (see vectorizer.ts). */
const FIRST_WORD = 2;

/**
 * The k nearest neighbours (cosine similarity) of each probe word in the vocabulary, from an
 * embedding matrix (rows x dim, row-major, row i = vocabulary[i]). Probe words not in the
 * vocabulary are left out; padding and the unknown word are never neighbours.
 */
export function nearestNeighbours(
  matrix: Float32Array,
  dim: number,
  vocabulary: readonly string[],
  probes: readonly string[],
  k = 10,
): Record<string, Neighbour[]> {
  const rows = vocabulary.length;
  const norms = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < dim; c++) sum += (matrix[r * dim + c] ?? 0) ** 2;
    norms[r] = Math.sqrt(sum);
  }
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  const out: Record<string, Neighbour[]> = {};
  for (const probe of probes) {
    const p = index.get(probe);
    if (p === undefined || p < FIRST_WORD) continue;
    const scored: Neighbour[] = [];
    for (let r = FIRST_WORD; r < rows; r++) {
      if (r === p) continue;
      let dot = 0;
      for (let c = 0; c < dim; c++) dot += (matrix[p * dim + c] ?? 0) * (matrix[r * dim + c] ?? 0);
      const denominator = (norms[p] ?? 0) * (norms[r] ?? 0);
      scored.push({ word: vocabulary[r] ?? '', similarity: denominator === 0 ? 0 : dot / denominator });
    }
    out[probe] = scored.sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }
  return out;
}

const STOPWORDS = new Set(
  'the and for are but not you all any can had her was one our out has him his how its may new now old see two who did get let put say she too use with that this have from they will would there their what about which when your said into than them then these some could other more also been were more only over such here just like very most'.split(
    ' ',
  ),
);

/**
 * A few frequent content words to probe when the sweep names none: the most frequent words
 * that are not stopwords, of two or more characters, at least one a letter (so not numbers).
 */
export function defaultProbeWords(vocabulary: readonly string[], count = 5): string[] {
  const out: string[] = [];
  for (let i = FIRST_WORD; i < vocabulary.length && out.length < count; i++) {
    const word = vocabulary[i] ?? '';
    if (/^(?=.*\p{L})[\p{L}\p{N}'-]{2,}$/u.test(word) && !STOPWORDS.has(word.toLowerCase())) out.push(word);
  }
  return out;
}
