import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, it } from 'node:test';
import {
  GridSearch,
  IllegalTransitionError,
  RandomSearch,
  SweepHistory,
  flattenParameters,
  nextTrial,
  planTrials,
  type Store,
  type SweepSpec,
} from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';
import { gridPlan } from './grid-plan.js';
import { raceSpec } from './race-spec.js';

/** For stores that live in a file: how the contract makes two processes race on one. */
export interface ProposalRace {
  /** A new, empty store file's path. */
  readonly freshPath: () => string;
  /** The implementation's racer script (see fixtures/sqlite-propose-racer.ts). */
  readonly racer: URL;
  /** Opens the store at a path, to check what the racers left. */
  readonly open: (path: string) => Store;
}

/** A small valid sweep: 2 x 2 grid, 2 seeds = 8 trials. */
export function contractSpec(goal: 'minimize' | 'maximize' = 'minimize'): SweepSpec {
  return validateSweep({
    method: 'grid',
    metric: { name: 'val_loss', goal },
    seeds: [0, 1],
    // The contract's expected rows are written in this order: a configuration's seeds together.
    seed_order: 'config-major',
    dataset: { source: 'synthetic' },
    parameters: { embedding_dim: { values: [8, 16] }, dropout: { values: [0, 0.5] } },
  });
}

const worker = { pid: 1234, host: 'test-host' };

/**
 * The behaviour every Store must have (the invariants in core's store.ts). Run it against
 * each implementation: `storeContract('sqlite file', () => SqliteStore.open(path))`.
 */
