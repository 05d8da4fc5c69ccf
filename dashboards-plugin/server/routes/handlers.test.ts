import { describe, expect, it } from 'vitest';
import { backendError, fakeTransport } from '../../test/fake_transport';
import { detectorResults, evidence, listDetectors, setClassLabels, templateTimeline } from './handlers';

const B = '/_plugins/_aiops';
const metricDetector = {
  name: 'cpu',
  type: 'metric_knn',
  source: { indices: ['metrics'], time_field: '@timestamp', fields: ['cpu'], entity_fields: ['host'] },
};

describe('listDetectors', () => {
  it('joins detectors, their profiles and anomaly counts of the last 24 h', async () => {
    const now = 1_700_000_000_000;
    const { transport, calls } = fakeTransport({
      [`POST ${B}/detectors/_search`]: () => ({
        hits: { hits: [{ _id: 'b', _source: { ...metricDetector, name: 'zeta' } }, { _id: 'a', _source: { name: 'alpha', type: 'log_sequence', source: {} } }] },
      }),
      [`GET ${B}/detectors/b/_profile`]: () => ({ state: 'running', last_run: { time: now - 1000 } }),
      [`GET ${B}/detectors/a/_profile`]: () => {
        throw backendError(500, 'boom');
      },
      [`POST ${B}/detectors/results/_search`]: () => ({ aggregations: { by_detector: { buckets: [{ key: 'b', doc_count: 7 }] } } }),
    });
    const { detectors } = await listDetectors(transport, now);
    expect(detectors.map((d) => [d.name, d.family, d.state, d.anomalies24h])).toEqual([
      ['alpha', 'log', 'unknown', 0],
      ['zeta', 'metric', 'running', 7],
    ]);
    expect(detectors[0].error).toBe('boom');
    expect(detectors[1].lastRun).toBe(now - 1000);
    const counts = calls.find((c) => c.path.endsWith('results/_search'))!.body as any;
    expect(counts.detector_ids).toEqual(['b', 'a']);
    expect(counts.query.bool.filter).toContainEqual({ range: { data_end_time: { gte: now - 86_400_000, format: 'epoch_millis' } } });
    expect(counts.query.bool.filter).toContainEqual({ term: { is_anomaly: true } });
  });

  it('is empty when the detector index does not exist yet', async () => {
    const { transport } = fakeTransport({
      [`POST ${B}/detectors/_search`]: () => {
        throw backendError(404, 'no such index [.plugins-aiops-detectors]');
      },
    });
    expect((await listDetectors(transport)).detectors).toEqual([]);
  });
});

describe('detectorResults', () => {
  it('asks one search for series, anomalies, entities and classes and maps the answer', async () => {
    const { transport, calls } = fakeTransport({
      [`POST ${B}/detectors/results/_search`]: () => ({
        hits: { total: { value: 42 } },
        aggregations: {
          over_time: { buckets: [{ key: 1000, score: { value: 0.2 } }, { key: 2000, score: { value: null } }] },
          threshold: { value: 0.7 },
          anomalies: { top: { hits: { hits: [{ _id: 'r1', _source: { detector_id: 'd', data_start_time: '1970-01-01T00:00:01.500Z', data_end_time: 2500, score: 0.9, is_anomaly: true, class: 'c1' } }] } } },
          entities: { buckets: [{ key: 'host=a', doc_count: 10, anomalies: { doc_count: 1 } }] },
          classes: { buckets: [{ key: 'c1', doc_count: 5, anomalies: { doc_count: 1 }, examples: { hits: { hits: [{ _id: 'r1', _source: { sequence: ['abcdef0123', 'feedbeef99', 'GET /'] } }] } } }] },
        },
      }),
      [`GET ${B}/templates/abcdef0123`]: () => ({ id: 'abcdef0123', template: 'login <*>' }),
      [`GET ${B}/templates/feedbeef99`]: () => {
        throw backendError(404, 'template [feedbeef99] not found');
      },
    });
    const view = await detectorResults(transport, 'd', { from: 0, to: 3_600_000, entityKey: 'host=a' });
    expect(view.total).toBe(42);
    expect(view.threshold).toBe(0.7);
    expect(view.series).toEqual([{ time: 1000, score: 0.2 }]);
    expect(view.anomalies[0]).toMatchObject({ id: 'r1', data_start_time: 1500, data_end_time: 2500, is_anomaly: true, class: 'c1' });
    expect(view.entities).toEqual([{ key: 'host=a', count: 10, anomalies: 1 }]);
    expect(view.classes[0]).toMatchObject({ key: 'c1', count: 5, anomalies: 1 });
    expect(view.classes[0].examples[0].sequence).toEqual(['abcdef0123', 'feedbeef99', 'GET /']);
    expect(view.sequence_labels).toEqual({ abcdef0123: 'login <*>' });
    const body = calls[0].body as any;
    expect(body.detector_ids).toEqual(['d']);
    expect(body.query.bool.filter).toContainEqual({ term: { entity_key: 'host=a' } });
    expect(body.aggs.over_time.date_histogram.fixed_interval).toBe(`${view.interval_ms}ms`);
    expect(view.interval_ms).toBeGreaterThanOrEqual(3_600_000 / 300);
  });

  it('is an empty view when no result index exists yet', async () => {
    const { transport } = fakeTransport({
      [`POST ${B}/detectors/results/_search`]: () => {
        throw backendError(404, 'no such index [aiops-results]');
      },
    });
    const view = await detectorResults(transport, 'd', { from: 0, to: 1000 });
    expect(view).toMatchObject({ total: 0, series: [], anomalies: [], classes: [], threshold: null });
  });
});

