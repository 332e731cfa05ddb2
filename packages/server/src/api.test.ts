import assert from 'node:assert/strict';
import { copyFileSync, renameSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { SILENT_LOGGER } from '@embsweep/core';
import type {
  CurvesResponse,
  SweepResponse,
  SweepsResponse,
  TrialResponse,
  TrialsResponse,
} from './api-types.js';
import { serveExample } from './testing/serve-example.js';

let example: Awaited<ReturnType<typeof serveExample>>;
before(async () => {
  example = await serveExample();
});
after(() => example.close());

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${example.base}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

async function getError(path: string, status: number): Promise<{ code: string; message: string }> {
  const res = await get<{ error: { code: string; message: string } }>(path);
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.doesNotMatch(JSON.stringify(res.body), /\.js:\d+|at [A-Za-z]+ \(/, 'no stack trace');
  return res.body.error;
}

describe('dashboard API', () => {
  it('lists sweeps with trials by state and the best value', async () => {
    const { body } = await get<SweepsResponse>('/api/sweeps');
    assert.equal(body.sweeps.length, 1);
    const s = body.sweeps[0]!;
    assert.deepEqual(
      [s.name, s.method, s.trials, s.completed, s.pruned, s.failed, s.pending],
      ['example', 'grid', 12, 9, 1, 1, 1],
    );
    assert.equal(typeof s.bestValue, 'number');
  });

  it('describes a sweep: recorded metrics and the values of each parameter, varying ones first', async () => {
    const { body } = await get<SweepResponse>('/api/sweeps/example');
    assert.deepEqual(
      body.metrics,
      ['loss', 'loss_gap', 'val_acc', 'val_loss'],
      'recorded metrics, and the gap derived from val_loss and loss',
    );
    assert.deepEqual(
      body.parameters.map((p) => p.name),
      ['embedding_dim', 'dropout', 'l2', 'epochs'],
    );
    assert.deepEqual(body.parameters[0]?.values, [4, 32, 128]);
    assert.equal(body.sweep.metric, 'val_loss');
  });

  it('pages, sorts and filters the trials table', async () => {
    const all = (await get<TrialsResponse>('/api/sweeps/example/trials')).body;
    assert.equal(all.total, 12);
    assert.deepEqual(
      all.trials.map((t) => t.index),
      [...Array(12).keys()],
    );
    const page = (await get<TrialsResponse>('/api/sweeps/example/trials?offset=10&limit=5')).body;
    assert.deepEqual([page.total, page.trials.length, page.trials[0]?.index], [12, 2, 10]);

    const best = (await get<TrialsResponse>('/api/sweeps/example/trials?sort=best_value&order=asc')).body
      .trials;
    const values = best.map((t) => t.bestValue);
    assert.equal(values.at(-1), null, 'trials without a value sort last');
    const known = values.filter((v): v is number => v !== null);
    assert.deepEqual(
      known,
      [...known].sort((a, b) => a - b),
    );
    const desc = (await get<TrialsResponse>('/api/sweeps/example/trials?sort=best_value&order=desc')).body
      .trials;
    assert.equal(desc.at(-1)?.bestValue, null, 'still last when descending');
    assert.ok((desc[0]?.bestValue ?? 0) >= (desc[1]?.bestValue ?? 0));

    const wide = (
      await get<TrialsResponse>('/api/sweeps/example/trials?param.embedding_dim=128&state=completed,pending')
    ).body;
    assert.ok(wide.total > 0);
    assert.ok(
      wide.trials.every(
        (t) => t.params['embedding_dim'] === 128 && ['completed', 'pending'].includes(t.state),
      ),
    );
    const failed = (await get<TrialsResponse>('/api/sweeps/example/trials?state=failed')).body.trials;
    assert.deepEqual(
      failed.map((t) => [t.index, t.errorCode, t.errorMessage]),
      [[6, 'worker_crashed', 'exit code 1']],
    );
    const byParam = (
      await get<TrialsResponse>('/api/sweeps/example/trials?sort=param.embedding_dim&order=desc')
    ).body;
    assert.equal(byParam.trials[0]?.params['embedding_dim'], 128);
  });

  it('serves curves per trial and metric, with NaN and infinities as null', async () => {
    const one = (await get<CurvesResponse>('/api/sweeps/example/curves')).body;
    assert.deepEqual(one.metrics, ['val_loss']);
    assert.equal(one.series.length, 11, 'one series per trial that reported');
    assert.ok(one.series.every((s) => s.metric === 'val_loss' && s.steps.length === s.values.length));
    const two = (await get<CurvesResponse>('/api/sweeps/example/curves?metrics=val_loss,loss&points=50'))
      .body;
    assert.equal(two.series.length, 22);
    assert.equal(two.points, 50);
  });

  it('serves a trial with its events, runtime and every curve', async () => {
    const failed = (await get<TrialsResponse>('/api/sweeps/example/trials?state=failed')).body.trials[0]!;
    const { body } = await get<TrialResponse>(`/api/sweeps/example/trials/${failed.id}`);
    assert.equal(body.trial.backend, 'cpu');
    assert.deepEqual(body.trial.versions, { tfjs: '4.22.0' });
    assert.deepEqual(
      body.events.map((e) => e.to),
      ['pending', 'running', 'failed'],
    );
    assert.deepEqual(body.series.map((s) => s.metric).sort(), ['loss', 'val_acc', 'val_loss']);
    assert.equal(body.series[0]?.steps.length, 4);
  });

  it('answers bad input with a JSON error and a 4xx status that says what is wrong', async () => {
    const unknown = await getError('/api/sweeps/exampel', 404);
    assert.match(unknown.message, /did you mean "example"/);
    assert.doesNotMatch(unknown.message, /\//, 'no file path in an answer');
    assert.match((await getError('/api/sweeps/exampel/curves', 404)).message, /no sweep named/);
    assert.match(
      (await getError('/api/sweeps/example/trials?state=done', 400)).message,
      /state: unknown state "done"/,
    );
    assert.match(
      (await getError('/api/sweeps/example/trials?limit=0', 400)).message,
      /limit: expected a whole number/,
    );
    assert.match(
      (await getError('/api/sweeps/example/trials?sort=colour', 400)).message,
      /sort: expected one of/,
    );
    assert.match(
      (await getError('/api/sweeps/example/trials?page=2', 400)).message,
      /page: unknown query parameter/,
    );
    assert.match(
      (await getError('/api/sweeps/example/trials?limit=5&limit=6', 400)).message,
      /more than once/,
    );
    assert.match(
      (await getError('/api/sweeps/example/curves?metrics=f1', 400)).message,
      /"f1" is not recorded/,
    );
    assert.match((await getError('/api/sweeps/example/curves?points=abc', 400)).message, /points/);
    assert.match((await getError('/api/sweeps/example/trials/abc', 400)).message, /trial id/);
    assert.match((await getError('/api/sweeps/example/trials/99999', 404)).message, /no trial with id 99999/);
    assert.match(
      (await getError('/api/nothing-here', 404)).message,
      /no API endpoint GET \/api\/nothing-here/,
    );
    assert.equal((await getError('/api/sweeps/%E0%A4%A', 400)).code, 'bad_request');
  });

  it('has no way to write: other methods are refused', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${example.base}/api/sweeps/example`, { method });
      assert.equal(res.status, 404, method);
    }
  });

  it('sends a change event when the database changes, without the page asking', async () => {
    const { SqliteStore } = await import('@embsweep/store');
    const controller = new AbortController();
    const res = await fetch(`${example.base}/api/events`, { signal: controller.signal });
    assert.equal(res.headers.get('content-type'), 'text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
        if (chunk.done) throw new Error(`stream ended before ${String(pattern)}`);
        text += decoder.decode(chunk.value);
      }
    };
    await read(/event: hello/);
    const store = SqliteStore.open(example.dbPath);
    const pending = store.listTrials(1).find((t) => t.state === 'pending')!;
    const claimed = store.claimTrial(1, { pid: 1, host: 'h' })!;
    assert.equal(claimed.id, pending.id);
    store.logMetrics([
      { trialId: claimed.id, attempt: claimed.attempt, name: 'val_loss', step: 1, value: 0.5 },
    ]);
    store.close();
    await read(/event: change\ndata: \{"version":\d+\}/);
    controller.abort();
    const curves = (await get<CurvesResponse>('/api/sweeps/example/curves')).body;
    assert.equal(curves.series.length, 12, 'the new epoch is served');
  });

  it('sends a metric asked many times once, and refuses more than 10 metrics', async () => {
    const many = Array<string>(200).fill('val_loss').join(',');
    const { status, body } = await get<CurvesResponse>(`/api/sweeps/example/curves?metrics=${many}`);
    assert.equal(status, 200);
    assert.deepEqual(body.metrics, ['val_loss']);
    const once = (await get<CurvesResponse>('/api/sweeps/example/curves?metrics=val_loss')).body;
    assert.equal(body.series.length, once.series.length);
    const eleven = Array.from({ length: 11 }, (_, i) => `m${i}`).join(',');
    assert.match(
      (await getError(`/api/sweeps/example/curves?metrics=${eleven}`, 400)).message,
      /at most 10 metrics/,
    );
  });

  it('does not send the sweep description twice', async () => {
    const { body } = await get<SweepResponse>('/api/sweeps/example');
    assert.equal((body.spec as { description?: string }).description, undefined);
  });
});

describe('dashboard API when something breaks inside', () => {
  it('answers 500 without details and logs the cause', async () => {
    const lines: string[] = [];
    const served = await serveExample({ ...SILENT_LOGGER, error: (line: string) => void lines.push(line) });
    try {
      served.reader.close(); // every read now fails inside the server
      const res = await fetch(`${served.base}/api/sweeps`);
      assert.equal(res.status, 500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.deepEqual(body.error, {
        code: 'internal',
        message: 'the server could not answer; see its log for details',
      });
      assert.match(lines[0] ?? '', /^dashboard: GET \/api\/sweeps failed: .*not open/);
    } finally {
      await served.server.close();
    }
  });
});

describe('dashboard API over a database that goes away', () => {
  it('says so (503, no path) and logs it once with the path, when the file is deleted or replaced', async () => {
    const lines: string[] = [];
    const logger = { ...SILENT_LOGGER, error: (line: string) => void lines.push(line) };
    const served = await serveExample(logger);
    try {
      assert.equal((await fetch(`${served.base}/api/sweeps`)).status, 200);
      renameSync(served.dbPath, `${served.dbPath}.old`);
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${served.base}/api/sweeps`);
        assert.equal(res.status, 503);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'store_gone');
        assert.match(body.error.message, /deleted or replaced while the dashboard served it; restart/);
        assert.doesNotMatch(body.error.message, /\//);
      }
      assert.equal(lines.length, 1);
      assert.match(lines[0] ?? '', /embsweep\.db was deleted/);
      copyFileSync(`${served.dbPath}.old`, served.dbPath); // another file at the same path
      assert.equal((await fetch(`${served.base}/api/sweeps/example`)).status, 503);
    } finally {
      await served.close();
    }
  });
});
