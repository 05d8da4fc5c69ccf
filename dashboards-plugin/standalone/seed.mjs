#!/usr/bin/env node
// Demo data for the panel, written through the REST API of the node at AIOPS_URL:
//  - log lines through a log_template pipeline (aiops-demo-logs), with an error burst at the injected time;
//  - host metrics (aiops-demo-metrics: cpu, mem per host, 1 point a minute for 6 h) with a spike on web-2;
//  - a metric_knn detector over them, trained before the spike and run over the whole range, when the node
//    has the detector API; with AIOPS_CONTRACT_STUB=1 and no detector API, the detectors and their results
//    are written into the stub's indices instead (a metric detector and a classifying log detector).
// Prints and writes (SEED_OUT, default target/e2e/seed.json) what the browser test expects to find.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const URL_ = (process.env.AIOPS_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');
const OUT = process.env.SEED_OUT ?? 'target/e2e/seed.json';
const STUB = process.env.AIOPS_CONTRACT_STUB === '1';
const MIN = 60_000;
const HOSTS = ['web-1', 'web-2', 'web-3'];
const METRICS = 'aiops-demo-metrics';
const LOGS = 'aiops-demo-logs';
const now = Math.floor(Date.now() / MIN) * MIN;
const start = now - 6 * 60 * MIN;
const trainEnd = now - 150 * MIN;
const injected = now - 90 * MIN;
const INJECTED_HOST = 'web-2';