describe('evidence', () => {
  it('fetches metric points around the window for the result entity', async () => {
    const { transport, calls } = fakeTransport({
      [`POST ${B}/detectors/results/_search`]: () => ({
        hits: { hits: [{ _id: 'r', _source: { detector_id: 'd', entity: { host: 'web-2' }, data_start_time: 600_000, data_end_time: 660_000, score: 0.9, is_anomaly: true } }] },
      }),
      [`GET ${B}/detectors/d`]: () => ({ _id: 'd', detector: metricDetector }),
      ['POST /metrics/_search']: () => ({ hits: { total: { value: 1 }, hits: [{ _id: 'm1', _index: 'metrics', _source: { '@timestamp': 600_000, host: 'web-2', cpu: 97 } }] } }),
    });
    const ev = await evidence(transport, 'd', 'r');
    expect(ev.kind).toBe('points');
    expect(ev.fields).toEqual(['cpu']);
    const q = (calls[2].body as any).query.bool.filter;
    expect(q).toContainEqual({ match_phrase: { host: 'web-2' } });
    expect(q[0].range['@timestamp']).toMatchObject({ gte: 0, lte: 1_260_000 });
    expect(ev.discover).toMatchObject({ indices: ['metrics'], kql: 'host:"web-2"' });
  });

  it('fetches documents by id and recognises spans and log lines', async () => {
    for (const [doc, kind] of [
      [{ traceID: 't', spanID: 's', operationName: 'GET /' }, 'spans'],
      [{ message: 'ERROR x' }, 'logs'],
    ] as const) {
      const { transport, calls } = fakeTransport({
        [`POST ${B}/detectors/results/_search`]: () => ({
          hits: { hits: [{ _id: 'r', _source: { data_start_time: 0, data_end_time: 1000, score: 1, is_anomaly: true, source: { indices: ['src'], doc_ids: ['x1', 'x2'] } } }] },
        }),
        [`GET ${B}/detectors/d`]: () => ({ _id: 'd', detector: { name: 'n', type: 'trace_graph', source: { indices: ['other'] } } }),
        ['POST /src/_search']: () => ({ hits: { total: { value: 1 }, hits: [{ _id: 'x1', _index: 'src', _source: doc }] } }),
      });
      const ev = await evidence(transport, 'd', 'r');
      expect(ev.kind).toBe(kind);
      expect((calls[2].body as any).query).toEqual({ ids: { values: ['x1', 'x2'] } });
      expect(ev.discover.kql).toBe('_id:("x1" or "x2")');
    }
  });

  it('is a 404 naming the result when it does not exist', async () => {
    const { transport } = fakeTransport({ [`POST ${B}/detectors/results/_search`]: () => ({ hits: { hits: [] } }) });
    await expect(evidence(transport, 'd', 'nope')).rejects.toMatchObject({ statusCode: 404, message: 'result [nope] of detector [d] not found' });
  });
});

describe('setClassLabels', () => {
  it('merges labels into the detector and drops emptied ones', async () => {
    const { transport, calls } = fakeTransport({
      [`GET ${B}/detectors/d`]: () => ({ _id: 'd', detector: { ...metricDetector, class_labels: { c0: 'old', c1: 'keep' } } }),
      [`PUT ${B}/detectors/d`]: () => ({}),
    });
    const out = await setClassLabels(transport, 'd', { c0: '', c2: 'new' });
    expect(out.class_labels).toEqual({ c1: 'keep', c2: 'new' });
    expect((calls[1].body as any).class_labels).toEqual({ c1: 'keep', c2: 'new' });
    expect((calls[1].body as any).name).toBe('cpu');
  });
});

describe('templateTimeline', () => {
  it('counts templates first seen per bucket inside the range', async () => {
    const { transport, calls } = fakeTransport({
      [`GET ${B}/templates`]: () => ({
        templates: [
          { id: '3', first_seen: '2025-01-01T02:10:00Z' },
          { id: '2', first_seen: '2025-01-01T01:02:00Z' },
          { id: '1', first_seen: '2025-01-01T01:00:00Z' },
          { id: '0', first_seen: '2024-12-01T00:00:00Z' },
        ],
      }),
    });
    const tl = await templateTimeline(transport, { from: Date.parse('2025-01-01T00:00:00Z'), to: Date.parse('2025-01-01T03:00:00Z') });
    expect(calls[0].querystring).toMatchObject({ sort: 'first_seen', size: 1000 });
    expect(tl.buckets.map((b) => b.count)).toEqual([2, 1]);
    expect(tl.newest.map((t) => t.id)).toEqual(['3', '2', '1']);
  });
});
