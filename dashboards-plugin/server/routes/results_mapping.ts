import { RESULT } from '../../common/fields';
import { parseTime } from '../../common/time';
import type { AnomalyResult, TraceCall } from '../../common/types';

/** A result hit (`_id`, `_source`) as the page's AnomalyResult, times as epoch millis. */
export function toAnomalyResult(hit: { _id: string; _source?: Record<string, any> }): AnomalyResult {
  const s = hit._source ?? {};
  return {
    ...s,
    id: hit._id,
    detector_id: s[RESULT.detectorId],
    data_start_time: parseTime(s[RESULT.dataStart]) ?? 0,
    data_end_time: parseTime(s[RESULT.dataEnd]) ?? 0,
    execution_time: parseTime(s[RESULT.executionTime]) ?? undefined,
    score: Number(s[RESULT.score] ?? 0),
    is_anomaly: s[RESULT.isAnomaly] === true || s[RESULT.isAnomaly] === 'true',
  } as AnomalyResult;
}

/** An event result of a trace detector as the call it scored; the code context is its code_context contribution. */
export function toTraceCall(result: AnomalyResult): TraceCall {
  const entity = (result.entity ?? {}) as Record<string, unknown>;
  const text = (key: string) => (entity[key] === undefined || entity[key] === null ? '' : String(entity[key]));
  const contributions = (result.contributions ?? []) as unknown as Array<Record<string, unknown>>;
  const codeContext = contributions.find((c) => c.kind === 'code_context')?.code_context;
  const raw = result as unknown as Record<string, unknown>;
  return {
    id: result.id,
    trace_id: String(raw[RESULT.traceId] ?? ''),
    span_id: raw[RESULT.spanId] === undefined ? undefined : String(raw[RESULT.spanId]),
    time: result.data_start_time,
    source: text('source'),
    source_service: text('source_service'),
    destination: text('destination'),
    destination_service: text('destination_service'),
    operation: entity.operation === undefined ? undefined : String(entity.operation),
    code_context: typeof codeContext === 'string' ? codeContext : undefined,
    score: result.score,
  };
}
