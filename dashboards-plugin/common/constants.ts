export const PLUGIN_ID = 'aiops';
export const PLUGIN_NAME = 'AIOps';

/** Default index the backend writes results into (a detector may name another). */
export const DEFAULT_RESULT_INDEX = 'aiops-results';

/** Detector type families; a type is `<family>_<algorithm>`, e.g. metric_knn, trace_graph, log_sequence. */
export const DETECTOR_FAMILIES = ['metric', 'trace', 'log'] as const;
export type DetectorFamily = (typeof DETECTOR_FAMILIES)[number];

/** The family of a detector type, from its prefix. */
export function familyOf(type: string | undefined): DetectorFamily | 'other' {
  const prefix = (type ?? '').split('_')[0];
  return (DETECTOR_FAMILIES as readonly string[]).includes(prefix) ? (prefix as DetectorFamily) : 'other';
}

/** Services whose score lines the trace view draws; pods and services the root-cause tables list. */
export const MAX_TRACE_SERVICES = 20;
export const ROOT_CAUSE_SIZE = 10;

/** Most points the score chart asks for; longer ranges are bucketed by max score. */
export const MAX_CHART_BUCKETS = 300;
/** Anomalies returned for the markers and the top-anomalies table. */
export const MAX_ANOMALIES = 100;
/** Source documents returned as evidence. */
export const MAX_EVIDENCE_DOCS = 500;
/** Windows shown on each side of a metric anomaly in its evidence. */
export const EVIDENCE_CONTEXT_WINDOWS = 10;
