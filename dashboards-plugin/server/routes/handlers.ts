import {
  BACKEND,
  EVIDENCE_CONTEXT_WINDOWS,
  LOG_MESSAGE_FIELDS,
  MAX_ANOMALIES,
  MAX_CHART_BUCKETS,
  MAX_EVIDENCE_DOCS,
  RESULT,
  SPAN_FIELDS,
  TEMPLATE_FIELD,
  EVENT_UNIT,
  MAX_TRACE_SERVICES,
  familyOf,
  bucketInterval,
  kqlForEntity,
  kqlForIds,
  parseTime,
} from '../../common';
import type {
  Detector,
  DetectorDetails,
  DetectorProfile,
  DetectorResultsView,
  DetectorSummary,
  ClassBucket,
  RootCauseRanking,
  TraceCall,
  TraceResultsView,
  Evidence,
  EvidenceDoc,
  EvidenceKind,
  LogTemplate,
  TemplateOccurrences,
  TemplateTimeline,
} from '../../common';
import { HttpError, isNotFound, toHttpError } from './http_error';
import { toAnomalyResult, toTraceCall } from './results_mapping';
import type { Transport } from './transport';

/**
 * The panel's server logic: plain functions over a transport client, called by the OSD routes and by
 * the standalone server alike. They translate the backend's detector, result and template APIs into
 * what each page needs, in as few backend calls as possible.
 */

const DAY_MS = 86_400_000;

export { familyOf };

async function profileOf(client: Transport, id: string): Promise<DetectorProfile> {
  try {
    const { body } = await client.request({ method: 'GET', path: BACKEND.detectorProfile(id) });
    return { ...body, state: body?.state ?? 'unknown' };
  } catch (e) {
    return { state: 'unknown', error: toHttpError(e).message };
  }
}

