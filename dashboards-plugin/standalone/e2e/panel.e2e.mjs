#!/usr/bin/env node
// Browser test of the panel: the standalone page (the same components OSD mounts) served with the same
// route handlers, against the real node at AIOPS_URL seeded by standalone/seed.mjs (real metric_knn detector,
// trained and run). Debian's Chromium, headless, through playwright-core. Screenshots go to target/e2e/.
// Every test runs; any failure fails the run. Classes of classifying detectors are not exercised here until the
// backend has a classifying detector type (their components have unit tests).
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, selectors } from 'playwright-core';
import { startServer } from '../../target/standalone/server/server.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const OUT = join(ROOT, 'target/e2e');
const seed = JSON.parse(readFileSync(process.env.SEED_OUT ?? join(OUT, 'seed.json'), 'utf8'));
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(join(OUT, f));

const AIOPS_URL = (process.env.AIOPS_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');
const server = await startServer({
  url: AIOPS_URL,
  port: 0,
  staticDir: join(ROOT, 'target/standalone/public'),
});
const base = `http://127.0.0.1:${server.address().port}/`;
const browserProfile = join(tmpdir(), `aiops-e2e-${process.pid}`);
const browser = await chromium.launchPersistentContext(browserProfile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
selectors.setTestIdAttribute('data-test-subj');
const page = browser.pages()[0] ?? (await browser.newPage());
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.setDefaultTimeout(20_000);

const results = { passed: 0, failed: 0 };
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`PASS ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.failed++;
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
    await page.screenshot({ path: join(OUT, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}
const shot = (name) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
const metric = seed.detectors.find((d) => d.family === 'metric');
if (!metric) throw new Error(`the seed wrote no metric detector: ${JSON.stringify(seed)}`);
// The detector page's range: the seeded hours (its default, the last 24 h, would also hold them).
const detectorUrl = `${base}#/detectors/${encodeURIComponent(metric.id)}`;
const detectorProfile = async (id) => (await fetch(`${AIOPS_URL}/_plugins/_aiops/detectors/${encodeURIComponent(id)}/_profile`)).json();
// An alarm comes once per episode, at its peak: its window (ending at t, `window` points long) holds the injected time.
const near = (t) => t >= seed.injected_time && t <= seed.injected_time + (metric.window - 1) * metric.step_ms;

await test('templates page lists templates and charts them', async () => {
  await page.goto(`${base}#/templates`);
  await page.getByTestId('templateRow').first().waitFor();
  const rows = await page.getByTestId('templateRow').count();
  expect(rows >= 3, `expected at least 3 template rows, got ${rows}`);
  await page.getByText('ERROR connection refused to db', { exact: false }).first().waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-test-subj="topTemplatesChart"]')?.getAttribute('data-series')) > 0);
  await page.waitForFunction(() => Number(document.querySelector('[data-test-subj="newTemplatesChart"]')?.getAttribute('data-buckets')) > 0);
  await page.waitForTimeout(500); // charts render on the next animation frames
  await shot('templates');
});

await test('detectors page shows the demo detector, trained, with its anomalies of the last 24 h', async () => {
  await page.goto(`${base}#/detectors`);
  const row = page.getByTestId(`detectorRow-${metric.name}`);
  await row.waitFor();
  const text = await row.innerText();
  expect(/metric_knn/.test(text), `row shows the type: ${text}`);
  expect((await row.getByTestId('detectorState').getAttribute('data-state')) === 'trained', `row shows the state trained: ${text}`);
  expect(/\b[1-9]\d*\b/.test(text.split('\n').slice(-3).join(' ')), `row shows a non-zero anomaly count: ${text}`);
  await shot('detectors');
});

await test('detector page: score chart with a marker at the injected time, table row, evidence', async () => {
  await page.goto(`${base}#/detectors`);
  await page.getByTestId(`detectorLink-${metric.name}`).click();
  await page.getByTestId('detectorName').waitFor();
  await page.getByTestId('scoreChart').waitFor();
  const marker = page.locator(`[data-test-subj="anomalyMarker"]`);
  await marker.first().waitFor();
  const times = await marker.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-time'))));
  expect(times.some(near), `a marker whose window holds ${new Date(seed.injected_time).toISOString()}: ${times.map((t) => new Date(t).toISOString())}`);
  // The marker sits where the injected time is on the x axis (chart spans [from, to] of the view).
  const chartBox = await page.locator('[data-test-subj="scoreChart"] canvas').first().boundingBox();
  const markerBox = await marker.first().boundingBox();
  expect(chartBox && markerBox, 'chart and marker are laid out');
  const chart = page.getByTestId('scoreChart');
  const [from, to] = [Number(await chart.getAttribute('data-from')), Number(await chart.getAttribute('data-to'))];
  const nearest = times.reduce((a, t) => (Math.abs(t - seed.injected_time) < Math.abs(a - seed.injected_time) ? t : a));
  const markerIndex = times.indexOf(nearest);
  const box = await marker.nth(markerIndex).boundingBox();
  const expectedX = chartBox.x + ((seed.injected_time - from) / (to - from)) * chartBox.width;
  const dx = Math.abs(box.x + box.width / 2 - expectedX);
  // The canvas also holds the y axis, so allow a few percent of its width.
  expect(dx < 0.06 * chartBox.width, `marker at x=${box.x + box.width / 2}, injected time maps to x=${expectedX} (off by ${dx} px)`);
  const rows = page.getByTestId('anomalyRow');
  await rows.first().waitFor();
  const rowTimes = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-time'))));
  expect(rowTimes.some(near), `a top-anomaly row at the injected time: ${rowTimes}`);
  const rowText = await rows.first().innerText();
  expect(rowText.includes(seed.injected_host), `top anomaly is on ${seed.injected_host}: ${rowText}`);
  await page.waitForTimeout(500);
  await shot('detector');
  await rows.first().click();
  const flyout = page.getByTestId('evidenceFlyout');
  await flyout.waitFor();
  await page.getByTestId('evidenceSummary').waitFor();
  const points = page.getByTestId('evidencePoints');
  await points.waitFor();
  const n = Number(await points.getAttribute('data-points'));
  expect(n > 5 * metric.window, `evidence has the points around the anomaly, got ${n}`);
  const inWindow = Number(await points.getAttribute('data-window-points'));
  expect(inWindow === metric.window, `the window's ${metric.window} points are listed, got ${inWindow}`);
  expect((await page.getByTestId('scoredPoint').count()) === 1, 'the scored point is marked');
  const href = await page.getByTestId('discoverLink').getAttribute('href');
  expect(href.includes('/app/data-explorer/discover') && href.includes('host'), `Discover link: ${href}`);
  await page.waitForTimeout(500);
  await shot('evidence-metric');
  await page.keyboard.press('Escape');
});

await test('detector page: entity filter keeps only that entity', async () => {
  await page.goto(detectorUrl);
  await page.getByTestId('anomalyRow').first().waitFor();
  const other = 'host=web-1';
  await page.getByTestId('entitySelect').selectOption(other);
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-test-subj="anomalyRow"]')].every((r) => !r.textContent.includes('web-2')) ||
      document.querySelector('[data-test-subj="anomaliesTable"]')?.textContent.includes('No anomalies')
  );
  const rows = await page.getByTestId('anomalyRow').allInnerTexts();
  expect(rows.every((r) => r.includes('web-1')), `only web-1 anomalies: ${rows}`);
  const points = Number(await page.getByTestId('scoreChart').getAttribute('data-points'));
  expect(points > 0, `the chart has web-1's scores, got ${points} points`);
});

