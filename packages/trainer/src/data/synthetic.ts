import { createRng } from '@embsweep/core';
import type { SyntheticDatasetSpec } from '@embsweep/core';
import type { LabeledTexts } from './labeled-texts.js';

/**
 * A generated text-classification set, deterministic from its seed. Each class owns a few
 * "signal" words (drawn with a Zipf-like skew); every word of a text is, with probability
 * `noise`, a word from anywhere in the vocabulary instead; and noise / 5 of the labels are
 * flipped. So there is something to learn, a ceiling below 100%, and enough noise that wide
 * embeddings memorise the training set and their validation loss turns up: overfitting shows.
 */
export function syntheticTexts(spec: SyntheticDatasetSpec): LabeledTexts {
  const rng = createRng(
    'synthetic',
    spec.seed,
    spec.samples,
    spec.classes,
    spec.vocabulary,
    spec.length,
    spec.noise,
  );
  const words = Array.from({ length: spec.vocabulary }, (_, i) => `w${i}`);
  const signalPerClass = Math.max(2, Math.floor(spec.vocabulary / (spec.classes * 10)));
  const signal = Array.from({ length: spec.classes }, (_, c) =>
    Array.from(
      { length: signalPerClass },
      (_, k) => words[(c * signalPerClass + k) % spec.vocabulary] ?? 'w0',
    ),
  );
  const texts: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < spec.samples; i++) {
    const label = i % spec.classes;
    const own = signal[label] ?? [];
    const tokens: string[] = [];
    for (let t = 0; t < spec.length; t++) {
      if (rng.next() < spec.noise) tokens.push(words[Math.floor(rng.next() * spec.vocabulary)] ?? 'w0');
      else tokens.push(own[Math.floor(own.length * rng.next() ** 2)] ?? 'w0'); // skewed: a few words dominate
    }
    const flipped =
      rng.next() < spec.noise / 5
        ? (label + 1 + Math.floor(rng.next() * (spec.classes - 1))) % spec.classes
        : label;
    texts.push(tokens.join(' '));
    labels.push(`class_${flipped}`);
  }
  return { texts, labels };
}
