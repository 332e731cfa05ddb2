// Benchmark of the dashboard (npm run bench), on sweeps generated through the store's own code
// (fillLargeSweep): API response times, and in headless Chromium the sweep page's time from
// navigation to the comparison chart drawn (the page marks it), hover readout and JS heap.
//   - 1,000 trials x 100 epochs: first chart under 0.5 s with every colouring, including
//     dropout, a continuous parameter where no two trials share a colour.
//   - 10,000 trials x 1,000 epochs: curves API p95 under 200 ms, first chart under 2.5 s, hover
//     readout under 50 ms, page memory under 500 MB. Generated once (several minutes) and kept
//     in the temporary folder for later runs.
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SILENT_LOGGER } from '@embsweep/core';
import { ResultsReader } from '@embsweep/store';
import { fillLargeSweep, type LargeSweepShape } from '@embsweep/store/testing';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../start-server.js';
import { CHROMIUM, launchBrowser } from '../testing/launch-browser.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const STATIC = join(dirname(fileURLToPath(import.meta.url)), '../../../../dashboard/dist');
const pct = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const verdict = (value: number, target: number) =>
  `target < ${target}: ${value < target ? 'met' : 'MISSED'} (${(value / target).toFixed(2)}x of target)`;

/** A database of `shape`, made once per schema and kept in the temporary folder. */
function database(shape: LargeSweepShape): string {
  const path = join(tmpdir(), `embsweep-bench-${shape.trials}x${shape.epochs}-schema8.db`);
  if (existsSync(path)) return path;
  print(
    `  generating ${shape.trials} trials x ${shape.epochs} epochs through the store (once; kept at ${path})...`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'embsweep-bench-'));
  const start = performance.now();
  fillLargeSweep(join(dir, 'bench.db'), 'bench', shape);
  renameSync(join(dir, 'bench.db'), path);
  rmSync(dir, { recursive: true, force: true });
  print(`  generated in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  return path;
}

async function timeGet(url: string, runs: number): Promise<{ times: number[]; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    const res = await fetch(url);
    bytes = (await res.arrayBuffer()).byteLength;
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i >= 2) times.push(performance.now() - start);
  }
  return { times: times.sort((a, b) => a - b), bytes };
}

function apiLine(what: string, { times, bytes }: { times: number[]; bytes: number }, target?: number): void {
  print(
    `  ${what.padEnd(58)} median ${pct(times, 0.5).toFixed(1).padStart(7)} ms   p95 ${pct(times, 0.95).toFixed(1).padStart(7)} ms   ${(bytes / 1e6).toFixed(1).padStart(5)} MB${target === undefined ? '' : `   ${verdict(pct(times, 0.95), target)}`}`,
  );
}

/** Navigation start to the comparison chart drawn, as the page marks it. */
async function firstChart(page: Page, url: string, series: number): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('embsweep:first-chart').length > 0,
    undefined,
    {
      timeout: 120_000,
    },
  );
  const drawn = await page.locator('#curves-chart').getAttribute('data-series');
  if (drawn !== String(series)) throw new Error(`the chart drew ${drawn} series, not ${series}`);
  return page.evaluate(() => performance.getEntriesByName('embsweep:first-chart')[0]?.startTime ?? NaN);
}

/**
 * The pointer moved to points across the middle of the chart: time from the move to the
 * readout written and the next frame painted, and how many moves found a curve.
 */
async function hoverTimes(page: Page): Promise<{ times: number[]; hits: number }> {
  return page.evaluate<{ times: number[]; hits: number }>(HOVER_SCRIPT);
}

// Run in the page (as text: this package is compiled without the DOM's types).
const HOVER_SCRIPT = `(async () => {
  const canvas = document.querySelector('#curves-chart');
  const readout = document.querySelector('[data-testid=hover-info]');
  const rect = canvas.getBoundingClientRect();
  const times = [];
  let hits = 0;
  for (let i = 0; i < 60; i++) {
    const before = readout.textContent;
    const start = performance.now();
    canvas.dispatchEvent(new MouseEvent('mousemove', {
      clientX: rect.left + rect.width * (0.15 + (0.7 * ((i * 7) % 60)) / 60),
      clientY: rect.top + rect.height * (0.3 + (0.4 * ((i * 13) % 60)) / 60),
      bubbles: true,
    }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    times.push(performance.now() - start);
    if (readout.textContent !== before && readout.textContent.startsWith('Trial')) hits += 1;
  }
  return { times: times.sort((a, b) => a - b), hits };
})()`;

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1e6;
}

async function smallSweep(browser: Browser | undefined): Promise<void> {
  const shape = { trials: 1000, epochs: 100 };
  const reader = ResultsReader.open(database(shape));
  const server = await startServer({ reader, staticDir: STATIC, logger: SILENT_LOGGER, port: 0 });
  try {
    const api = `${server.url}api/sweeps/bench`;
    print(`Dashboard, ${shape.trials} trials x ${shape.epochs} epochs (val_loss and loss):`);
    apiLine(
      'GET curves (val_loss, binary, as the page reads it)',
      await timeGet(`${api}/curves?format=binary`, 40),
      100,
    );
    apiLine('GET curves (val_loss, JSON)', await timeGet(`${api}/curves`, 40));
    apiLine(
      'GET trials (all, for the chart and parameter views)',
      await timeGet(`${api}/trials?limit=all`, 40),
    );
    if (!browser) return;
    print('  first chart in headless Chromium, by colouring (previously 0.4-1.9 s; median of 4 loads):');
    for (const color of ['embedding_dim', 'dropout', 'l2']) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        const ms = await firstChart(page, `${server.url}sweeps/bench?color=${color}`, shape.trials);
        if (i > 0) times.push(ms);
        await page.close();
      }
      times.sort((a, b) => a - b);
      const what = color === 'dropout' ? `${color} (no two trials share a colour)` : color;
      print(
        `    coloured by ${what.padEnd(40)} median ${pct(times, 0.5).toFixed(0).padStart(5)} ms   worst ${times.at(-1)?.toFixed(0).padStart(5)} ms   ${verdict((times.at(-1) ?? NaN) / 1000, 0.5)}`,
      );
    }
  } finally {
    await server.close();
    reader.close();
  }
}

async function bigSweep(browser: Browser | undefined): Promise<void> {
  const shape = { trials: 10_000, epochs: 1000 };
  const reader = ResultsReader.open(database(shape));
  const server = await startServer({ reader, staticDir: STATIC, logger: SILENT_LOGGER, port: 0 });
  try {
    const api = `${server.url}api/sweeps/bench`;
    print(`Dashboard, ${shape.trials} trials x ${shape.epochs} epochs (val_loss and loss):`);
    apiLine(
      'GET curves (val_loss, binary, 50 points each, as the page asks)',
      await timeGet(`${api}/curves?format=binary&points=50`, 20),
      200,
    );
    apiLine('GET curves (val_loss, JSON)', await timeGet(`${api}/curves`, 10));
    apiLine(
      'GET curves (val_loss, 20 trials that changed: a live update)',
      await timeGet(
        `${api}/curves?format=binary&trials=${Array.from({ length: 20 }, (_, i) => 5000 + i).join(',')}`,
        20,
      ),
    );
    apiLine('GET trials (all)', await timeGet(`${api}/trials?limit=all`, 10));
    apiLine('GET sweep (summary, metrics, parameter values)', await timeGet(api, 10));
    if (!browser) return;
    const loads: number[] = [];
    let hover: { times: number[]; hits: number } = { times: [], hits: 0 };
    let heap = NaN;
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      loads.push(await firstChart(page, `${server.url}sweeps/bench?color=embedding_dim`, shape.trials));
      if (i === 3) {
        hover = await hoverTimes(page);
        heap = await heapMb(page);
      }
      await page.close();
    }
    loads.sort((a, b) => a - b);
    print(
      `  first chart in headless Chromium (previously 5.2-6.3 s)          median ${(pct(loads, 0.5) / 1000).toFixed(2)} s   worst ${((loads.at(-1) ?? NaN) / 1000).toFixed(2)} s   ${verdict((loads.at(-1) ?? NaN) / 1000, 2.5)}`,
    );
    print(
      `  hover readout (move to frame painted; ${hover.hits} of ${hover.times.length} moves on a curve)   median ${pct(hover.times, 0.5).toFixed(1)} ms   p95 ${pct(hover.times, 0.95).toFixed(1)} ms   ${verdict(pct(hover.times, 0.95), 50)}`,
    );
    print(
      `  JS heap of the page after the chart (previously about 410 MB)     ${heap.toFixed(0)} MB   ${verdict(heap, 500)}`,
    );
  } finally {
    await server.close();
    reader.close();
  }
}

const browser = existsSync(CHROMIUM) ? await launchBrowser() : undefined;
if (!browser)
  print(`  (no Chromium at ${CHROMIUM}: the browser figures are skipped; apt-get install chromium)`);
try {
  await smallSweep(browser);
  await bigSweep(browser);
} finally {
  await browser?.close();
}