await test('detector page: start runs the detector (its job), stop stops it', async () => {
  await page.goto(detectorUrl);
  const state = page.getByTestId('detectorState');
  await state.waitFor();
  expect((await state.getAttribute('data-state')) === 'trained', `starts from trained, got ${await state.getAttribute('data-state')}`);
  await page.getByTestId('detectorToggle').click();
  await page.waitForFunction(() => document.querySelector('[data-test-subj="detectorState"]')?.getAttribute('data-state') === 'running');
  const started = await detectorProfile(metric.id);
  expect(started.state === 'running' && started.job?.enabled === true, `backend runs the detector's job: ${JSON.stringify(started.job)}`);
  await shot('detector-running');
  await page.getByTestId('detectorToggle').click();
  await page.waitForFunction(() => document.querySelector('[data-test-subj="detectorState"]')?.getAttribute('data-state') === 'stopped');
  const stopped = await detectorProfile(metric.id);
  expect(stopped.state === 'stopped' && stopped.job?.enabled === false, `backend stopped the job: ${JSON.stringify(stopped.job)}`);
});

if (pageErrors.length) {
  results.failed++;
  console.log(`FAIL no uncaught page errors: ${pageErrors.join(' | ')}`);
}
await browser.close();
server.close();
rmSync(browserProfile, { recursive: true, force: true });
console.log(`screenshots: ${OUT}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
