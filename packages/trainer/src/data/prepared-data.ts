/** One split of a prepared data set: word ids (count x maxLength) and class indexes. */
export interface EncodedSplit {
  readonly count: number;
  readonly ids: Int32Array;
  readonly labels: Int32Array;
}

/** A data set tokenized, split and encoded, ready to train on; what the cache stores. */
export interface PreparedData {
  /** Word of each id; 0 is `<pad>`, 1 is `<unk>`. */
  readonly vocabulary: readonly string[];
  /** Class names; a label is an index into this list. */
  readonly classes: readonly string[];
  readonly maxLength: number;
  readonly train: EncodedSplit;
  readonly validation: EncodedSplit;
  readonly test: EncodedSplit | null;
}
