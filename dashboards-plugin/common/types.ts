import type { DetectorFamily } from './constants';

/** A detector as stored by the backend (POST/GET /detectors). */
export interface DetectorSource {
  indices: string[];
  time_field?: string;
  fields?: string[];
  entity_fields?: string[];
  filter?: Record<string, unknown>;
}

export interface Detector {
  name: string;
  description?: string;
  type: string;
  source: DetectorSource;
  training?: { from?: string | number; to?: string | number; max_samples?: number };
  schedule?: { interval?: string };
  threshold?: { type?: string; value?: number };
  result_index?: string;
  params?: Record<string, unknown>;
  /** Analyst names for the classes of a classifying detector: class id → label. */
  class_labels?: Record<string, string>;
}

export type DetectorState = 'created' | 'training' | 'trained' | 'running' | 'stopped' | 'failed' | 'unknown';

/** GET detectors/{id}/_profile (DetectorService.profile: the detector's state document plus job and model memory). */
export interface DetectorProfile {
  state: DetectorState;
  error?: string | null;
  /** Percent (0–100) while training; eta_ms null until progress is known. */
  training?: { progress?: number; eta_ms?: number | null; entities_done?: number; entities_total?: number; entities_trained?: number; documents?: number };
  model?: { entities?: number; memory_bytes_per_entity?: number; window?: number; checkpoint_bytes?: number };
  /** Mean of the entities' thresholds. */
  threshold?: number;
  training_scores?: { mean?: number; std?: number; count?: number; p50?: number; p99?: number; max?: number };
  last_run?: { time?: number | string; from?: number; to?: number; windows?: number; anomalies?: number; documents?: number; entities?: number };
  /** Sampling step of the source data the model was trained on. */
  step_ms?: number;
  job?: { enabled: boolean; interval: string } | null;
}

/** One row of the Detectors page. */
export interface DetectorSummary {
  id: string;
  name: string;
  type: string;
  family: DetectorFamily | 'other';
  description?: string;
  state: DetectorState;
  error?: string | null;
  lastRun?: number | null;
  /** Training progress in percent while the state is `training`. */
  progress?: number | null;
  anomalies24h: number;
}

export interface DetectorDetails {
  id: string;
  detector: Detector;
  profile: DetectorProfile;
}

/**
 * Where a result's evidence lives (the result's `source`, stored but not indexed): the query matching the
 * window's documents and the documents the detector names (for metrics, the scored point).
 */
export interface ResultSourceRef {
  indices?: string[];
  time_field?: string;
  query?: Record<string, unknown>;
  documents?: Array<{ index: string; id: string }>;
}

export interface Contribution {
  field: string;
  weight: number;
}

/** One result document (fields as the backend writes them) plus its id. */
export interface AnomalyResult {
  id: string;
  detector_id: string;
  entity?: Record<string, unknown> | null;
  entity_key?: string | null;
  data_start_time: number;
  data_end_time: number;
  execution_time?: number;
  score: number;
  anomaly_grade?: number;
  is_anomaly: boolean;
  threshold?: number;
  raw_score?: number;
  detector_name?: string;
  detector_type?: string;
  class?: string | null;
  contributions?: Contribution[];
  source?: ResultSourceRef;
  sequence?: unknown[];
}

export interface ScorePoint {
  time: number;
  score: number;
}

export interface EntityBucket {
  key: string;
  count: number;
  anomalies: number;
}

export interface ClassBucket {
  key: string;
  count: number;
  anomalies: number;
  /** The highest-scoring results of the class, to show its typical sequences or contributions. */
  examples: AnomalyResult[];
}

/** What the Detector page shows for one range and (optionally) one entity. */
export interface DetectorResultsView {
  from: number;
  to: number;
  interval_ms: number;
  total: number;
  threshold: number | null;
  series: ScorePoint[];
  anomalies: AnomalyResult[];
  entities: EntityBucket[];
  classes: ClassBucket[];
  /** Readable text of sequence items that are log template ids (item → template). */
  sequence_labels: Record<string, string>;
}

export type EvidenceKind = 'points' | 'spans' | 'logs' | 'documents';

export interface EvidenceDoc {
  _id: string;
  _index: string;
  _source: Record<string, unknown>;
}

export interface DiscoverTarget {
  indices: string[];
  timeField?: string;
  from: number;
  to: number;
  /** KQL for the Discover query bar. */
  kql: string;
}

export interface Evidence {
  kind: EvidenceKind;
  result: AnomalyResult;
  timeField?: string;
  /** Numeric fields to plot for metric points. */
  fields: string[];
  /** The anomalous window (both ends inclusive), for highlighting. */
  window: { from: number; to: number };
  /** Ids of the documents the result names (for metrics, the scored point). */
  highlight: string[];
  documents: EvidenceDoc[];
  total: number;
  discover: DiscoverTarget;
}

export interface LogTemplate {
  id: string;
  namespace: string;
  template: string;
  count: number;
  first_seen: string;
  last_seen: string;
  example?: string;
}

export interface TemplateTimeline {
  interval_ms: number;
  /** Templates first seen per bucket (the store's first_seen: when the node parsed them). */
  buckets: Array<{ time: number; count: number }>;
  newest: LogTemplate[];
}

export interface TemplateOccurrences {
  interval_ms: number;
  /** One series per top template: time → lines in the log indices. */
  series: Array<{ id: string; template?: string; points: Array<{ time: number; count: number }> }>;
}

/** One call (a trace detector's event result): caller pod → callee pod, with what the scorer named. */
export interface TraceCall {
  id: string;
  trace_id: string;
  span_id?: string;
  time: number;
  source: string;
  source_service: string;
  destination: string;
  destination_service: string;
  operation?: string;
  /** Text of the callee's code context (the result's code_context contribution). */
  code_context?: string;
  score: number;
}

export interface ServiceScoreSeries {
  service: string;
  points: ScorePoint[];
}

/** What the trace view shows for a range: max call score per callee service over time, and the top anomalous calls. */
export interface TraceResultsView {
  from: number;
  to: number;
  interval_ms: number;
  services: ServiceScoreSeries[];
  calls: TraceCall[];
}

/** One ranked pod or service of GET detectors/{id}/results/_root_cause. */
export interface RootCauseEntry {
  pod?: string;
  service: string;
  score: number;
  share: number;
  rate: number;
  anomalous: number;
  events: number;
}

export interface RootCauseRanking {
  detector_id: string;
  from: number;
  to: number;
  anomalous_events: number;
  events: number;
  pods: RootCauseEntry[];
  services: RootCauseEntry[];
}
