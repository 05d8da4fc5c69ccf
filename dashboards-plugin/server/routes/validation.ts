import { HttpError } from './http_error';
import { parseTime } from '../../common/time';

/**
 * Request validation shared by the OSD router (as custom validation functions) and the standalone
 * server: each validator takes the raw params/query/body and returns the typed value or throws a 400
 * naming the field and what it accepts.
 */
export type Validator<T> = (raw: unknown) => T;

function bad(message: string): never {
  throw new HttpError(400, message);
}

function record(raw: unknown, part: string): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) bad(`[${part}] must be an object`);
  return raw as Record<string, unknown>;
}

function only(obj: Record<string, unknown>, allowed: string[], part: string) {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) bad(`[${part}.${key}] is not allowed; allowed: ${allowed.join(', ')}`);
  }
}

export function requiredId(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512 || /[\/\\\s]/.test(value)) {
    bad(`[${name}] must be a non-empty id without slashes or spaces`);
  }
  return value;
}

function optionalString(value: unknown, name: string, max = 512): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) bad(`[${name}] must be a string of at most ${max} characters`);
  return value;
}

function time(value: unknown, name: string, fallback: string): number {
  const raw = value === undefined || value === '' ? fallback : value;
  const t = typeof raw === 'string' || typeof raw === 'number' ? parseTime(raw) : null;
  if (t === null) bad(`[${name}] must be epoch millis, an ISO date or now-<n><s|m|h|d|w>, got [${String(raw)}]`);
  return t;
}

function int(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) bad(`[${name}] must be an integer from ${min} to ${max}`);
  return n;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T)) bad(`[${name}] must be one of ${allowed.join(', ')}`);
  return value as T;
}

const INDEX_NAME = /^[a-zA-Z0-9*][a-zA-Z0-9._*\-:]*$/;

/** Comma-separated index names or patterns; no leading `_` or `-`, so a path can only be an index search. */
function indices(value: unknown, name: string): string[] {
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : Array.isArray(value) ? value : [];
  if (list.length === 0 || list.length > 50 || !list.every((i) => typeof i === 'string' && INDEX_NAME.test(i))) {
    bad(`[${name}] must list 1 to 50 index names or patterns (letters, digits, . _ - * :), not starting with _ or -`);
  }
  return list as string[];
}

function range(q: Record<string, unknown>, fallbackFrom: string) {
  const from = time(q.from, 'from', fallbackFrom);
  const to = time(q.to, 'to', 'now');
  if (from >= to) bad('[from] must be before [to]');
  return { from, to };
}

export const validate = {
  idParams: (raw: unknown) => ({ id: requiredId(record(raw, 'params').id, 'id') }),

  noQuery: (raw: unknown) => {
    only(record(raw, 'query'), [], 'query');
    return {};
  },

  resultsQuery: (raw: unknown) => {
    const q = record(raw, 'query');
    only(q, ['from', 'to', 'entity_key'], 'query');
    return { ...range(q, 'now-24h'), entityKey: optionalString(q.entity_key, 'entity_key', 2048) };
  },

  traceResultsQuery: (raw: unknown) => {
    const q = record(raw, 'query');
    only(q, ['from', 'to'], 'query');
    return range(q, 'now-24h');
  },

  rootCauseQuery: (raw: unknown) => {
    const q = record(raw, 'query');
    only(q, ['from', 'to', 'size'], 'query');
    return { ...range(q, 'now-24h'), size: int(q.size, 'size', 1, 1000, 10) };
  },

  evidenceQuery: (raw: unknown) => {
    const q = record(raw, 'query');
    only(q, ['result_id'], 'query');
    return { resultId: requiredId(q.result_id, 'result_id') };
  },

  classLabelsBody: (raw: unknown) => {
    const b = record(raw, 'body');
    only(b, ['labels'], 'body');
    const labels = record(b.labels, 'labels');
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(labels)) {
      if (typeof v !== 'string' || v.length > 200) bad(`[labels.${k}] must be a string of at most 200 characters`);
      out[k] = v.trim();
    }
    return { labels: out };
  },

  templatesQuery: (raw: unknown) => {
    const q = record(raw, 'query');
    only(q, ['namespace', 'size', 'from', 'sort'], 'query');
    return {
      namespace: optionalString(q.namespace, 'namespace'),
      size: int(q.size, 'size', 1, 1000, 20),
      from: int(q.from, 'from', 0, 9999, 0),
      sort: oneOf(q.sort, 'sort', ['count', 'last_seen', 'first_seen'] as const, 'count'),
    };
  },

  timelineQuery: (raw: unknown) => {
    const q = record(raw, 'query');
    only(q, ['namespace', 'from', 'to'], 'query');
    return { namespace: optionalString(q.namespace, 'namespace'), ...range(q, 'now-7d') };
  },

  occurrencesQuery: (raw: unknown) => {
    const q = record(raw, 'query');
    only(q, ['indices', 'time_field', 'from', 'to', 'size'], 'query');
    const timeField = optionalString(q.time_field, 'time_field', 256) ?? '@timestamp';
    if (!/^[a-zA-Z0-9@_.\-]+$/.test(timeField)) bad('[time_field] must be a field name');
    return { indices: indices(q.indices, 'indices'), timeField, size: int(q.size, 'size', 1, 20, 5), ...range(q, 'now-24h') };
  },
};
