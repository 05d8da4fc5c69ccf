import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTransport } from '../../standalone/node_transport';
import {
  detectorResults,
  evidence,
  familyOf,
  getDetector,
  listDetectors,
  listTemplates,
  setClassLabels,
  templateOccurrences,
  templateTimeline,
} from './handlers';

/**
 * The route handlers against the real node at AIOPS_URL, seeded by standalone/seed.mjs (scripts/test.sh runs
 * both): every backend answer they translate is the plugin's own. Run with `vitest run --config vitest.node.config.mts`.
 */
const url = process.env.AIOPS_URL;
if (!url) throw new Error('AIOPS_URL is required: these tests run against a node with the aiops plugin (scripts/test.sh seeds it)');
const client = nodeTransport(url);
const seed = JSON.parse(readFileSync(process.env.SEED_OUT ?? 'target/e2e/seed.json', 'utf8'));
const demo = seed.detectors[0] as { id: string; name: string; step_ms: number; window: number };
const range = { from: seed.from as number, to: seed.to as number };

describe('detectors', () => {
  it('lists the demo detector with its state, last run and anomalies of the last 24 h', async () => {
    const { detectors } = await listDetectors(client);
    const d = detectors.find((x) => x.id === demo.id)!;
    expect(d).toMatchObject({ name: demo.name, type: 'metric_knn', family: 'metric', state: 'trained', error: null, progress: null });
    expect(d.lastRun).toBeGreaterThan(seed.to - 3_600_000);
    expect(d.anomalies24h).toBeGreaterThan(0);
  });

  it('gets the detector and its profile', async () => {
    const d = await getDetector(client, demo.id);
    expect(d.detector.source).toMatchObject({ indices: ['aiops-demo-metrics'], fields: ['cpu', 'mem'], entity_fields: ['host'] });
    expect(d.profile).toMatchObject({ state: 'trained', step_ms: demo.step_ms, model: { entities: 3, window: demo.window } });
    expect(d.profile.training?.progress).toBe(100);
  });

  it('names families by type prefix', () => {
    expect([familyOf('metric_knn'), familyOf('log_sequence'), familyOf('trace_graph'), familyOf('other'), familyOf(undefined)]).toEqual([
      'metric',
      'log',
      'trace',
      'other',
      'other',
    ]);
  });
});

describe('detectorResults', () => {
  it('places results at their scored point and finds the injected anomaly on top', async () => {
    const view = await detectorResults(client, demo.id, range);
    expect(view.total).toBeGreaterThan(1000);
    expect(view.series.length).toBeGreaterThan(100);
    expect(view.threshold).toBeGreaterThan(0);
    expect(view.entities.map((e) => e.key).sort()).toEqual(['host=web-1', 'host=web-2', 'host=web-3']);
    expect(view.classes).toEqual([]);
    const top = view.anomalies[0];
    expect(top).toMatchObject({ entity_key: `host=${seed.injected_host}`, entity: { host: seed.injected_host }, is_anomaly: true, detector_type: 'metric_knn' });
    // one alarm per episode, at its peak: the alarm's window holds the injected time
    expect(top.data_end_time).toBeGreaterThanOrEqual(seed.injected_time);
    expect(top.data_end_time - seed.injected_time).toBeLessThanOrEqual((demo.window - 1) * demo.step_ms);
    expect(top.data_end_time - top.data_start_time).toBe((demo.window - 1) * demo.step_ms);
    expect(top.contributions?.map((c) => c.field).sort()).toEqual(['cpu', 'mem']);
    const scores = view.anomalies.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const a of view.anomalies) expect(a.data_end_time).toBeGreaterThanOrEqual(range.from);
  });

  it('keeps one entity when asked', async () => {
    const view = await detectorResults(client, demo.id, { ...range, entityKey: 'host=web-1' });
    expect(view.entities.map((e) => e.key)).toEqual(['host=web-1']);
    expect(view.anomalies.every((a) => a.entity_key === 'host=web-1')).toBe(true);
    expect(view.series.length).toBeGreaterThan(100);
  });

  it('is empty for a range without results', async () => {
    const view = await detectorResults(client, demo.id, { from: range.from - 7 * 86_400_000, to: range.from - 6 * 86_400_000 });
    expect(view).toMatchObject({ total: 0, series: [], anomalies: [], classes: [], threshold: null });
  });
});

