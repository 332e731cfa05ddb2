// Benchmark of the dashboard (npm run bench): API response times for a sweep of 1,000 trials x
// 100 epochs (target: the curves endpoint under 100 ms at the 95th percentile), and the sweep
// page's time to first chart in headless Chromium (from navigation start to the comparison
// chart drawn, as the page marks it).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SILENT_LOGGER, type MetricPoint } from '@embsweep/core';
import { validateSweep } from '@embsweep/core/sweep-file';
import { ResultsReader, SqliteStore } from '@embsweep/store';
import { startServer } from '../start-server.js';
import { CHROMIUM, launchBrowser } from '../testing/launch-browser.js';
import { gridPlan } from '@embsweep/store/testing';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const TRIALS = 1000;
const EPOCHS = 100;
const METRICS = ['loss', 'acc', 'val_loss', 'val_acc'];
const RUNS = 60;
const STATIC = join(dirname(fileURLToPath(import.meta.url)), '../../../../dashboard/dist');

function fill(path: string): void {
  const store = SqliteStore.open(path);
  const spec = validateSweep({
    method: 'grid',
    metric: { name: 'val_loss', goal: 'minimize' },
    dataset: { source: 'synthetic' },
    parameters: { embedding_dim: { min: 1, max: 200 }, dropout: { values: [0, 0.1, 0.2, 0.3, 0.5] } },
  });
  const sweep = store.openSweep('bench', spec, 'h');
  store.addTrials(sweep.id, gridPlan(spec));
  const trials = Array.from({ length: TRIALS }, () => store.claimTrial(sweep.id, { pid: 1, host: 'bench' })!);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const points: MetricPoint[] = trials.flatMap((t) =>
      METRICS.map((name, m) => ({
        trialId: t.id,
        attempt: 1,
        name,
        step: epoch,
        value: Math.exp(-epoch / 30) + m + t.id * 1e-5 + (epoch * t.index) / 1e5,
      })),
    );
    store.logMetrics(points);
  }
  for (const t of trials) store.transitionTrial(t.id, 'completed', { reason: 'bench' });
  store.close();
}

async function timeGet(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const start = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= 3) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const pct = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function firstChartMs(base: string): Promise<number[] | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${base}sweeps/bench`);
      await page.waitForFunction(
        () => performance.getEntriesByName('embsweep:first-chart').length > 0,
        undefined,
        { timeout: 60_000 },
      );
      const ms = await page.evaluate(
        () => performance.getEntriesByName('embsweep:first-chart')[0]?.startTime ?? NaN,
      );
      const series = await page.locator('#curves-chart').getAttribute('data-series');
      if (series !== String(TRIALS)) throw new Error(`the chart drew ${series} series, not ${TRIALS}`);
      if (i > 0) times.push(ms);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return times.sort((a, b) => a - b);
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'embsweep-server-bench-'));
  try {
    const path = join(dir, 'bench.db');
    fill(path);
    const reader = ResultsReader.open(path);
    const server = await startServer({ reader, staticDir: STATIC, logger: SILENT_LOGGER, port: 0 });
    try {
      const base = server.url;
      print(
        `Dashboard benchmark: one sweep of ${TRIALS} trials x ${EPOCHS} epochs x ${METRICS.length} metrics, ${RUNS} requests each`,
      );
      const line = (what: string, sorted: number[], target?: number) =>
        print(
          `  ${what.padEnd(52)} median ${pct(sorted, 0.5).toFixed(1).padStart(6)} ms   p95 ${pct(sorted, 0.95).toFixed(1).padStart(6)} ms${target === undefined ? '' : `   target p95 < ${target} ms: ${pct(sorted, 0.95) < target ? 'met' : 'MISSED'} (${(pct(sorted, 0.95) / target).toFixed(2)}x of target)`}`,
        );
      line('GET curves (val_loss, every trial)', await timeGet(`${base}api/sweeps/bench/curves`), 100);
      line(
        'GET curves (val_loss + loss: training curves on)',
        await timeGet(`${base}api/sweeps/bench/curves?metrics=val_loss,loss`),
      );
      line('GET sweep (summary, metrics, parameter values)', await timeGet(`${base}api/sweeps/bench`));
      line(
        'GET trials (one table page, sorted by best value)',
        await timeGet(`${base}api/sweeps/bench/trials?sort=best_value`),
      );
      line(
        'GET trials (all, for the parameter views)',
        await timeGet(`${base}api/sweeps/bench/trials?limit=all`),
      );
      const chart = await firstChartMs(base);
      if (typeof chart === 'string') print(`  time to first chart: skipped: ${chart}`);
      else
        print(
          `  time to first chart in headless Chromium (${TRIALS} curves)     median ${pct(chart, 0.5).toFixed(0)} ms   worst ${chart.at(-1)?.toFixed(0)} ms (${chart.length} loads)`,
        );
    } finally {
      await server.close();
      reader.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await run();