/** Searches result documents; a missing result index means no results yet, not an error. */
async function searchResults(client: Transport, body: Record<string, unknown>): Promise<any | null> {
  try {
    return (await client.request({ method: 'POST', path: BACKEND.resultSearch, body })).body;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

export async function listDetectors(client: Transport, now = Date.now()): Promise<{ detectors: DetectorSummary[] }> {
  let hits: any[];
  try {
    const { body } = await client.request({
      method: 'POST',
      path: BACKEND.detectorSearch,
      body: { size: 1000, query: { match_all: {} } },
    });
    hits = body?.hits?.hits ?? [];
  } catch (e) {
    // No detector stored yet: the backend's detector index does not exist.
    if (isNotFound(e) && /index/.test(toHttpError(e).message)) hits = [];
    else throw e;
  }
  const ids = hits.map((h) => h._id as string);
  const [profiles, counts] = await Promise.all([
    Promise.all(ids.map((id) => profileOf(client, id))),
    ids.length ? anomalyCounts(client, ids, now - DAY_MS) : Promise.resolve(new Map<string, number>()),
  ]);
  const detectors = hits.map((hit, i): DetectorSummary => {
    const d: Detector = hit._source ?? {};
    const profile = profiles[i];
    return {
      id: hit._id,
      name: d.name ?? hit._id,
      type: d.type,
      family: familyOf(d.type),
      description: d.description,
      state: profile.state,
      error: profile.error ?? null,
      lastRun: parseTime(profile.last_run?.time as any),
      progress: profile.state === 'training' ? profile.training?.progress ?? 0 : null,
      anomalies24h: counts.get(hit._id) ?? 0,
    };
  });
  detectors.sort((a, b) => a.name.localeCompare(b.name));
  return { detectors };
}

async function anomalyCounts(client: Transport, ids: string[], since: number): Promise<Map<string, number>> {
  const body = await searchResults(client, {
    detector_ids: ids,
    size: 0,
    query: { bool: { filter: [{ term: { [RESULT.isAnomaly]: true } }, { range: { [RESULT.time]: { gte: since, format: 'epoch_millis' } } }] } },
    aggs: { by_detector: { terms: { field: RESULT.detectorId, size: ids.length } } },
  });
  const buckets: any[] = body?.aggregations?.by_detector?.buckets ?? [];
  return new Map(buckets.map((b) => [String(b.key), b.doc_count as number]));
}

export async function getDetector(client: Transport, id: string): Promise<DetectorDetails> {
  const [{ body }, profile] = await Promise.all([
    client.request({ method: 'GET', path: BACKEND.detector(id) }),
    profileOf(client, id),
  ]);
  return { id: body._id ?? id, detector: body.detector, profile: body.state && profile.state === 'unknown' ? { ...profile, state: body.state } : profile };
}

export async function startDetector(client: Transport, id: string) {
  return (await client.request({ method: 'POST', path: BACKEND.detectorStart(id) })).body;
}

export async function stopDetector(client: Transport, id: string) {
  return (await client.request({ method: 'POST', path: BACKEND.detectorStop(id) })).body;
}

/** Stores analyst labels for a classifying detector's classes in the detector itself (`class_labels`). */
export async function setClassLabels(client: Transport, id: string, labels: Record<string, string>) {
  const { body } = await client.request({ method: 'GET', path: BACKEND.detector(id) });
  const merged = { ...(body.detector?.class_labels ?? {}), ...labels };
  for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
  const detector = { ...body.detector, class_labels: merged };
  await client.request({ method: 'PUT', path: BACKEND.detector(id), body: detector });
  return { class_labels: merged };
}

/** Everything the Detector page shows for a range (and optionally one entity), in one results search. */
export async function detectorResults(
  client: Transport,
  id: string,
  q: { from: number; to: number; entityKey?: string }
): Promise<DetectorResultsView> {
  const interval = bucketInterval(q.from, q.to, MAX_CHART_BUCKETS);
  // Results are placed at their scored point (data_end_time), as the backend's _top and the 24 h counts place them.
  const filter: unknown[] = [{ range: { [RESULT.time]: { gte: q.from, lte: q.to, format: 'epoch_millis' } } }];
  if (q.entityKey) filter.push({ term: { [RESULT.entityKey]: q.entityKey } });
  const isAnomaly = { term: { [RESULT.isAnomaly]: true } };
  const byScore = [{ [RESULT.score]: { order: 'desc' } }];
  const body = await searchResults(client, {
    detector_ids: [id],
    size: 0,
    query: { bool: { filter } },
    aggs: {
      over_time: {
        date_histogram: { field: RESULT.time, fixed_interval: `${interval}ms`, min_doc_count: 1 },
        aggs: { score: { max: { field: RESULT.score } } },
      },
      threshold: { max: { field: RESULT.threshold } },
      anomalies: { filter: isAnomaly, aggs: { top: { top_hits: { size: MAX_ANOMALIES, sort: byScore } } } },
      entities: {
        terms: { field: RESULT.entityKey, size: 50 },
        aggs: { anomalies: { filter: isAnomaly } },
      },
      classes: {
        terms: { field: RESULT.klass, size: 50 },
        aggs: { anomalies: { filter: isAnomaly }, examples: { top_hits: { size: 3, sort: byScore } } },
      },
    },
  });
  const aggs = body?.aggregations ?? {};
  const classes = (aggs.classes?.buckets ?? []).map((b: any) => ({
    key: String(b.key),
    count: b.doc_count,
    anomalies: b.anomalies?.doc_count ?? 0,
    examples: (b.examples?.hits?.hits ?? []).map(toAnomalyResult),
  }));
  return {
    from: q.from,
    to: q.to,
    interval_ms: interval,
    total: typeof body?.hits?.total === 'number' ? body.hits.total : body?.hits?.total?.value ?? 0,
    threshold: aggs.threshold?.value ?? null,
    series: (aggs.over_time?.buckets ?? [])
      .filter((b: any) => b.score?.value !== null && b.score?.value !== undefined)
      .map((b: any) => ({ time: b.key, score: b.score.value })),
    anomalies: (aggs.anomalies?.top?.hits?.hits ?? []).map(toAnomalyResult),
    entities: (aggs.entities?.buckets ?? []).map((b: any) => ({ key: String(b.key), count: b.doc_count, anomalies: b.anomalies?.doc_count ?? 0 })),
    classes,
    sequence_labels: await templateTexts(client, classes.flatMap((c: ClassBucket) => c.examples.flatMap((e) => e.sequence ?? []))),
  };
}

/**
 * What the trace view of a trace detector shows for a range, from its event results only (one per call):
 * the max call score per callee service per time bucket, and the top anomalous calls.
 */
export async function traceResults(client: Transport, id: string, q: { from: number; to: number }): Promise<TraceResultsView> {
  const interval = bucketInterval(q.from, q.to, MAX_CHART_BUCKETS);
  const filter = [
    { range: { [RESULT.time]: { gte: q.from, lte: q.to, format: 'epoch_millis' } } },
    { term: { [RESULT.unit]: EVENT_UNIT } },
  ];
  const body = await searchResults(client, {
    detector_ids: [id],
    size: 0,
    query: { bool: { filter } },
    aggs: {
      services: {
        terms: { field: RESULT.callDestinationService, size: MAX_TRACE_SERVICES, order: { max_score: 'desc' } },
        aggs: {
          max_score: { max: { field: RESULT.score } },
          over_time: {
            date_histogram: { field: RESULT.time, fixed_interval: `${interval}ms`, min_doc_count: 1 },
            aggs: { score: { max: { field: RESULT.score } } },
          },
        },
      },
      anomalies: {
        filter: { term: { [RESULT.isAnomaly]: true } },
        aggs: { top: { top_hits: { size: MAX_ANOMALIES, sort: [{ [RESULT.score]: { order: 'desc' } }] } } },
      },
    },
  });
  const aggs = body?.aggregations ?? {};
  return {
    from: q.from,
    to: q.to,
    interval_ms: interval,
    services: (aggs.services?.buckets ?? []).map((b: any) => ({
      service: String(b.key),
      points: (b.over_time?.buckets ?? []).map((p: any) => ({ time: p.key, score: p.score?.value ?? 0 })),
    })),
    calls: (aggs.anomalies?.top?.hits?.hits ?? []).map((h: any) => toTraceCall(toAnomalyResult(h))) as TraceCall[],
  };
}

/** The backend's root-cause ranking of a trace detector's pods and services in a range. */
export async function rootCause(client: Transport, id: string, q: { from: number; to: number; size: number }): Promise<RootCauseRanking> {
  const { body } = await client.request({
    method: 'GET',
    path: BACKEND.detectorRootCause(id),
    querystring: { from: q.from, to: q.to, size: q.size },
  });
  return body as RootCauseRanking;
}

const MAX_SEQUENCE_LABELS = 100;

/** Template text of each value that is a known template id (log sequences); other values are left out. */
async function templateTexts(client: Transport, values: unknown[]): Promise<Record<string, string>> {
  const ids = [...new Set(values.filter((v): v is string => typeof v === 'string' && /^[0-9a-f]{8,64}$/.test(v)))].slice(0, MAX_SEQUENCE_LABELS);
  const found = await Promise.all(
    ids.map((id) =>
      client.request({ method: 'GET', path: BACKEND.template(id) }).then(
        ({ body }) => [id, body?.template as string | undefined] as const,
        () => [id, undefined] as const
      )
    )
  );
  return Object.fromEntries(found.filter((pair): pair is readonly [string, string] => typeof pair[1] === 'string'));
}

function kindOf(docs: EvidenceDoc[], family: string): EvidenceKind {
  const first = docs[0]?._source ?? {};
  if (SPAN_FIELDS.spanId in first && SPAN_FIELDS.traceId in first) return 'spans';
  if (LOG_MESSAGE_FIELDS.some((f) => f in first)) return 'logs';
  return family === 'metric' ? 'points' : 'documents';
}

/**
 * The source documents behind one result. Metrics: the entity's points over the window and
 * EVIDENCE_CONTEXT_WINDOWS windows on each side. Other families: the window's documents (`source.query`), else
 * the documents the result names. The named documents (the scored point) are highlighted.
 */
export async function evidence(client: Transport, id: string, resultId: string): Promise<Evidence> {
  const found = await searchResults(client, { detector_ids: [id], size: 1, query: { ids: { values: [resultId] } } });
  const hit = found?.hits?.hits?.[0];
  if (!hit) throw new HttpError(404, `result [${resultId}] of detector [${id}] not found`);
  const result = toAnomalyResult(hit);
  const { body } = await client.request({ method: 'GET', path: BACKEND.detector(id) });
  const detector: Detector = body.detector;
  const family = familyOf(detector.type);
  const src = result.source ?? {};
  const named = (src.documents ?? []).filter((d) => d && typeof d.id === 'string').slice(0, MAX_EVIDENCE_DOCS);
  const timeField = src.time_field ?? detector.source.time_field ?? '@timestamp';
  const window = { from: result.data_start_time, to: result.data_end_time };
  const windowMs = Math.max(1000, window.to - window.from);
  const pad = windowMs * EVIDENCE_CONTEXT_WINDOWS;

  let indices = src.indices?.length ? src.indices : detector.source.indices;
  let query: Record<string, unknown>;
  let kql: string;
  let range = { from: window.from, to: window.to };
  if (family === 'metric' || (!named.length && !src.query)) {
    range = { from: window.from - pad, to: window.to + pad };
    const filter: unknown[] = [{ range: { [timeField]: { gte: range.from, lte: range.to, format: 'epoch_millis' } } }];
    // match_phrase is exact on keyword fields and still matches entity values kept in text fields.
    for (const [field, value] of Object.entries(result.entity ?? {})) filter.push({ match_phrase: { [field]: value } });
    if (detector.source.filter && Object.keys(detector.source.filter).length) filter.push(detector.source.filter);
    query = { bool: { filter } };
    kql = kqlForEntity(result.entity);
  } else if (src.query) {
    query = src.query;
    kql = kqlForEntity(result.entity);
  } else {
    indices = [...new Set(named.map((d) => d.index ?? indices[0]))];
    const ids = named.map((d) => d.id);
    query = { ids: { values: ids } };
    kql = kqlForIds(ids);
  }
  const { body: docs } = await client.request({
    method: 'POST',
    path: BACKEND.search(indices),
    querystring: { ignore_unavailable: true },
    body: { size: MAX_EVIDENCE_DOCS, query, sort: [{ [timeField]: { order: 'asc', unmapped_type: 'date' } }] },
  });
  const documents: EvidenceDoc[] = (docs?.hits?.hits ?? []).map((h: any) => ({ _id: h._id, _index: h._index, _source: h._source ?? {} }));
  const total = typeof docs?.hits?.total === 'number' ? docs.hits.total : docs?.hits?.total?.value ?? documents.length;
  return {
    kind: kindOf(documents, family),
    result,
    timeField,
    fields: detector.source.fields ?? [],
    window,
    highlight: named.map((d) => d.id),
    documents,
    total,
    discover: { indices, timeField, from: range.from, to: range.to, kql },
  };
}

export async function listTemplates(client: Transport, q: { namespace?: string; size: number; from: number; sort: string }) {
  const { body } = await client.request({
    method: 'GET',
    path: BACKEND.templates,
    querystring: { namespace: q.namespace, size: q.size, from: q.from, sort: q.sort },
  });
  return body as { templates: LogTemplate[] };
}

/** Templates first seen per time bucket (from the template store's first_seen), and the newest ones. */
export async function templateTimeline(client: Transport, q: { namespace?: string; from: number; to: number }): Promise<TemplateTimeline> {
  const { templates } = await listTemplates(client, { namespace: q.namespace, size: 1000, from: 0, sort: 'first_seen' });
  const interval = bucketInterval(q.from, q.to, 60, 60_000);
  const counts = new Map<number, number>();
  const inRange = templates.filter((t) => {
    const seen = parseTime(t.first_seen);
    if (seen === null || seen < q.from || seen > q.to) return false;
    const bucket = Math.floor(seen / interval) * interval;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    return true;
  });
  const buckets = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([time, count]) => ({ time, count }));
  return { interval_ms: interval, buckets, newest: inRange.slice(0, 10) };
}

/** Lines per top template over time, from the log indices' `log_template.id` (written by the log_template processor). */
export async function templateOccurrences(
  client: Transport,
  q: { indices: string[]; timeField: string; from: number; to: number; size: number }
): Promise<TemplateOccurrences> {
  const interval = bucketInterval(q.from, q.to, MAX_CHART_BUCKETS);
  const { body } = await client.request({
    method: 'POST',
    path: BACKEND.search(q.indices),
    querystring: { ignore_unavailable: true, allow_no_indices: true },
    body: {
      size: 0,
      query: { range: { [q.timeField]: { gte: q.from, lte: q.to, format: 'epoch_millis' } } },
      aggs: {
        top: {
          terms: { field: TEMPLATE_FIELD, size: q.size },
          aggs: {
            text: { top_hits: { size: 1, _source: ['log_template.template'] } },
            over_time: { date_histogram: { field: q.timeField, fixed_interval: `${interval}ms`, min_doc_count: 1 } },
          },
        },
      },
    },
  });
  const buckets: any[] = body?.aggregations?.top?.buckets ?? [];
  return {
    interval_ms: interval,
    series: buckets.map((b) => ({
      id: String(b.key),
      template: b.text?.hits?.hits?.[0]?._source?.log_template?.template,
      points: (b.over_time?.buckets ?? []).map((p: any) => ({ time: p.key, count: p.doc_count })),
    })),
  };
}

export async function info(client: Transport) {
  return (await client.request({ method: 'GET', path: BACKEND.info })).body;
}
