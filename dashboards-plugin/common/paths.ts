/**
 * Both sides of the panel's HTTP API: the routes the panel server exposes to the browser
 * and the backend (`_plugins/_aiops`) paths those routes call. No other file spells a path.
 */
export const API_BASE = '/api/aiops';

export const API = {
  info: `${API_BASE}/info`,
  detectors: `${API_BASE}/detectors`,
  detector: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}`,
  detectorStart: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}/_start`,
  detectorStop: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}/_stop`,
  detectorResults: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}/results`,
  detectorClassLabels: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}/class_labels`,
  evidence: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}/evidence`,
  traceResults: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}/trace_results`,
  rootCause: (id: string) => `${API_BASE}/detectors/${encodeURIComponent(id)}/root_cause`,
  templates: `${API_BASE}/templates`,
  templateTimeline: `${API_BASE}/templates/_timeline`,
  templateOccurrences: `${API_BASE}/templates/_occurrences`,
} as const;

/** Route patterns as the OSD router (and the standalone server) declares them. */
export const ROUTE_PATTERNS = {
  info: `${API_BASE}/info`,
  detectors: `${API_BASE}/detectors`,
  detector: `${API_BASE}/detectors/{id}`,
  detectorStart: `${API_BASE}/detectors/{id}/_start`,
  detectorStop: `${API_BASE}/detectors/{id}/_stop`,
  detectorResults: `${API_BASE}/detectors/{id}/results`,
  detectorClassLabels: `${API_BASE}/detectors/{id}/class_labels`,
  evidence: `${API_BASE}/detectors/{id}/evidence`,
  traceResults: `${API_BASE}/detectors/{id}/trace_results`,
  rootCause: `${API_BASE}/detectors/{id}/root_cause`,
  templates: `${API_BASE}/templates`,
  templateTimeline: `${API_BASE}/templates/_timeline`,
  templateOccurrences: `${API_BASE}/templates/_occurrences`,
} as const;

export const BACKEND_BASE = '/_plugins/_aiops';

const enc = encodeURIComponent;
export const BACKEND = {
  info: BACKEND_BASE,
  detectors: `${BACKEND_BASE}/detectors`,
  detectorSearch: `${BACKEND_BASE}/detectors/_search`,
  detector: (id: string) => `${BACKEND_BASE}/detectors/${enc(id)}`,
  detectorProfile: (id: string) => `${BACKEND_BASE}/detectors/${enc(id)}/_profile`,
  detectorStart: (id: string) => `${BACKEND_BASE}/detectors/${enc(id)}/_start`,
  detectorStop: (id: string) => `${BACKEND_BASE}/detectors/${enc(id)}/_stop`,
  detectorTrain: (id: string) => `${BACKEND_BASE}/detectors/${enc(id)}/_train`,
  detectorRun: (id: string) => `${BACKEND_BASE}/detectors/${enc(id)}/_run`,
  resultSearch: `${BACKEND_BASE}/detectors/results/_search`,
  detectorRootCause: (id: string) => `${BACKEND_BASE}/detectors/${enc(id)}/results/_root_cause`,
  templates: `${BACKEND_BASE}/templates`,
  template: (id: string) => `${BACKEND_BASE}/templates/${enc(id)}`,
  templateStats: `${BACKEND_BASE}/templates/_stats`,
  /** Plain search over the detector's source indices (evidence). */
  search: (indices: string[]) => `/${indices.map(enc).join(',')}/_search`,
} as const;
