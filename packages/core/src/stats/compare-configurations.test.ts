import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareConfigurations, type ConfigTrial } from './compare-configurations.js';
import { describeSmallestSufficient, smallestSufficient } from './smallest-sufficient.js';

function trials(configIndex: number, values: readonly number[]): ConfigTrial[] {
  return values.map((best, seed) => ({
    configIndex,
    params: { dropout: configIndex / 10 },
    seed,
    best,
    final: best + 0.1,
  }));
}

describe('comparing configurations across seeds', () => {
  it('ranks by mean in the direction of the goal, with n, intervals and P(better than the next)', () => {
    const result = compareConfigurations(
      [...trials(0, [0.5, 0.51, 0.49]), ...trials(1, [0.4, 0.41, 0.39]), ...trials(2, [0.45, 0.46, 0.44])],
      { goal: 'minimize' },
    );
    assert.deepEqual(
      result.configurations.map((c) => c.configIndex),
      [1, 2, 0],
    );
    const [first, second] = result.configurations;
    assert.equal(first?.best.n, 3);
    assert.ok(Math.abs((first?.best.mean ?? 0) - 0.4) < 1e-12);
    assert.ok(Math.abs((first?.final.mean ?? 0) - 0.5) < 1e-12);
    assert.ok(
      (first?.best.interval.low ?? 1) >= 0.39 - 1e-12 && (first?.best.interval.high ?? 0) <= 0.41 + 1e-12,
    );
    assert.ok((first?.pBetterThanNext ?? 0) > 0.99);
    assert.ok((first?.pValueVsNext ?? 1) < 0.05);
    assert.equal(second?.tiedWithBest, false);
    assert.match(result.verdict, /best configuration is ahead of every other with 3 seeds each/);

    const maximized = compareConfigurations(
      [...trials(0, [0.5, 0.51, 0.49]), ...trials(1, [0.4, 0.41, 0.39])],
      { goal: 'maximize' },
    );
    assert.equal(maximized.configurations[0]?.configIndex, 0);
  });

  it('marks configurations within the noise as tied with the best and says how many seeds would separate them', () => {
    const result = compareConfigurations(
      [...trials(0, [0.4, 0.42]), ...trials(1, [0.405, 0.425]), ...trials(2, [0.9, 0.91])],
      { goal: 'minimize' },
    );
    assert.deepEqual(
      result.configurations.map((c) => c.tiedWithBest),
      [true, true, false],
    );
    assert.equal(result.configurations[0]?.enoughSeeds, false);
    assert.ok((result.seedsToSeparateTopTwo ?? 0) > 2);
    assert.match(
      result.verdict,
      new RegExp(
        `top 2 configurations cannot be told apart with 2 seeds each \\(with fewer than 3 seeds the intervals are too narrow to trust\\); about ${result.seedsToSeparateTopTwo} seeds each would separate the top two`,
      ),
    );
  });

  it('ranks by the interquartile mean when asked, which one bad seed does not move', () => {
    const spiky = [...trials(0, [0.4, 0.4, 0.4, 2.0]), ...trials(1, [0.45, 0.45, 0.45, 0.45])];
    assert.equal(compareConfigurations(spiky, { goal: 'minimize' }).configurations[0]?.configIndex, 1);
    assert.equal(
      compareConfigurations(spiky, { goal: 'minimize', rankBy: 'iqm' }).configurations[0]?.configIndex,
      0,
    );
  });

  it('says plainly when there is one seed per configuration or nothing to compare', () => {
    assert.match(
      compareConfigurations([...trials(0, [0.4]), ...trials(1, [0.5])], { goal: 'minimize' }).verdict,
      /one seed, so nothing here tells a real difference from seed noise/,
    );
    assert.equal(
      compareConfigurations([], { goal: 'minimize' }).verdict,
      'No configuration has completed yet.',
    );
  });
});

describe('the smallest sufficient embedding width', () => {
  const at = (configIndex: number, dim: number, values: readonly number[]) =>
    values.map((best, seed) => ({ configIndex, params: { embedding_dim: dim }, seed, best, final: best }));

  it('is the smallest width tied with the best across seeds', () => {
    const result = compareConfigurations(
      [...at(0, 8, [0.5, 0.52, 0.51]), ...at(1, 32, [0.41, 0.43, 0.42]), ...at(2, 128, [0.4, 0.42, 0.44])],
      { goal: 'minimize' },
    );
    assert.deepEqual(smallestSufficient(result), { value: 32, configIndex: 1, basis: 'seeds' });
    assert.match(
      describeSmallestSufficient(smallestSufficient(result)),
      /^Smallest sufficient embedding_dim: 32 \(the smallest tied/,
    );
  });

  it('with one seed, the smallest within 1% of the best value, and says so', () => {
    const result = compareConfigurations([...at(0, 8, [0.5]), ...at(1, 32, [0.403]), ...at(2, 128, [0.4])], {
      goal: 'minimize',
    });
    assert.deepEqual(smallestSufficient(result), { value: 32, configIndex: 1, basis: 'tolerance' });
    assert.equal(smallestSufficient(result, 'dropout'), undefined);
  });
});
