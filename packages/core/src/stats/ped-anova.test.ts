import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../random/rng.js';
import { pedAnova } from './ped-anova.js';

describe('PED-ANOVA parameter importance', () => {
  it('matches a hand computation on four trials: x1 decides, x2 does not', () => {
    // Minimising; the top trials are the 2 best: (a, a) 0.1 and (a, b) 0.2.
    // x1 among the top: a twice. Kernels (prior weight 1, 2 kernels): a -> [1.5, 0.5] / 2, prior
    // [0.5, 0.5]; mixture 2:1 -> [2/3, 1/3]. Among all: a, b twice each, 3 kernels: [0.8, 0.2],
    // [0.2, 0.8], prior [0.5, 0.5], mixture 2:2:1 -> [0.5, 0.5]. Pearson divergence:
    // 0.5 (4/3 - 1)^2 + 0.5 (2/3 - 1)^2 = 1/9. x2 among the top: a once, b once -> [0.5, 0.5]:
    // divergence 0. Normalised: x1 1, x2 0.
    const trials = [
      { params: { x1: 'a', x2: 'a' }, value: 0.1 },
      { params: { x1: 'a', x2: 'b' }, value: 0.2 },
      { params: { x1: 'b', x2: 'a' }, value: 0.9 },
      { params: { x1: 'b', x2: 'b' }, value: 1.0 },
    ];
    const domains = {
      x1: { kind: 'categorical', choices: ['a', 'b'] },
      x2: { kind: 'categorical', choices: ['a', 'b'] },
    } as const;
    const importance = pedAnova(trials, domains, 'minimize');
    assert.ok(Math.abs((importance['x1'] ?? 0) - 1) < 1e-9, JSON.stringify(importance));
    assert.ok(Math.abs(importance['x2'] ?? 1) < 1e-9);
    // Maximising turns it around: the top trials are (b, *), and still only x1 matters.
    assert.ok((pedAnova(trials, domains, 'maximize')['x1'] ?? 0) > 0.999);
  });

  it('finds the numeric parameter that matters among one that does not (planted, 200 trials)', () => {
    const rng = createRng('ped-anova-test');
    const trials = Array.from({ length: 200 }, () => {
      const lr = 10 ** (-4 + 3 * rng.next());
      const noise = rng.next();
      return {
        params: { learning_rate: lr, unused: noise },
        value: Math.abs(Math.log10(lr) + 2.5) + 0.01 * rng.next(),
      };
    });
    const importance = pedAnova(
      trials,
      {
        learning_rate: { kind: 'numeric', low: 1e-4, high: 0.1, log: true, integer: false },
        unused: { kind: 'numeric', low: 0, high: 1, log: false, integer: false },
      },
      'minimize',
    );
    assert.ok((importance['learning_rate'] ?? 0) > 0.9, JSON.stringify(importance));
    assert.deepEqual(Object.keys(importance), ['learning_rate', 'unused'], 'most important first');
  });

  it('gives equal shares with too few trials, and leaves out parameters with a single value', () => {
    const domains = {
      a: { kind: 'categorical', choices: [1, 2] },
      b: { kind: 'numeric', low: 3, high: 3, log: false, integer: true },
    } as const;
    assert.deepEqual(pedAnova([{ params: { a: 1, b: 3 }, value: 1 }], domains, 'minimize'), { a: 1 });
  });
});
