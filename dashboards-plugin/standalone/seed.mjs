#!/usr/bin/env node
// Demo data for the panel, written through the REST API of the node at AIOPS_URL (a node with the aiops plugin):
//  - log lines through a log_template pipeline (aiops-demo-logs), with an error burst at the injected time;
//  - host metrics (aiops-demo-metrics: cpu, mem per host, 1 point a minute for 6 h) with a spike on web-2;
//  - the metric_knn detector demo-hosts-cpu-mem over them, trained on the hours before the spike and run (_run)
//    over the whole range.
// Fails (exit 1) when any of it cannot be done or does not give what the tests look for: templates of the
// pipeline, a trained detector, results, and an anomaly on web-2 at the injected time.
// Prints and writes (SEED_OUT, default target/e2e/seed.json) what the tests expect to find.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const URL_ = (process.env.AIOPS_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');
const OUT = process.env.SEED_OUT ?? 'target/e2e/seed.json';
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
  await call('POST', '/_plugins/_aiops/templates/_sync');
  const parsed = await call('POST', `/${LOGS}/_search`, { size: 0, query: { exists: { field: 'log_template.id' } } });
  if (parsed.hits.total.value !== docs.length) throw new Error(`log_template pipeline: ${parsed.hits.total.value} of ${docs.length} lines have log_template.id`);
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

const DETECTORS = '/_plugins/_aiops/detectors';
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
  const found = await call('POST', `${DETECTORS}/_search`, { size: 100, query: { term: { 'name.keyword': name } } });
  for (const h of found.hits.hits) {
    if (h._source?.name !== name) continue;
    await call('POST', `${DETECTORS}/${h._id}/_stop`, undefined, { ok404: true });
    await call('DELETE', `${DETECTORS}/${h._id}`, undefined, { ok404: true });
  }
}

async function metricDetector() {
  await deleteByName(METRIC_DETECTOR.name);
  const { _id: id } = await call('POST', DETECTORS, METRIC_DETECTOR);
  await call('POST', `${DETECTORS}/${id}/_train`);
  const deadline = Date.now() + 180_000;
  let profile;
  for (;;) {
    profile = await call('GET', `${DETECTORS}/${id}/_profile`);
    if (profile.state === 'failed') throw new Error(`training failed: ${profile.error}`);
    if (profile.state === 'trained') break;
    if (Date.now() > deadline) throw new Error(`training did not finish in 180 s (state ${profile.state})`);
    await sleep(500);
  }
  const run = await call('POST', `${DETECTORS}/${id}/_run`, { from: start, to: now });
  if (!(run.windows > 0)) throw new Error(`_run scored no window: ${JSON.stringify(run)}`);
  const step = profile.step_ms;
  const spike = await call('POST', `${DETECTORS}/results/_search`, {
    detector_ids: [id],
    size: 1,
    query: {
      bool: {
        filter: [
          { term: { is_anomaly: true } },
          { term: { entity_key: `host=${INJECTED_HOST}` } },
          // the alarm comes at the peak of the episode: a window ending after the injected time that still holds it
          { range: { data_end_time: { gte: injected, lte: injected + (profile.model.window - 1) * step, format: 'epoch_millis' } } },
        ],
      },
    },
  });
  if (!spike.hits.total.value) throw new Error(`no anomaly of ${INJECTED_HOST} at the injected time ${new Date(injected).toISOString()} (run: ${JSON.stringify(run)})`);
  return { id, name: METRIC_DETECTOR.name, family: 'metric', step_ms: step, window: profile.model.window, windows: run.windows, anomalies: run.anomalies };
}

const logs = await seedLogs();
const metrics = await seedMetrics();
const detector = await metricDetector();
const out = { injected_time: injected, injected_host: INJECTED_HOST, from: start, to: now, logs, metrics: metrics.length, detectors: [detector] };
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(out, null, 2));
console.log(
  `seed: logs=${logs} metrics=${metrics.length} detector=${detector.name} (${detector.id}: ${detector.windows} windows, ${detector.anomalies} anomalies) injected=${new Date(injected).toISOString()} host=${INJECTED_HOST}`
);