export function storeContract(name: string, makeStore: () => Store, race?: ProposalRace): void {
  function withSweep(goal: 'minimize' | 'maximize' = 'minimize') {
    const store = makeStore();
    const spec = contractSpec(goal);
    const sweep = store.openSweep('contract', spec, 'hash-1');
    store.addTrials(sweep.id, gridPlan(spec));
    return { store, sweep };
  }

  describe(`Store contract: ${name}`, () => {
    it('creates a sweep once and returns it again by name', () => {
      const store = makeStore();
      const spec = contractSpec();
      const first = store.openSweep('s1', spec, 'h');
      const again = store.openSweep('s1', spec, 'other');
      assert.equal(again.id, first.id);
      assert.equal(again.specHash, 'h');
      assert.deepEqual(again.spec, spec);
      assert.equal(first.status, 'running');
      assert.deepEqual(
        store.listSweeps().map((s) => s.name),
        ['s1'],
      );
      assert.equal(store.getSweep('nope'), undefined);
      store.setSweepStatus(first.id, 'stopped', 'stopped by the user');
      assert.equal(store.getSweep('s1')?.statusReason, 'stopped by the user');
      store.setSweepStatus(first.id, 'finished');
      assert.equal(store.getSweep('s1')?.status, 'finished');
      assert.equal(store.getSweep('s1')?.statusReason, null);
      assert.notEqual(store.getSweep('s1')?.finishedAt, null);
      store.close();
    });

    it('adds planned trials as pending, once per cell however often the plan is added', () => {
      const { store, sweep } = withSweep();
      store.addTrials(sweep.id, gridPlan(contractSpec()));
      const trials = store.listTrials(sweep.id);
      assert.equal(trials.length, 8);
      assert.ok(trials.every((t) => t.state === 'pending' && t.attempt === 0));
      assert.deepEqual(
        trials.map((t) => t.index),
        [0, 1, 2, 3, 4, 5, 6, 7],
      );
      assert.deepEqual(trials[1]?.params, { dropout: 0, embedding_dim: 8 });
      assert.equal(trials[1]?.seed, 1);
      assert.deepEqual(
        store.trialEvents(trials[0]?.id ?? -1).map((e) => [e.from, e.to, e.reason]),
        [[null, 'pending', 'planned']],
      );
      store.close();
    });

    it('claims pending trials in plan order, each once, with a new attempt', () => {
      const { store, sweep } = withSweep();
      const claimed = Array.from({ length: 9 }, () => store.claimTrial(sweep.id, worker));
      assert.deepEqual(
        claimed.slice(0, 8).map((t) => t?.index),
        [0, 1, 2, 3, 4, 5, 6, 7],
      );
      assert.equal(claimed[8], undefined);
      const first = claimed[0];
      assert.equal(first?.state, 'running');
      assert.equal(first?.attempt, 1);
      assert.equal(first?.schedulerPid, 1234);
      assert.equal(first?.schedulerHost, 'test-host');
      // Where it runs is known when the worker is up (setTrialRuntime), not at the claim.
      assert.equal(first?.workerPid, null);
      assert.equal(first?.workerHost, null);
      assert.equal(first?.workerId, null);
      assert.notEqual(first?.startedAt, null);
      store.close();
    });

    it('proposes and claims a new trial in one step, seeing the trials it has not seen yet', () => {
      const store = makeStore();
      const spec = contractSpec();
      const sweep = store.openSweep('proposals', spec, 'h');
      const strategy = new GridSearch(flattenParameters(spec.parameters));
      const mine = new SweepHistory('minimize');
      const seen: number[][] = [];
      const propose = (history: SweepHistory) =>
        store.proposeTrial(
          sweep.id,
          history.trials.length,
          (unseen) => {
            seen.push(unseen.map((t) => t.index));
            for (const t of unseen) history.upsert(t);
            return nextTrial(spec, strategy, history);
          },
          worker,
        );
      const first = propose(mine);
      assert.ok(first);
      mine.upsert(first);
      assert.equal(first.state, 'running');
      assert.equal(first.attempt, 1);
      assert.equal(first.index, 0);
      assert.deepEqual(
        store.trialEvents(first.id).map((e) => `${e.from ?? '-'}>${e.to}:${e.reason}`),
        ['->pending:proposed', 'pending>running:claimed by pid 1234 on test-host'],
      );
      // A second scheduler that knows nothing is shown the first's trial, and proposes the next.
      const theirs = new SweepHistory('minimize');
      const second = propose(theirs);
      assert.deepEqual(seen, [[], [0]]);
      assert.equal(second?.index, 1);
      assert.deepEqual([second?.params, second?.seed], [first.params, 1]);
      // Proposing nothing writes nothing.
      assert.equal(
        store.proposeTrial(sweep.id, 0, () => undefined, worker),
        undefined,
      );
      assert.equal(store.listTrials(sweep.id).length, 2);
      store.close();
    });

    if (race !== undefined) {
      it('never creates a trial twice nor passes run_cap when two processes propose at once', async () => {
        const path = race.freshPath();
        const racers = [0, 1].map(() =>
          fork(race.racer, [path], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
        );
        await Promise.all(racers.map((r) => new Promise((resolve) => r.once('message', resolve))));
        const created = racers.map(
          (r) =>
            new Promise<number>((resolve) =>
              r.once('message', (m: { created: number }) => resolve(m.created)),
            ),
        );
        for (const r of racers) r.send('go');
        const counts = await Promise.all(created);
        const spec = raceSpec();
        const store = race.open(path);
        const trials = store.listTrials(store.getSweep('race')?.id ?? -1);
        store.close();
        assert.equal(trials.length, spec.run_cap, `created ${counts.join(' + ')}`);
        assert.equal(counts[0]! + counts[1]!, spec.run_cap);
        assert.ok(
          counts.every((n) => n > 0),
          `both processes created trials: ${counts.join(', ')}`,
        );
        assert.equal(new Set(trials.map((t) => t.cellId)).size, trials.length, 'no cell twice');
        // Exactly the sequence one process alone would have created: deterministic given the history.
        const alone = planTrials(
          spec,
          new RandomSearch(flattenParameters(spec.parameters), spec.search_seed),
        );
        assert.deepEqual(
          trials.map((t) => [t.index, t.configIndex, t.seed, t.cellId, t.params]),
          alone.map((t) => [t.index, t.configIndex, t.seed, t.cellId, t.params]),
        );
      });
    }

    it("switches a sweep to another metric, recomputing every trial's best value for it", () => {
      const { store, sweep } = withSweep('minimize');
      const trial = store.claimTrial(sweep.id, worker);
      assert.ok(trial);
      store.logMetrics(
        [0.9, 0.4, 0.6].flatMap((loss, i) => [
          { trialId: trial.id, attempt: 1, name: 'val_loss', step: i + 1, value: loss },
          {
            trialId: trial.id,
            attempt: 1,
            name: 'val_acc',
            step: i + 1,
            value: 1 - loss / 2 + (i === 2 ? 0.3 : 0),
          },
        ]),
      );
      assert.deepEqual([store.getTrial(trial.id)?.bestValue, store.getTrial(trial.id)?.bestEpoch], [0.4, 2]);
      const spec = { ...contractSpec(), metric: { name: 'val_acc', goal: 'maximize' as const } };
      store.changeMetric(sweep.id, spec);
      assert.deepEqual(store.getSweep('contract')?.spec.metric, spec.metric);
      const after = store.getTrial(trial.id);
      assert.deepEqual([after?.bestValue, after?.bestEpoch], [1 - 0.6 / 2 + 0.3, 3]);
      // New points are judged by the new metric too.
      store.logMetrics([{ trialId: trial.id, attempt: 1, name: 'val_acc', step: 4, value: 1.5 }]);
      assert.deepEqual([store.getTrial(trial.id)?.bestValue, store.getTrial(trial.id)?.bestEpoch], [1.5, 4]);
      store.close();
    });

    it('moves trials only along legal transitions, and records each with its reason', () => {
      const { store, sweep } = withSweep();
      const trial = store.claimTrial(sweep.id, worker);
      assert.ok(trial);
      const done = store.transitionTrial(trial.id, 'completed', { reason: 'finished all epochs' });
      assert.equal(done.state, 'completed');
      assert.notEqual(done.finishedAt, null);
      assert.throws(
        () => store.transitionTrial(trial.id, 'running', { reason: 'x' }),
        IllegalTransitionError,
      );
      assert.equal(store.getTrial(trial.id)?.state, 'completed');
      assert.deepEqual(
        store.trialEvents(trial.id).map((e) => `${e.from ?? '-'}>${e.to}:${e.reason}`),
        [
          '->pending:planned',
          'pending>running:claimed by pid 1234 on test-host',
          'running>completed:finished all epochs',
        ],
      );
      store.close();
    });

    it('keeps failure details, and retries a failed trial as a new attempt', () => {
      const { store, sweep } = withSweep();
      const trial = store.claimTrial(sweep.id, worker);
      assert.ok(trial);
      store.logMetrics([{ trialId: trial.id, attempt: 1, name: 'val_loss', step: 1, value: 0.9 }]);
      const failed = store.transitionTrial(trial.id, 'failed', {
        reason: 'worker exited with code 1',
        errorCode: 'worker_crashed',
        errorMessage: 'boom',
      });
      assert.equal(failed.errorCode, 'worker_crashed');
      assert.equal(failed.errorMessage, 'boom');
      assert.equal(failed.epochsRun, 1);
      store.transitionTrial(trial.id, 'pending', { reason: 'retry 1 of 1' });
      const again = store.claimTrial(sweep.id, worker);
      assert.equal(again?.id, trial.id);
      assert.equal(again?.attempt, 2);
      assert.equal(again?.errorCode, null);
      assert.equal(again?.epochsRun, 0);
      assert.deepEqual(store.trialCurves(trial.id), []); // the new attempt has no points yet
      store.logMetrics([{ trialId: trial.id, attempt: 2, name: 'val_loss', step: 1, value: 0.7 }]);
      assert.deepEqual(
        store.trialCurves(trial.id).map((c) => c.values),
        [[0.7]],
      );
      store.close();
    });

    it('stores NaN and infinities as written, distinct from a missing point', () => {
      const { store, sweep } = withSweep();
      const trial = store.claimTrial(sweep.id, worker);
      assert.ok(trial);
      store.logMetrics([
        { trialId: trial.id, attempt: 1, name: 'loss', step: 1, value: 0.5 },
        { trialId: trial.id, attempt: 1, name: 'loss', step: 2, value: NaN },
        { trialId: trial.id, attempt: 1, name: 'loss', step: 3, value: Infinity },
        { trialId: trial.id, attempt: 1, name: 'loss', step: 5, value: -Infinity },
      ]);
      const [curve] = store.trialCurves(trial.id);
      assert.deepEqual(curve?.steps, [1, 2, 3, 5]);
      assert.deepEqual(curve?.values, [0.5, NaN, Infinity, -Infinity]);
      store.close();
    });

    it('stores a point once per (trial, attempt, name, step): writing it again replaces it', () => {
      const { store, sweep } = withSweep();
      const trial = store.claimTrial(sweep.id, worker);
      assert.ok(trial);
      const point = { trialId: trial.id, attempt: 1, name: 'val_loss', step: 1, value: 0.8 };
      store.logMetrics([point]);
      store.logMetrics([{ ...point, value: 0.6 }]);
      assert.deepEqual(
        store.curves(sweep.id, ['val_loss']).map((c) => c.values),
        [[0.6]],
      );
      store.close();
    });

    it('keeps the best value and epoch of the sweep metric by its goal, ignoring NaN and infinities', () => {
      for (const [goal, best, epoch] of [
        ['minimize', 0.2, 3],
        ['maximize', 0.9, 2],
      ] as const) {
        const { store, sweep } = withSweep(goal);
        const trial = store.claimTrial(sweep.id, worker);
        assert.ok(trial);
        const values = [0.5, 0.9, 0.2, NaN, Infinity, -Infinity];
        store.logMetrics(
          values.map((value, i) => ({ trialId: trial.id, attempt: 1, name: 'val_loss', step: i + 1, value })),
        );
        store.logMetrics([{ trialId: trial.id, attempt: 1, name: 'loss', step: 7, value: 0.01 }]); // not the sweep metric
        const read = store.getTrial(trial.id);
        assert.equal(read?.bestValue, best, goal);
        assert.equal(read?.bestEpoch, epoch, goal);
        assert.equal(read?.epochsRun, 7);
        store.close();
      }
    });

    it("returns each trial's curves of the asked metrics, in step order", () => {
      const { store, sweep } = withSweep();
      const a = store.claimTrial(sweep.id, worker);
      const b = store.claimTrial(sweep.id, worker);
      assert.ok(a && b);
      store.logMetrics([
        { trialId: b.id, attempt: 1, name: 'val_loss', step: 2, value: 0.4 },
        { trialId: b.id, attempt: 1, name: 'val_loss', step: 1, value: 0.5 },
        { trialId: a.id, attempt: 1, name: 'val_loss', step: 1, value: 0.7 },
        { trialId: a.id, attempt: 1, name: 'val_acc', step: 1, value: 0.6 },
      ]);
      const curves = store.curves(sweep.id, ['val_loss', 'val_acc']);
      assert.deepEqual(
        curves.map((c) => [c.trialId, c.name, c.steps, c.values]),
        [
          [a.id, 'val_loss', [1], [0.7]],
          [b.id, 'val_loss', [1, 2], [0.5, 0.4]],
          [a.id, 'val_acc', [1], [0.6]],
        ],
      );
      store.close();
    });

    it('records where and on what a running trial runs, as its worker reported it', () => {
      const { store, sweep } = withSweep();
      const trial = store.claimTrial(sweep.id, worker);
      assert.ok(trial);
      store.setTrialRuntime(trial.id, {
        backend: 'wasm',
        versions: { tfjs: '4.22.0', embsweep: '0.1.0' },
        host: 'gpu-box-7',
        workerId: 'remote:abc',
        pid: 4321,
      });
      const read = store.getTrial(trial.id);
      assert.equal(read?.backend, 'wasm');
      assert.equal(read?.workerPid, 4321);
      assert.equal(read?.workerHost, 'gpu-box-7');
      assert.equal(read?.workerId, 'remote:abc');
      assert.equal(read?.schedulerHost, 'test-host');
      assert.deepEqual(read?.versions, { tfjs: '4.22.0', embsweep: '0.1.0' });
      store.close();
    });

    it("moves a running trial's heartbeat forward", () => {
      const { store, sweep } = withSweep();
      const trial = store.claimTrial(sweep.id, worker);
      assert.ok(trial?.heartbeatAt);
      // Let the clock pass the claim's millisecond, so an unchanged heartbeat cannot pass.
      while (new Date().toISOString() <= trial.heartbeatAt);
      store.heartbeat(trial.id);
      const read = store.getTrial(trial.id);
      assert.ok(
        (read?.heartbeatAt ?? '') > trial.heartbeatAt,
        `${read?.heartbeatAt} after ${trial.heartbeatAt}`,
      );
      store.close();
    });
  });
}
