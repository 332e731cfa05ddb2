import type { NeighboursArtifact } from '@embsweep/server';
import { h } from '../ui/dom.js';

/** The nearest words (cosine similarity) of each probe word at the trial's best epoch. */
export function neighboursTable(answer: NeighboursArtifact): HTMLElement {
  const probes = Object.entries(answer.neighbours);
  return h(
    'section',
    { 'aria-label': 'nearest neighbours' },
    h('h2', {}, `Nearest neighbours at epoch ${answer.epoch ?? '–'}`),
    h(
      'table',
      { 'data-testid': 'neighbours' },
      h('thead', {}, h('tr', {}, h('th', {}, 'word'), h('th', {}, 'nearest words (cosine similarity)'))),
      h(
        'tbody',
        {},
        probes.map(([word, near]) =>
          h(
            'tr',
            { 'data-probe': word },
            h('th', {}, word),
            h('td', {}, near.map((n) => `${n.word} (${n.similarity.toFixed(2)})`).join(', ')),
          ),
        ),
      ),
    ),
    answer.missing.length > 0
      ? h('p', { class: 'muted' }, `Not in the vocabulary: ${answer.missing.join(', ')}.`)
      : null,
  );
}
