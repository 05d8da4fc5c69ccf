import { RESULT } from '../../common/fields';
import { parseTime } from '../../common/time';
import type { AnomalyResult } from '../../common/types';

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
