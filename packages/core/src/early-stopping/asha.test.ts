import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrialState } from '../trials/trial-state.js';
import { AshaStopper } from './asha.js';
import type { TrialProgress } from './early-stopper.js';

const trial = (id: string, values: number[], state: TrialState = 'running'): TrialProgress => ({
  id,
  state,
  values,
});
const asha = (
  spec: Partial<{ min_iter: number; eta: number; s: number; bootstrap_count: number }> = {},
  goal: 'minimize' | 'maximize' = 'minimize',
) =>
  new AshaStopper(
    { type: 'asha', min_iter: 1, eta: 2, s: 0, bootstrap_count: 0, ...spec },
    { name: 'val_loss', goal },
  );

// Worked by hand: eta 2, min_iter 1, s 0 -> rungs at epochs 1, 2, 4, 8, ...
describe('AshaStopper', () => {
  it('puts rungs at min_iter x eta^(s + k) epochs', () => {
    const rule = asha({ min_iter: 2, eta: 3, s: 1 });
    assert.deepEqual(
      [0, 1, 2].map((k) => rule.rungEpoch(k)),
      [6, 18, 54],
    );
  });

  it('judges a trial only when it reports a rung epoch', () => {
    const rule = asha({ min_iter: 2 }); // rungs at 2, 4, 8
    const others = [trial('a', [0.1, 0.1, 0.1], 'completed'), trial('b', [0.2, 0.2, 0.2], 'completed')];
    assert.equal(rule.decide(trial('x', [0.9]), others).stop, false, 'epoch 1 is no rung');
    assert.equal(rule.decide(trial('x', [0.9, 0.9, 0.9]), others).stop, false, 'epoch 3 is no rung');
    assert.equal(
      rule.decide(trial('x', [0.9, 0.9]), others).stop,
      true,
      'epoch 2 is; 0.9 is not in the top half of 3',
    );
  });

  it('promotes the first arrivals only when they are the best so far, then the top 1/eta', () => {
    const rule = asha(); // eta 2
    // Alone at rung 0: floor(1/2) - 1 = -1 -> index 0: the best of {itself}: goes on.
    assert.equal(rule.decide(trial('a', [0.5]), [trial('a', [0.5])]).stop, false);
    // Second arrival, worse than the first: index floor(2/2) - 1 = 0, the best is 0.5: stops.
    assert.equal(
      rule.decide(trial('b', [0.6]), [trial('a', [0.5], 'completed'), trial('b', [0.6])]).stop,
      true,
    );
    // Third arrival at 0.55 among {0.5, 0.6, 0.55}: index floor(3/2) - 1 = 0 -> must be <= 0.5: stops.
    assert.equal(
      rule.decide(trial('c', [0.55]), [trial('a', [0.5]), trial('b', [0.6], 'pruned'), trial('c', [0.55])])
        .stop,
      true,
    );
    // Fourth at 0.52 among {0.5, 0.6, 0.55, 0.52}: index 1 -> must be <= 0.52: goes on.
    const four = [trial('a', [0.5]), trial('b', [0.6]), trial('c', [0.55]), trial('d', [0.52])];
    assert.equal(rule.decide(trial('d', [0.52]), four).stop, false);
  });

  it('judges the same four trials arriving in the reverse order, each against those before it', () => {
    const rule = asha();
    const arrived: TrialProgress[] = [];
    const verdicts = (
      [
        ['d', 0.52],
        ['c', 0.55],
        ['b', 0.6],
        ['a', 0.5],
      ] as const
    ).map(([id, v]) => {
      arrived.push(trial(id, [v]));
      return rule.decide(trial(id, [v]), arrived).stop;
    });
    // d alone: best so far, on. c vs {0.52, 0.55}: index 0 -> 0.52, off. b vs three: index 0, off.
    // a vs four: index 1 of [0.5, 0.52, 0.55, 0.6] -> 0.52, on.
    assert.deepEqual(verdicts, [false, true, true, false]);
  });

  it('follows the goal, stops a NaN, and honours bootstrap_count', () => {
    const up = asha({}, 'maximize');
    assert.equal(up.decide(trial('b', [0.9]), [trial('a', [0.5]), trial('b', [0.9])]).stop, false);
    assert.equal(up.decide(trial('b', [0.4]), [trial('a', [0.5]), trial('b', [0.4])]).stop, true);
    assert.match(
      (asha().decide(trial('x', [NaN]), [trial('x', [NaN])]) as { reason: string }).reason,
      /NaN at rung 0/,
    );
    const boot = asha({ bootstrap_count: 2 });
    assert.equal(boot.decide(trial('a', [0.1]), [trial('a', [0.1])]).stop, true, 'too few have reached it');
    assert.equal(
      boot.decide(trial('c', [0.1]), [trial('a', [0.5]), trial('b', [0.6]), trial('c', [0.1])]).stop,
      false,
    );
  });
});

describe('AshaStopper with several seeds per configuration', () => {
  const seeded = (config: number, seed: number, values: number[], state: TrialState = 'completed') =>
    ({ id: `c${config}s${seed}`, state, values, config, seed }) satisfies TrialProgress;
  const rule = (bootstrap_count = 0) =>
    new AshaStopper(
      { type: 'asha', min_iter: 1, eta: 2, s: 0, bootstrap_count },
      { name: 'val_loss', goal: 'minimize' },
      3,
    );

  it('counts configurations, not trials, so the seeds of one cannot crowd out the others', () => {
    // Configuration 1's three seeds (0.50-0.52) are better than the judged 0.55; configurations
    // 2 and 4 are worse. Among trials, 0.55 is 4th of 6: out. Among configurations (1 paired
    // with seed 1 at 0.51, 2, 4 and itself), it is 2nd of 4: in the top half.
    const others = [
      seeded(1, 0, [0.5]),
      seeded(1, 1, [0.51]),
      seeded(1, 2, [0.52]),
      seeded(2, 0, [0.6]),
      seeded(4, 0, [0.65]),
    ];
    const judged = { id: 'x', state: 'running', values: [0.55], config: 3, seed: 1 } satisfies TrialProgress;
    assert.equal(rule().decide(judged, [...others, judged]).stop, false);
    const plain = new AshaStopper(
      { type: 'asha', min_iter: 1, eta: 2, s: 0, bootstrap_count: 0 },
      { name: 'val_loss', goal: 'minimize' },
    );
    assert.equal(plain.decide(judged, [...others, judged]).stop, true, 'the plain rule ranks the 6 trials');
  });

  it('waits for bootstrap_count configurations at the rung', () => {
    const threeSeeds = [seeded(1, 0, [0.5]), seeded(1, 1, [0.5]), seeded(1, 2, [0.5])];
    const judged = { id: 'x', state: 'running', values: [0.1], config: 2, seed: 0 } satisfies TrialProgress;
    const decision = rule(2).decide(judged, [...threeSeeds, judged]);
    assert.ok(decision.stop && /only 2 configuration\(s\) have reached rung 0/.test(decision.reason));
  });
});
