import assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CurvesResponse, SweepsResponse, TrialsResponse } from '@embsweep/server';
import { ResultsReader, SqliteStore } from '@embsweep/store';
import { fillLargeSweep, fillSeededDatabase, gridPlan, makeTempDir } from '@embsweep/store/testing';
import { validateSweep } from '@embsweep/core/sweep-file';
import { dashboardUrl, launchBrowser } from './support/browser.js';
import { fillDatabase } from './support/fill-database.js';
import { spawnCli, type CliProcess } from './support/spawn-cli.js';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** A page that records the browser's errors, so a test can insist there were none. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

const attr = (page: Page, selector: string, name: string) =>
  page.locator(selector).getAttribute(name, { timeout: 10_000 });

async function waitForAttr(page: Page, selector: string, name: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([s, n, v]) => document.querySelector(s!)?.getAttribute(n!) === v,
    [selector, name, value],
    { timeout: 15_000 },
  );
}

async function stop(cli: CliProcess): Promise<void> {
  cli.child.kill('SIGINT');
  const { code } = await cli.exit;
  assert.equal(code, 0, cli.stderr());
}

describe('dashboard in headless Chromium', { timeout: 240_000 }, () => {
  it('compares the curves of a finished sweep; sorts, filters and selects trials; opens a trial', async () => {
    const { path, sweep } = fillDatabase();
    const reader = ResultsReader.open(path);
    const best = reader.bestTrials(sweep, 20, { includePartial: true });
    reader.close();
    const server = spawnCli(['dashboard', '--db', path, '--port', '0'], makeTempDir('dash'));
    await server.waitFor(/dashboard: http/);
    const base = dashboardUrl(server.stderr());
    const { page, errors } = await openPage();
    try {
      await page.goto(base);
      await page.locator('tr[data-sweep="quick-grid"]').waitFor();
      assert.match(
        await page.locator('tr[data-sweep="quick-grid"]').innerText(),
        /9 completed.*1 pruned.*1 failed/s,
      );
      await page.click('a[href="/sweeps/quick-grid"]');

      // One curve per trial that reported an epoch (11 of 12; the last is still pending).
      await waitForAttr(page, '#curves-chart', 'data-series', '11');
      assert.equal(await attr(page, '#curves-chart', 'data-alpha'), '1.00', 'a few curves are drawn solid');
      assert.equal(await attr(page, '#curves-chart', 'data-metric'), 'val_loss');
      // The search history: one point per trial with a value, the running best over completed ones.
      const rows = best.filter((r) => r['best_value'] !== null);
      await waitForAttr(page, '#history-chart', 'data-points', String(rows.length));
      const completedBest = Math.min(
        ...rows.filter((r) => r['state'] === 'completed').map((r) => Number(r['best_value'])),
      );
      assert.equal(Number(await attr(page, '#history-chart', 'data-best')), completedBest);
      assert.match(await page.locator('tr.state-row-failed').innerText(), /worker_crashed: exit code 1/);
      assert.ok(
        (await page.locator('thead').first().innerText()).includes('host'),
        'the table shows where trials ran',
      );
      assert.equal(await page.locator('tr.state-row-pruned').count(), 1);
      assert.equal(await attr(page, '#parameter-chart', 'data-series'), '2', 'one line per dropout value');
      // A pruned trial's value is partial: drawn apart, never averaged into the lines.
      assert.equal(
        await attr(page, '#parameter-chart', 'data-line-trials'),
        String(rows.filter((r) => r['state'] === 'completed').length),
      );
      assert.equal(await attr(page, '#parameter-chart', 'data-partial'), '1');
      assert.equal(await attr(page, '#parallel-chart', 'data-partial'), '1', 'drawn apart as partial');
      // Which parameters mattered: one bar each, most important first, summing to 1. The bars
      // are read after the chart is drawn, so wait for them rather than for the chart.
      const importanceRows = page.locator('[data-testid=importance] .importance-row');
      await importanceRows.nth(2).waitFor({ timeout: 15_000 });
      const importance = await importanceRows.evaluateAll((rows) =>
        rows.map(
          (r) => [r.getAttribute('data-parameter'), Number(r.getAttribute('data-importance'))] as const,
        ),
      );
      assert.deepEqual(importance.map(([p]) => p).sort(), ['dropout', 'embedding_dim', 'l2']);
      assert.ok(Math.abs(importance.reduce((s, [, v]) => s + v, 0) - 1) < 1e-3);
      // One seed: no configurations table, but the smallest sufficient width, judged by tolerance.
      assert.equal(await page.locator('[data-testid=configurations-table]').count(), 0);
      assert.match(
        await page.getByTestId('smallest-sufficient').innerText(),
        /^Smallest sufficient embedding_dim: \d+ \(within 1% of the best/,
      );
      // Or compared like for like at a common epoch: every trial that reached it, pruned ones too.
      await page.selectOption('select[name=y]', 'at_epoch');
      await waitForAttr(page, '#parameter-chart', 'data-y', 'val_loss at epoch 3');
      const reached = best.filter((r) => Number(r['epochs_run']) >= 3).length;
      assert.equal(await attr(page, '#parameter-chart', 'data-line-trials'), String(reached));
      assert.equal(await attr(page, '#parameter-chart', 'data-partial'), '0');
      await page.fill('input[name=epoch]', '5');
      await page.locator('input[name=epoch]').dispatchEvent('change');
      await waitForAttr(page, '#parameter-chart', 'data-y', 'val_loss at epoch 5');
      await page.waitForURL(/y=at_epoch&epoch=5|epoch=5.*y=at_epoch|y=at_epoch.*epoch=5/);
      assert.equal(
        await attr(page, '#parameter-chart', 'data-line-trials'),
        String(best.filter((r) => Number(r['epochs_run']) >= 5).length),
      );
      await page.selectOption('select[name=y]', 'best');
      assert.equal(
        await attr(page, '#parallel-chart', 'data-series'),
        '11',
        'one line per trial with a value',
      );

      // Sort by best value, both ways; trials without a value stay last.
      await page.click('th[data-sort="best_value"] button');
      await page.waitForURL(/sort=best_value/);
      await page.waitForFunction(
        (first) => document.querySelector('tbody tr[data-trial-id] a')?.textContent === first,
        `#${Number(best[0]?.['trial_index']) + 1}`,
      );
      await page.click('th[data-sort="best_value"] button');
      await page.waitForURL(/order=desc/);
      await page.waitForFunction(
        (first) => document.querySelector('tbody tr[data-trial-id] a')?.textContent === first,
        `#${Number(best.at(-1)?.['trial_index']) + 1}`,
      );

      // Filter by a parameter value: the table and the chart both narrow.
      await page.check('fieldset[data-param="dropout"] input[value="0.5"]');
      await page.waitForFunction(() =>
        /of 6$/.test(document.querySelector('[data-testid=table-count]')?.textContent ?? ''),
      );
      await waitForAttr(page, '#curves-chart', 'data-series', '5');

      // The view survives a reload (deep link).
      await page.reload();
      await waitForAttr(page, '#curves-chart', 'data-series', '5');
      assert.ok(await page.isChecked('fieldset[data-param="dropout"] input[value="0.5"]'));
      assert.match(page.url(), /sort=best_value&order=desc/);

      // Select a trial by its row, then isolate it.
      const row = page.locator('tbody tr[data-trial-id]').first();
      const selectedId = await row.getAttribute('data-trial-id');
      await row.locator('td.num').first().click();
      await page.waitForURL(new RegExp(`sel=${selectedId}`));
      assert.equal(
        await page.locator(`tr[data-trial-id="${selectedId}"]`).getAttribute('aria-selected'),
        'true',
      );
      await page.check('input[name=isolate]');
      await waitForAttr(page, '#curves-chart', 'data-series', '1');
      // A click on the curve itself selects (here: unselects) its trial. The curve is found by
      // its colour on the canvas: it is the only coloured thing drawn there.
      const spot = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('#curves-chart')!;
        const { data, width, height } = canvas
          .getContext('2d')!
          .getImageData(0, 0, canvas.width, canvas.height);
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        for (let x = Math.floor(width * 0.4); x < width; x++)
          for (let y = 0; y < height; y++) {
            const [r = 0, g = 0, b = 0] = data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3);
            if (Math.max(r, g, b) - Math.min(r, g, b) > 60) return { x: x / scale, y: y / scale };
          }
        return null;
      });
      assert.ok(spot, 'the selected curve is drawn');
      // Hover names the trial and its parameters.
      await page.locator('#curves-chart').hover({ position: spot });
      const selectedRow = await page.locator(`tr[data-trial-id="${selectedId}"] a`).innerText();
      await page.waitForFunction(
        (name) =>
          document.querySelector('[data-testid=hover-info]')?.textContent?.startsWith(`Trial ${name} `),
        selectedRow,
      );
      assert.match(
        await page.locator('[data-testid=hover-info]').innerText(),
        /embedding_dim=\d+, dropout=0\.5, l2=/,
      );
      await page.locator('#curves-chart').click({ position: spot });
      await page.waitForURL((url) => !url.search.includes('sel='));
      await page.locator(`tr[data-trial-id="${selectedId}"] td.num`).first().click();
      await page.waitForURL(new RegExp(`sel=${selectedId}`));
      await page.uncheck('input[name=isolate]');
      await waitForAttr(page, '#curves-chart', 'data-series', '5');

      // Group by a parameter: one mean curve (with its band) per value.
      await page.selectOption('select[name=group]', 'embedding_dim');
      await waitForAttr(page, '#curves-chart', 'data-series', '3');
      await page.selectOption('select[name=group]', 'none');
      // Switch metric; training curves beside validation.
      await page.selectOption('select[name=metric]', 'val_acc');
      await waitForAttr(page, '#curves-chart', 'data-metric', 'val_acc');
      await page.selectOption('select[name=metric]', 'val_loss');
      await page.check('input[name=train]');
      await page.waitForURL(/train=1/);
      await waitForAttr(page, '#curves-chart', 'data-series', '5');
      assert.equal(await attr(page, '#parameter-chart', 'data-series'), '1', 'filtered to one dropout value');

      // Open a trial: its curves, parameters, events and error text.
      await page.click('tbody a:text-is("#7")');
      await page.waitForURL(/\/sweeps\/quick-grid\/trials\/\d+$/);
      await page.locator('[data-testid=trial-state]').waitFor();
      assert.equal(await page.locator('[data-testid=trial-state]').innerText(), 'failed');
      assert.match(await page.locator('.error-box').innerText(), /worker_crashed\s+exit code 1/);
      assert.equal(await page.locator('ol.events li').count(), 3);
      // Where it ran, as its worker reported it (a trial may run on another machine than its scheduler).
      const details = await page.locator('body').innerText();
      assert.match(details, /host\s+test\b/);
      assert.match(details, /worker\s+local:\d+/);
      assert.equal(await attr(page, '#trial-loss-chart', 'data-series'), '2');
      await page.goBack();
      await waitForAttr(page, '#curves-chart', 'data-series', '5');

      assert.deepEqual(errors, [], 'no errors in the browser');
      // An unknown sweep is a real error page, with the way back (the browser logs the API's 404).
      await page.goto(`${base}sweeps/quick-gird`);
      assert.match(
        await page.locator('[role=alert]').innerText(),
        /no sweep named "quick-gird".*did you mean "quick-grid"/s,
      );

      // A screenshot of the sweep page renders (docs/dashboard.png is one of a real run).
      await page.goto(`${base}sweeps/quick-grid?train=1`);
      await waitForAttr(page, '#curves-chart', 'data-series', '11');
      const shot = join(makeTempDir('shot'), 'sweep.png');
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok(statSync(shot).size > 20_000);
      assert.deepEqual(
        errors.filter((e) => !/status of 404/.test(e)),
        [],
      );
    } finally {
      await page.close();
      await stop(server);
    }
  });

  it('shows configurations across seeds: interval bands, error bars, ties with the best, the gap and best epochs', async () => {
    // 3 dropout values x 3 completed seeds with known values (see fillSeededDatabase).
    const path = join(makeTempDir('dash-seeded'), 'embsweep.db');
    fillSeededDatabase(path);
    const server = spawnCli(['dashboard', '--db', path, '--port', '0'], makeTempDir('dash-seeded-cwd'));
    await server.waitFor(/dashboard: http/);
    const base = dashboardUrl(server.stderr());
    const { page, errors } = await openPage();
    try {
      await page.goto(`${base}sweeps/seeded`);
      const rows = page.locator('[data-testid=configurations-table] tbody tr');
      await rows.nth(2).waitFor();
      assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-tied'))), [
        'true',
        'true',
        'false',
      ]);
      assert.match(await rows.nth(0).innerText(), /dropout=0\s+3\s+0\.41\s+0\.4 – 0\.42/);
      assert.match(await rows.nth(1).innerText(), /≈ best/);
      assert.match(
        await page.getByTestId('verdict').innerText(),
        /top 2 configurations cannot be told apart with 3 seeds each; about 63 seeds each/,
      );

      // Every curve marks its best epoch: 9 completed trials and the pruned one.
      await waitForAttr(page, '#curves-chart', 'data-best-markers', '10');
      // Smoothing: the first trial's val_loss 0.5, 0.4, 0.45 drawn as TensorBoard's debiased EMA.
      assert.equal(await attr(page, '#curves-chart', 'data-first-curve'), '[0.5,0.4,0.45]');
      await page.goto(`${base}sweeps/seeded?smooth=0.6`);
      await waitForAttr(page, '#curves-chart', 'data-smoothing', '0.6');
      assert.equal(await attr(page, '#curves-chart', 'data-first-curve'), '[0.5,0.4375,0.4439]');
      await page.check('input[name=logy]');
      await waitForAttr(page, '#curves-chart', 'data-scale', 'logarithmic');
      await page.waitForURL(/logy=1/);
      await page.goto(`${base}sweeps/seeded`);
      await waitForAttr(page, '#curves-chart', 'data-scale', 'linear');
      // x by time since each trial started: the axis reaches the longest time the API gives.
      assert.equal(await attr(page, '#curves-chart', 'data-x-max'), '3', 'three epochs');
      await page.selectOption('select[name=xaxis]', 'time');
      await page.waitForURL(/xaxis=time/);
      await waitForAttr(page, '#curves-chart', 'data-x', 'time');
      const answer = (await (await fetch(`${base}api/sweeps/seeded/curves`)).json()) as CurvesResponse;
      const longest = Math.max(...answer.series.flatMap((c) => c.elapsed));
      const drawnMax = Number(await attr(page, '#curves-chart', 'data-x-max'));
      assert.ok(
        Math.abs(drawnMax - longest) < 0.002,
        `x reaches ${drawnMax} s; the longest time is ${longest} s`,
      );
      await page.selectOption('select[name=xaxis]', 'epoch');
      await waitForAttr(page, '#curves-chart', 'data-x-max', '3');
      // The 3 best completed trials highlighted, and the table limited to them.
      await page.selectOption('select[name=top]', '3');
      await waitForAttr(page, '#curves-chart', 'data-highlighted', '3');
      await page.check('input[name=toponly]');
      await page.waitForURL(/top=3.*toponly=1|toponly=1.*top=3/);
      await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-trial-id]').length === 3);
      assert.deepEqual(
        (await page.locator('tbody tr[data-trial-id]').allInnerTexts()).map((t) => /\b0\.4\d*/.exec(t)?.[0]),
        ['0.4', '0.405', '0.41'],
      );
      await page.goto(`${base}sweeps/seeded`);
      // Grouped by configuration: the band is the 95% interval of the mean; min-max on request.
      await page.selectOption('select[name=group]', 'config');
      await waitForAttr(page, '#curves-chart', 'data-band', 'ci');
      assert.equal(await attr(page, '#curves-chart', 'data-series'), '3');
      assert.match(await page.getByTestId('curves-legend').innerText(), /band: 95% interval of the mean/);
      await page.selectOption('select[name=band]', 'range');
      await waitForAttr(page, '#curves-chart', 'data-band', 'range');
      await page.waitForURL(/band=range/);

      // The parameter chart: one point per dropout value, each mean of 3 seeds with an error bar.
      await page.selectOption('select[name=x]', 'dropout');
      await waitForAttr(page, '#parameter-chart', 'data-error-bars', '3');
      await page.selectOption('select[name=y]', 'gap_best');
      await waitForAttr(page, '#parameter-chart', 'data-y', 'loss gap (val_loss − loss) at the best epoch');
      await page.waitForURL(/y=gap_best/);
      // The effective rank of the embedding at the best epoch, against a parameter.
      await page.selectOption('select[name=y]', 'rank_best');
      await waitForAttr(
        page,
        '#parameter-chart',
        'data-y',
        'effective rank of the embedding at the best epoch',
      );
      assert.equal(await attr(page, '#parameter-chart', 'data-line-trials'), '9');

      // A trial page draws each kind of metric on its own chart: losses never beside tokens/s.
      await page.goto(`${base}sweeps/seeded/trials/1`);
      await page.locator('canvas.trial-chart').first().waitFor();
      const charts = await page
        .locator('canvas.trial-chart')
        .evaluateAll((cs) => cs.map((c) => (c.getAttribute('data-metrics') ?? '').split(',')));
      assert.deepEqual(charts[0], ['loss', 'val_loss'], 'losses first');
      for (const metrics of charts)
        assert.ok(!(metrics.includes('val_loss') && metrics.includes('tokens_per_s')), metrics.join());
      assert.ok(
        charts.some((m) => m.join() === 'emb_norm_mean'),
        'the embedding norms have a chart',
      );
      assert.ok(
        charts.some((m) => m.join() === 'emb_effective_rank'),
        'and the effective rank',
      );
      // The nearest neighbours of the probe words at the best epoch.
      assert.match(
        await page.locator('[data-testid=neighbours] tr[data-probe=w1]').innerText(),
        /w1\s+w2 \(0\.90\), w3 \(0\.50\)/,
      );
      assert.match(
        await page.locator('section[aria-label="nearest neighbours"]').innerText(),
        /Not in the vocabulary: nope\./,
      );
      await page.goBack();

      // The gap against epoch is a metric like any other, coloured by a parameter.
      await page.selectOption('select[name=group]', 'none');
      await page.selectOption('select[name=metric]', 'loss_gap');
      await waitForAttr(page, '#curves-chart', 'data-metric', 'loss_gap');
      await waitForAttr(page, '#curves-chart', 'data-series', '10');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await stop(server);
    }
  });

  it('colours a parameter with many values on a continuous scale with one colour bar', async () => {
    const path = join(makeTempDir('dash-many'), 'embsweep.db');
    const l2 = Array.from({ length: 30 }, (_, i) => Number((1e-6 * 1.5 ** i).toPrecision(3)));
    const spec = {
      ...validateSweep({
        method: 'grid',
        dataset: { source: 'synthetic' },
        parameters: { l2: { values: l2 } },
      }),
      name: 'many',
    };
    const store = SqliteStore.open(path);
    const sweep = store.openSweep('many', spec, 'many');
    store.addTrials(sweep.id, gridPlan(spec));
    for (
      let trial = store.claimTrial(sweep.id, { pid: 1, host: 'h' });
      trial;
      trial = store.claimTrial(sweep.id, { pid: 1, host: 'h' })
    ) {
      store.logMetrics([
        { trialId: trial.id, attempt: 1, name: 'val_loss', step: 1, value: 0.5 + trial.index / 100 },
      ]);
      store.transitionTrial(trial.id, 'completed', { reason: 'example' });
    }
    store.close();
    const server = spawnCli(['dashboard', '--db', path, '--port', '0'], makeTempDir('dash-many-cwd'));
    await server.waitFor(/dashboard: http/);
    const { page, errors } = await openPage();
    try {
      await page.goto(`${dashboardUrl(server.stderr())}sweeps/many`);
      await waitForAttr(page, '#curves-chart', 'data-series', '30');
      assert.equal(await page.getByTestId('colour-bar').getAttribute('data-values'), '30');
      assert.equal(
        await page.locator('[data-testid=curves-legend] .swatch').count(),
        0,
        'no swatch per value',
      );
      // Against a parameter with so many values: a scatter, one point per trial, on a log axis.
      await waitForAttr(page, '#scatter-chart', 'data-points', '30');
      assert.equal(await attr(page, '#scatter-chart', 'data-scale'), 'logarithmic');
      assert.ok(await page.locator('#parameter-chart').isHidden());
      assert.match(await page.getByTestId('colour-bar').innerText(), /^l2:\s*1e-6\b|^l2:\s*1\.00e-6/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await stop(server);
    }
  });

  it('draws hundreds of random trials: hover reads a background curve, the contour shows the best', async () => {
    const path = join(makeTempDir('dash-random'), 'embsweep.db');
    fillLargeSweep(path, 'random', { trials: 300, epochs: 20 });
    const server = spawnCli(['dashboard', '--db', path, '--port', '0'], makeTempDir('dash-random-cwd'));
    await server.waitFor(/dashboard: http/);
    const base = dashboardUrl(server.stderr());
    const trials = (await (
      await fetch(`${base}api/sweeps/random/trials?limit=all`)
    ).json()) as TrialsResponse;
    const curves = (await (await fetch(`${base}api/sweeps/random/curves`)).json()) as CurvesResponse;
    const { page, errors } = await openPage();
    try {
      await page.goto(`${base}sweeps/random?cx=embedding_dim&cy=l2`);
      await waitForAttr(page, '#curves-chart', 'data-series', '300');
      // So many curves are drawn faint, so that where they run together their density shows.
      assert.equal(await attr(page, '#curves-chart', 'data-alpha'), (8 / Math.sqrt(300)).toFixed(2));
      // Sweep the pointer down the middle of the chart until it is over a curve; the readout
      // names a trial and its value at an epoch, which must be that trial's recorded value.
      const box = (await page.locator('#curves-chart').boundingBox())!;
      let text = '';
      for (let i = 0; i < 80 && !text.startsWith('Trial'); i++) {
        await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.05 + (0.9 * i) / 80));
        text = (await page.getByTestId('hover-info').textContent()) ?? '';
      }
      const read = /^Trial #(\d+) .* val_loss at epoch (\d+): ([\d.e-]+)$/.exec(text);
      assert.ok(read, `the readout names a trial and a value: ${text}`);
      const trial = trials.trials.find((t) => t.index + 1 === Number(read[1]));
      const series = curves.series.find((c) => c.trialId === trial?.id);
      const recorded = series?.values[series.steps.indexOf(Number(read[2]))];
      assert.ok(
        Math.abs(Number(read[3]) - (recorded ?? NaN)) <= 1e-3 * Math.abs(recorded ?? 1),
        `readout ${read[3]}, recorded ${recorded}`,
      );
      // The contour of val_loss over embedding_dim and l2: every completed trial, the best starred.
      const best = trials.trials.reduce((a, b) =>
        (b.bestValue ?? Infinity) < (a.bestValue ?? Infinity) ? b : a,
      );
      await waitForAttr(page, '#contour-chart', 'data-points', '300');
      assert.equal(await attr(page, '#contour-chart', 'data-x'), 'embedding_dim');
      assert.equal(await attr(page, '#contour-chart', 'data-y'), 'l2');
      assert.ok(Math.abs(Number(await attr(page, '#contour-chart', 'data-best')) - best.bestValue!) < 1e-3);
      const [dim] = (await attr(page, '#contour-chart', 'data-best-at'))!.split(',');
      assert.equal(Number(dim), best.params['embedding_dim']);
      // The field never promises better than the best trial.
      const [low] = (await attr(page, '#contour-chart', 'data-range'))!.split(',').map(Number);
      assert.ok(low! >= best.bestValue! - 1e-3, `field low ${low}, best ${best.bestValue}`);
      await page.selectOption('select[name=cy]', 'dropout');
      await page.waitForURL(/cy=dropout/);
      await waitForAttr(page, '#contour-chart', 'data-y', 'dropout');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await stop(server);
    }
  });

  it('compares sweeps: their best so far against trial number and their best curves, overlaid', async () => {
    const path = join(makeTempDir('dash-compare'), 'embsweep.db');
    fillLargeSweep(path, 'wide', { trials: 40, epochs: 10 });
    fillLargeSweep(path, 'narrow', { trials: 25, epochs: 10 });
    const server = spawnCli(['dashboard', '--db', path, '--port', '0'], makeTempDir('dash-compare-cwd'));
    await server.waitFor(/dashboard: http/);
    const base = dashboardUrl(server.stderr());
    const { sweeps } = (await (await fetch(`${base}api/sweeps`)).json()) as SweepsResponse;
    const { page, errors } = await openPage();
    try {
      await page.goto(base);
      await page.check('input[name=compare][value=wide]');
      await page.check('input[name=compare][value=narrow]');
      await page.click('a:text("Compare 2 sweeps")');
      await page.waitForURL(/\/compare\?sweeps=wide,narrow$/);
      await waitForAttr(page, '#compare-history', 'data-series', '2');
      // The running best ends at each sweep's best value.
      const ends = JSON.parse((await attr(page, '#compare-history', 'data-ends'))!) as number[];
      assert.deepEqual(
        ends,
        ['wide', 'narrow'].map((name) => sweeps.find((s) => s.name === name)?.bestValue),
      );
      // Each sweep's best trial's curve, to its last epoch.
      await waitForAttr(page, '#compare-curves', 'data-series', '2');
      const lastOfBest = async (name: string) => {
        const { trials } = (await (
          await fetch(`${base}api/sweeps/${name}/trials?top=1`)
        ).json()) as TrialsResponse;
        const curves = (await (
          await fetch(`${base}api/sweeps/${name}/curves?trials=${trials[0]?.id}`)
        ).json()) as CurvesResponse;
        return curves.series[0]?.values.at(-1);
      };
      assert.deepEqual(JSON.parse((await attr(page, '#compare-curves', 'data-ends'))!), [
        await lastOfBest('wide'),
        await lastOfBest('narrow'),
      ]);
      assert.match(await page.getByTestId('compare-notes').innerText(), /wide · random · 40 completed/);
      await page.reload();
      await waitForAttr(page, '#compare-history', 'data-series', '2');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await stop(server);
    }
  });

  it('says so when there are no sweeps yet, and names a page that does not exist', async () => {
    const dir = makeTempDir('empty');
    SqliteStore.open(join(dir, 'embsweep.db')).close();
    const server = spawnCli(['dashboard', '--port', '0'], dir);
    await server.waitFor(/dashboard: http/);
    const base = dashboardUrl(server.stderr());
    const { page, errors } = await openPage();
    try {
      await page.goto(base);
      assert.match(await page.locator('.status.empty').innerText(), /No sweeps yet[\s\S]*embsweep run/);
      await page.goto(`${base}sweeps/x/trials/abc`);
      assert.match(await page.locator('.status.empty').innerText(), /No such page/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await stop(server);
    }
  });

  it('shows new epochs of a running sweep without a reload (embsweep run --dashboard)', async () => {
    const dir = makeTempDir('live');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'live.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'live',
        method: 'grid',
        dataset: { source: 'synthetic', samples: 400, length: 20, vocabulary: 200 },
        parameters: {
          embedding_dim: { values: [4, 8] },
          epochs: { value: 25 },
          batch_size: { value: 8 },
          vocab_size: { value: 200 },
          max_length: { value: 20 },
        },
        execution: { backend: 'wasm', concurrency: 1 },
      }),
    );
    const run = spawnCli(['run', file, '--dashboard', '--port', '0'], dir);
    await run.waitFor(/dashboard: http/);
    const base = dashboardUrl(run.stderr());
    const { page, errors } = await openPage();
    const curveRequests: URL[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/curves?')) curveRequests.push(new URL(r.url()));
    });
    try {
      await page.goto(`${base}sweeps/live`);
      await page.locator('[data-testid=sweep-status]').waitFor();
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      const points = async () => Number((await attr(page, '#curves-chart', 'data-points')) ?? 0);
      await page.waitForFunction(
        () => Number(document.querySelector('#curves-chart')?.getAttribute('data-points')) > 0,
        undefined,
        { timeout: 60_000 },
      );
      const seen = await points();
      await page.waitForFunction(
        (n) => Number(document.querySelector('#curves-chart')?.getAttribute('data-points')) > n,
        seen,
        { timeout: 30_000 },
      );
      assert.equal(
        await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
        true,
        'no reload',
      );
      assert.match(await page.locator('tbody').innerText(), /running/);
      // Live updates read only the curves of trials that changed (one runs at a time), not all again.
      assert.equal(curveRequests[0]?.searchParams.get('trials'), null, 'the first read is of every trial');
      const updates = curveRequests.slice(1);
      assert.ok(updates.length > 0, 'the chart was updated live');
      for (const url of updates) {
        const ids = url.searchParams.get('trials')?.split(',') ?? [];
        assert.ok(ids.length >= 1 && ids.length <= 2, `an update asked for ${url.search}`);
      }
      // The sweep ends; the dashboard goes on serving until Ctrl-C, which then ends it normally.
      await run.waitFor(/still serving; Ctrl-C to stop/, 120_000);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await stop(run);
    }
  });
});
