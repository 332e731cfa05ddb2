/** Index 0 pads short texts; index 1 stands for every word outside the vocabulary. */
export const PAD = 0;
export const UNKNOWN = 1;

const WORD = /[\p{L}\p{N}]+(?:'\p{L}+)?/gu;

/** Lower-cased words: letters and digits, with an inner apostrophe kept ("don't"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The vocabulary of a training split: `<pad>`, `<unk>`, then the vocabSize - 2 most frequent
 * words, ties in alphabetical order so the result does not depend on the order of the texts.
 * Built from the training split only, so validation words do not leak into the model.
 */
export function buildVocabulary(texts: readonly string[], vocabSize: number): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of tokenize(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  return ['<pad>', '<unk>', ...ranked.slice(0, Math.max(0, vocabSize - 2)).map(([word]) => word)];
}

/**
 * Encodes texts as rows of maxLength word ids: the first maxLength words (truncating the
 * rest), padded with PAD at the end.
 */
export function encodeTexts(
  texts: readonly string[],
  vocabulary: readonly string[],
  maxLength: number,
): Int32Array {
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  const ids = new Int32Array(texts.length * maxLength); // zero-filled: PAD
  texts.forEach((text, row) => {
    const words = tokenize(text);
    for (let t = 0; t < Math.min(maxLength, words.length); t++)
      ids[row * maxLength + t] = index.get(words[t] ?? '') ?? UNKNOWN;
  });
  return ids;
}

/** Word ids that are not padding: the real tokens of an encoded split. */
export function countTokens(ids: Int32Array): number {
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== PAD) n += 1;
  return n;
}
