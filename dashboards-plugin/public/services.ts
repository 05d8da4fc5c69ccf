import { API } from '../common/paths';
import type {
  DetectorDetails,
  DetectorResultsView,
  DetectorSummary,
  Evidence,
  RootCauseRanking,
  TraceResultsView,
  LogTemplate,
  TemplateOccurrences,
  TemplateTimeline,
} from '../common/types';

/** The part of OSD's `HttpSetup` the panel uses; the standalone page provides a fetch-based twin. */
export interface PanelHttp {
  get<T = any>(path: string, options?: { query?: Record<string, any> }): Promise<T>;
  post<T = any>(path: string, options?: { body?: string; query?: Record<string, any> }): Promise<T>;
  put<T = any>(path: string, options?: { body?: string; query?: Record<string, any> }): Promise<T>;
}

/** In-app navigation over a history object (OSD's ScopedHistory, or a hash history standalone). */
export interface PanelHistory {
  location: { pathname: string; search: string };
  push(path: string): void;
  listen(listener: (location: { pathname: string; search: string }) => void): () => void;
  createHref?(location: { pathname: string; search?: string }): string;
}

export interface PanelServices {
  api: PanelApi;
  history: PanelHistory;
  /** Base path of OSD (for links to other apps such as Discover); '' standalone. */
  basePath: string;
}

/** Typed calls of the panel's server routes (paths from common/paths). */
export class PanelApi {
  constructor(private readonly http: PanelHttp) {}

  listDetectors() {
    return this.http.get<{ detectors: DetectorSummary[] }>(API.detectors);
  }
  getDetector(id: string) {
    return this.http.get<DetectorDetails>(API.detector(id));
  }
  startDetector(id: string) {
    return this.http.post(API.detectorStart(id));
  }
  stopDetector(id: string) {
    return this.http.post(API.detectorStop(id));
  }
  results(id: string, q: { from: string; to: string; entity_key?: string }) {
    const query: Record<string, string> = { from: q.from, to: q.to };
    if (q.entity_key) query.entity_key = q.entity_key;
    return this.http.get<DetectorResultsView>(API.detectorResults(id), { query });
  }
  traceResults(id: string, q: { from: string; to: string }) {
    return this.http.get<TraceResultsView>(API.traceResults(id), { query: q });
  }
  rootCause(id: string, q: { from: string; to: string }) {
    return this.http.get<RootCauseRanking>(API.rootCause(id), { query: q });
  }
  evidence(id: string, resultId: string) {
    return this.http.get<Evidence>(API.evidence(id), { query: { result_id: resultId } });
  }
  setClassLabels(id: string, labels: Record<string, string>) {
    return this.http.put<{ class_labels: Record<string, string> }>(API.detectorClassLabels(id), { body: JSON.stringify({ labels }) });
  }
  templates(q: { namespace?: string; size?: number; sort?: string }) {
    return this.http.get<{ templates: LogTemplate[] }>(API.templates, { query: definedOnly(q) });
  }
  templateTimeline(q: { namespace?: string; from: string; to: string }) {
    return this.http.get<TemplateTimeline>(API.templateTimeline, { query: definedOnly(q) });
  }
  templateOccurrences(q: { indices: string; time_field?: string; from: string; to: string; size?: number }) {
    return this.http.get<TemplateOccurrences>(API.templateOccurrences, { query: definedOnly(q) });
  }
}

function definedOnly(q: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ''));
}

/** The message of a failed panel call (OSD's HttpFetchError keeps the route's `{message}` in body). */
export function errorMessage(e: any): string {
  return e?.body?.message ?? e?.message ?? String(e);
}