async function call(method, path, body, { ok404 = false, ndjson = false } = {}) {
  const res = await fetch(`${URL_}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': ndjson ? 'application/x-ndjson' : 'application/json' },
    body: body === undefined ? undefined : ndjson ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok && !(ok404 && res.status === 404)) throw Object.assign(new Error(`${method} ${path}: ${res.status} ${text.slice(0, 400)}`), { status: res.status, json });
  return json;
}

async function bulk(index, docs, pipeline) {
  for (let i = 0; i < docs.length; i += 2000) {
    const lines = docs.slice(i, i + 2000).flatMap(({ _id, ...d }) => [JSON.stringify({ index: { _index: index, ...(_id ? { _id } : {}) } }), JSON.stringify(d)]);
    const r = await call('POST', `/_bulk?refresh=true${pipeline ? `&pipeline=${pipeline}` : ''}`, lines.join('\n') + '\n', { ndjson: true });
    if (r.errors) throw new Error(`bulk into ${index}: ${JSON.stringify(r.items.find((it) => it.index.error).index.error)}`);
  }
}

async function recreate(index, mappings) {
  await call('DELETE', `/${index}`, undefined, { ok404: true });
  await call('PUT', `/${index}`, { settings: { number_of_shards: 1, number_of_replicas: 0 }, mappings });
}

// Deterministic noise, so every run draws the same data.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const noise = (sd) => (rand() + rand() + rand() - 1.5) * sd * 2;

async function seedLogs() {
  await call('PUT', '/_ingest/pipeline/aiops-demo-logs', { processors: [{ log_template: { field: 'message', namespace: 'service' } }] });
  await recreate(LOGS, {
    properties: {
      '@timestamp': { type: 'date' },
      service: { type: 'keyword' },
      message: { type: 'text' },
      log_template: {
        properties: { id: { type: 'keyword' }, template: { type: 'keyword', ignore_above: 2048 }, parameters: { type: 'keyword', ignore_above: 256 }, change: { type: 'keyword' }, namespace: { type: 'keyword' } },
      },
    },
  });
  const users = ['alice', 'bob', 'carol', 'dave'];
  const docs = [];
  let n = 0;
  for (let t = start; t < now; t += MIN) {
    const u = users[n % users.length];
    docs.push({ _id: `log-${n++}`, '@timestamp': t, service: 'auth', message: `Accepted password for ${u} from 10.0.${n % 7}.${n % 200} port ${2000 + (n % 50)} ssh2` });
    if (t % (5 * MIN) === 0) docs.push({ _id: `log-${n++}`, '@timestamp': t + 1000, service: 'auth', message: `session opened for user ${u} by uid=${1000 + (n % 9)}` });
    docs.push({ _id: `log-${n++}`, '@timestamp': t + 2000, service: 'payment', message: `charged order ${100000 + n} amount ${(n % 97) + 0.99} in ${20 + (n % 30)} ms` });
    if (t >= injected && t < injected + 3 * MIN) {
      for (let k = 0; k < 5; k++) docs.push({ _id: `log-${n++}`, '@timestamp': t + 3000 + k * 100, service: 'payment', message: `ERROR connection refused to db 10.1.0.${k + 5}:5432 after ${k + 1} retries` });
    }
  }
  await bulk(LOGS, docs, 'aiops-demo-logs');
  await call('POST', '/_plugins/_aiops/templates/_sync').catch(() => undefined);
  return docs.length;
}

function metricDocs() {
  const docs = [];
  for (const [h, host] of HOSTS.entries()) {
    for (let t = start; t < now; t += MIN) {
      const spike = host === INJECTED_HOST && t >= injected && t < injected + 3 * MIN;
      docs.push({
        _id: `${host}-${t}`,
        '@timestamp': t,
        host,
        cpu: spike ? 97 + noise(1) : 30 + 5 * h + 6 * Math.sin(t / (47 * MIN)) + noise(2),
        mem: spike ? 91 + noise(1) : 55 + 2 * h + noise(1.5),
      });
    }
  }
  return docs;
}

async function seedMetrics() {
  await recreate(METRICS, { properties: { '@timestamp': { type: 'date' }, host: { type: 'keyword' }, cpu: { type: 'double' }, mem: { type: 'double' } } });
  const docs = metricDocs();
  await bulk(METRICS, docs);
  return docs;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function detectorApiAvailable() {
  try {
    await call('POST', '/_plugins/_aiops/detectors/_search', { size: 0, query: { match_all: {} } });
    return true;
  } catch (e) {
    if (e.status === 404 && !/no handler/.test(JSON.stringify(e.json))) return true; // API there, no detector index yet
    return false;
  }
}

const METRIC_DETECTOR = {
  name: 'demo-hosts-cpu-mem',
  description: 'kNN over cpu and mem per host (demo data with a spike on web-2)',
  type: 'metric_knn',
  source: { indices: [METRICS], time_field: '@timestamp', fields: ['cpu', 'mem'], entity_fields: ['host'] },
  training: { from: start, to: trainEnd, max_samples: 10000 },
  schedule: { interval: '1m' },
  threshold: { type: 'sigma', value: 3 },
  result_index: 'aiops-results',
};

async function deleteByName(name) {
  const found = await call('POST', '/_plugins/_aiops/detectors/_search', { size: 100, query: { match: { name } } }).catch(() => ({ hits: { hits: [] } }));
  for (const h of found.hits?.hits ?? []) if (h._source?.name === name) await call('DELETE', `/_plugins/_aiops/detectors/${h._id}`, undefined, { ok404: true });
}

async function realDetector() {
  await deleteByName(METRIC_DETECTOR.name);
  const created = await call('POST', '/_plugins/_aiops/detectors', METRIC_DETECTOR);
  const id = created._id;
  await call('POST', `/_plugins/_aiops/detectors/${id}/_train`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const p = await call('GET', `/_plugins/_aiops/detectors/${id}/_profile`);
    if (p.state === 'failed') throw new Error(`training failed: ${p.error}`);
    if (['trained', 'running', 'stopped'].includes(p.state)) break;
    if (Date.now() > deadline) throw new Error(`training did not finish in 180 s (state ${p.state})`);
    await sleep(1000);
  }
  await call('POST', `/_plugins/_aiops/detectors/${id}/_run`, { from: start, to: now });
  // Results are searchable once the run has written and refreshed them.
  for (let i = 0; i < 60; i++) {
    const r = await call('POST', '/_plugins/_aiops/detectors/results/_search', { detector_ids: [id], size: 0, query: { match_all: {} } }, { ok404: true });
    if ((r.hits?.total?.value ?? r.hits?.total ?? 0) > 0) break;
    await sleep(1000);
  }
  return [{ id, name: METRIC_DETECTOR.name, family: 'metric' }];
}

// ---- contract stub: detectors and results written the way the contract describes them ----
const RESULTS_MAPPING = {
  dynamic_templates: [{ strings: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
  properties: {
    detector_id: { type: 'keyword' },
    entity: { type: 'object' },
    entity_key: { type: 'keyword' },
    data_start_time: { type: 'date', format: 'epoch_millis' },
    data_end_time: { type: 'date', format: 'epoch_millis' },
    execution_time: { type: 'date', format: 'epoch_millis' },
    score: { type: 'double' },
    anomaly_grade: { type: 'double' },
    is_anomaly: { type: 'boolean' },
    threshold: { type: 'double' },
    class: { type: 'keyword' },
    contributions: { properties: { field: { type: 'keyword' }, weight: { type: 'double' } } },
    sequence: { type: 'keyword' },
    source: { type: 'object', enabled: false },
  },
};

async function stubDetectors(metrics) {
  await recreate('aiops-stub-detectors', { dynamic_templates: RESULTS_MAPPING.dynamic_templates, properties: { detector: { type: 'object', enabled: false }, state: { type: 'keyword' } } });
  await recreate('aiops-stub-results', RESULTS_MAPPING);
  const metricId = 'demo-hosts-cpu-mem';
  const logId = 'demo-log-sequences';
  await bulk('aiops-stub-detectors', [
    { _id: metricId, detector: METRIC_DETECTOR, state: 'running' },
    {
      _id: logId,
      state: 'stopped',
      detector: {
        name: 'demo-log-sequences',
        description: 'Classifies 10-minute template sequences per service (stubbed results)',
        type: 'log_sequence',
        source: { indices: [LOGS], time_field: '@timestamp', fields: ['log_template.id'], entity_fields: ['service'] },
        schedule: { interval: '10m' },
        threshold: { type: 'sigma', value: 3 },
        class_labels: { c0: 'logins' },
      },
    },
  ]);
  const threshold = 1 - Math.exp(-1); // score of a 4-sigma deviation
  const results = [];
  for (const host of HOSTS) {
    const rows = metrics.filter((d) => d.host === host);
    const train = rows.filter((d) => d['@timestamp'] < trainEnd);
    const stats = ['cpu', 'mem'].map((f) => {
      const mean = train.reduce((s, d) => s + d[f], 0) / train.length;
      const sd = Math.sqrt(train.reduce((s, d) => s + (d[f] - mean) ** 2, 0) / train.length);
      return { f, mean, sd };
    });
    for (const d of rows) {
      const z = stats.map(({ f, mean, sd }) => ({ field: f, z: Math.abs(d[f] - mean) / sd }));
      const zmax = Math.max(...z.map((x) => x.z));
      const sum = z.reduce((s, x) => s + x.z, 0);
      const score = 1 - Math.exp(-zmax / 4);
      const t = d['@timestamp'];
      results.push({
        _id: `${metricId}-${host}-${t}`,
        detector_id: metricId,
        entity: { host },
        entity_key: `host=${host}`,
        data_start_time: t,
        data_end_time: t + MIN,
        execution_time: t + MIN + 5000,
        score,
        anomaly_grade: Math.max(0, (score - threshold) / (1 - threshold)),
        is_anomaly: score > threshold,
        threshold,
        class: null,
        contributions: z.map((x) => ({ field: x.field, weight: x.z / sum })),
        source: { indices: [METRICS] },
      });
    }
  }
  // Log windows: the sequence of templates per service and 10 minutes, classed by their template set.
  const logs = await call('POST', `/${LOGS}/_search`, { size: 10000, sort: [{ '@timestamp': 'asc' }], _source: ['@timestamp', 'service', 'log_template.id'] });
  const windows = new Map();
  for (const h of logs.hits.hits) {
    const t = Date.parse(h._source['@timestamp']) || h._source['@timestamp'];
    const w = Math.floor(t / (10 * MIN)) * 10 * MIN;
    const key = `${h._source.service}|${w}`;
    if (!windows.has(key)) windows.set(key, { service: h._source.service, w, ids: [], seq: [] });
    const win = windows.get(key);
    win.ids.push(h._id);
    if (!win.seq.includes(h._source.log_template.id)) win.seq.push(h._source.log_template.id);
  }
  const classes = new Map();
  for (const win of windows.values()) {
    const sig = [...win.seq].sort().join(',');
    if (!classes.has(sig)) classes.set(sig, `c${classes.size}`);
    const bad = win.w <= injected && injected < win.w + 10 * MIN && win.service === 'payment';
    const score = bad ? 0.96 : 0.1 + 0.02 * (win.seq.length % 5);
    results.push({
      _id: `${logId}-${win.service}-${win.w}`,
      detector_id: logId,
      entity: { service: win.service },
      entity_key: `service=${win.service}`,
      data_start_time: win.w,
      data_end_time: win.w + 10 * MIN,
      execution_time: win.w + 10 * MIN + 5000,
      score,
      anomaly_grade: bad ? 0.9 : 0,
      is_anomaly: bad,
      threshold: 0.8,
      class: classes.get(sig),
      sequence: win.seq,
      source: { indices: [LOGS], doc_ids: win.ids.slice(0, 50) },
    });
  }
  await bulk('aiops-stub-results', results);
  return [
    { id: metricId, name: METRIC_DETECTOR.name, family: 'metric' },
    { id: logId, name: 'demo-log-sequences', family: 'log' },
  ];
}

const logs = await seedLogs();
const metrics = await seedMetrics();
let mode = 'none';
let detectors = [];
if (await detectorApiAvailable()) {
  mode = 'real';
  detectors = await realDetector();
} else if (STUB) {
  mode = 'stub';
  detectors = await stubDetectors(metrics);
}
const out = { mode, injected_time: injected, injected_host: INJECTED_HOST, window_ms: MIN, from: start, to: now, logs, metrics: metrics.length, detectors };
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(out, null, 2));
console.log(`seed: mode=${mode} logs=${logs} metrics=${metrics.length} detectors=${detectors.map((d) => d.name).join(',') || '-'} injected=${new Date(injected).toISOString()} host=${INJECTED_HOST}`);
