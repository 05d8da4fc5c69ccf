import { ROUTE_PATTERNS } from '../../common/paths';
import * as h from './handlers';
import type { Transport } from './transport';
import { validate } from './validation';

/**
 * The panel's routes, declared once: the OSD router (server/routes/osd_routes.ts) and the standalone
 * server (standalone/server.ts) both register exactly these.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  validate: { params?: (raw: unknown) => any; query?: (raw: unknown) => any; body?: (raw: unknown) => any };
  handler: (client: Transport, req: { params: any; query: any; body: any }) => Promise<unknown>;
}

export const ROUTES: RouteSpec[] = [
  { method: 'get', path: ROUTE_PATTERNS.info, validate: { query: validate.noQuery }, handler: (c) => h.info(c) },
  { method: 'get', path: ROUTE_PATTERNS.detectors, validate: { query: validate.noQuery }, handler: (c) => h.listDetectors(c) },
  {
    method: 'get',
    path: ROUTE_PATTERNS.detector,
    validate: { params: validate.idParams, query: validate.noQuery },
    handler: (c, r) => h.getDetector(c, r.params.id),
  },
  {
    method: 'post',
    path: ROUTE_PATTERNS.detectorStart,
    validate: { params: validate.idParams },
    handler: (c, r) => h.startDetector(c, r.params.id),
  },
  {
    method: 'post',
    path: ROUTE_PATTERNS.detectorStop,
    validate: { params: validate.idParams },
    handler: (c, r) => h.stopDetector(c, r.params.id),
  },
  {
    method: 'get',
    path: ROUTE_PATTERNS.detectorResults,
    validate: { params: validate.idParams, query: validate.resultsQuery },
    handler: (c, r) => h.detectorResults(c, r.params.id, r.query),
  },
  {
    method: 'put',
    path: ROUTE_PATTERNS.detectorClassLabels,
    validate: { params: validate.idParams, body: validate.classLabelsBody },
    handler: (c, r) => h.setClassLabels(c, r.params.id, r.body.labels),
  },
  {
    method: 'get',
    path: ROUTE_PATTERNS.evidence,
    validate: { params: validate.idParams, query: validate.evidenceQuery },
    handler: (c, r) => h.evidence(c, r.params.id, r.query.resultId),
  },
  {
    method: 'get',
    path: ROUTE_PATTERNS.traceResults,
    validate: { params: validate.idParams, query: validate.traceResultsQuery },
    handler: (c, r) => h.traceResults(c, r.params.id, r.query),
  },
  {
    method: 'get',
    path: ROUTE_PATTERNS.rootCause,
    validate: { params: validate.idParams, query: validate.rootCauseQuery },
    handler: (c, r) => h.rootCause(c, r.params.id, r.query),
  },
  { method: 'get', path: ROUTE_PATTERNS.templates, validate: { query: validate.templatesQuery }, handler: (c, r) => h.listTemplates(c, r.query) },
  {
    method: 'get',
    path: ROUTE_PATTERNS.templateTimeline,
    validate: { query: validate.timelineQuery },
    handler: (c, r) => h.templateTimeline(c, r.query),
  },
  {
    method: 'get',
    path: ROUTE_PATTERNS.templateOccurrences,
    validate: { query: validate.occurrencesQuery },
    handler: (c, r) => h.templateOccurrences(c, r.query),
  },
];

/** Matches a concrete path against a pattern with `{name}` segments; the params, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const m = /^\{(\w+)\}$/.exec(want[i]);
    if (m) params[m[1]] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}