describe('evidence', () => {
  let top: Awaited<ReturnType<typeof detectorResults>>['anomalies'][number];
  beforeAll(async () => {
    top = (await detectorResults(client, demo.id, range)).anomalies[0];
  });

  it('fetches the entity points around the window, the scored point named by the result', async () => {
    const ev = await evidence(client, demo.id, top.id);
    expect(ev.kind).toBe('points');
    expect(ev.fields).toEqual(['cpu', 'mem']);
    expect(ev.window).toEqual({ from: top.data_start_time, to: top.data_end_time });
    expect(ev.documents.every((d) => d._source.host === seed.injected_host)).toBe(true);
    const inWindow = ev.documents.filter((d) => (d._source['@timestamp'] as number) >= ev.window.from && (d._source['@timestamp'] as number) <= ev.window.to);
    expect(inWindow.length).toBe(demo.window);
    expect(ev.highlight).toHaveLength(1);
    const scored = ev.documents.find((d) => d._id === ev.highlight[0])!;
    expect(scored._source['@timestamp']).toBe(top.data_end_time);
    expect(ev.discover).toMatchObject({ indices: ['aiops-demo-metrics'], timeField: '@timestamp', kql: `host:"${seed.injected_host}"` });
  });

  it('is a 404 naming the result when it does not exist', async () => {
    await expect(evidence(client, demo.id, 'nope')).rejects.toMatchObject({ statusCode: 404, message: `result [nope] of detector [${demo.id}] not found` });
  });
});

describe('setClassLabels', () => {
  it('merges labels into the stored detector and drops emptied ones', async () => {
    expect(await setClassLabels(client, demo.id, { c0: 'spike', c1: 'keep' })).toEqual({ class_labels: { c0: 'spike', c1: 'keep' } });
    expect(await setClassLabels(client, demo.id, { c0: '' })).toEqual({ class_labels: { c1: 'keep' } });
    expect((await getDetector(client, demo.id)).detector.class_labels).toEqual({ c1: 'keep' });
    await setClassLabels(client, demo.id, { c1: '' });
    const after = await getDetector(client, demo.id);
    expect(after.detector.class_labels).toBeUndefined();
    expect(after.profile.state).toBe('trained');
  });
});

describe('templates', () => {
  it('lists the templates of the demo logs', async () => {
    const { templates } = await listTemplates(client, { namespace: 'payment', size: 10, from: 0, sort: 'count' });
    expect(templates.map((t) => t.template)).toContain('charged order <NUM> amount <NUM> in <NUM> ms');
    expect(templates.some((t) => t.template.startsWith('ERROR connection refused to db'))).toBe(true);
  });

  it('counts templates first seen over time', async () => {
    const tl = await templateTimeline(client, { from: Date.now() - 86_400_000, to: Date.now() });
    expect(tl.buckets.reduce((n, b) => n + b.count, 0)).toBeGreaterThanOrEqual(4);
    expect(tl.newest.length).toBeGreaterThan(0);
  });

  it('counts lines per top template over time, the error burst at the injected time', async () => {
    const occ = await templateOccurrences(client, { indices: ['aiops-demo-logs'], timeField: '@timestamp', ...range, size: 10 });
    const error = occ.series.find((s) => s.template?.startsWith('ERROR connection refused to db'))!;
    expect(error).toBeDefined();
    const lines = error.points.reduce((n, p) => n + p.count, 0);
    expect(lines).toBe(15);
    for (const p of error.points) expect(p.time).toBeGreaterThanOrEqual(seed.injected_time - occ.interval_ms);
  });
});
