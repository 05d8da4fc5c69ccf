/**
 * Field names of the result documents the backend writes (DetectorScorer: one per detector, entity and scored
 * window). A window's points run from `data_start_time` to `data_end_time`, both inclusive; the scored point is
 * the last one, so an anomaly's time is `data_end_time` (the backend's `_top` filters on it too).
 */
export const RESULT = {
  detectorId: 'detector_id',
  entity: 'entity',
  entityKey: 'entity_key',
  dataStart: 'data_start_time',
  dataEnd: 'data_end_time',
  /** The time an anomaly is shown at: the window's scored (last) point. */
  time: 'data_end_time',
  executionTime: 'execution_time',
  score: 'score',
  grade: 'anomaly_grade',
  isAnomaly: 'is_anomaly',
  threshold: 'threshold',
  klass: 'class',
  contributions: 'contributions',
  source: 'source',
  /** Optional, for sequence-classifying detectors (logs: template ids; traces: operations). */
  sequence: 'sequence',
  /** What a result scores: window, event (one call between two pods), trace or session. */
  unit: 'unit',
  traceId: 'trace_id',
  spanId: 'span_id',
  /** Keyword copy of an event's entity (the flat_object entity cannot be aggregated). */
  callDestinationService: 'call.destination_service',
} as const;

/** The unit of a trace detector's call results. */
export const EVENT_UNIT = 'event';

/** Fields that tell what a source document is, for choosing how evidence is shown. */
export const SPAN_FIELDS = { traceId: 'traceID', spanId: 'spanID', operation: 'operationName', start: 'startTime', duration: 'duration', service: 'process.serviceName', references: 'references' } as const;
export const LOG_MESSAGE_FIELDS = ['message', 'log', 'body', 'msg'] as const;
export const TEMPLATE_FIELD = 'log_template.id';
