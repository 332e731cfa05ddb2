/** A text-classification data set before tokenization: parallel arrays of texts and labels. */
export interface LabeledTexts {
  readonly texts: readonly string[];
  readonly labels: readonly string[];
}
