import moment from 'moment';

export function formatTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? '—' : moment(ms).format('YYYY-MM-DD HH:mm:ss');
}

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : score.toFixed(3);
}

export function formatEntity(entity: Record<string, unknown> | null | undefined, key?: string | null): string {
  if (entity && Object.keys(entity).length) return Object.entries(entity).map(([k, v]) => `${k}=${v}`).join(', ');
  return key || '(all)';
}

/** A value of a possibly dotted field in a source document ("process.serviceName"). */
export function fieldValue(source: Record<string, unknown>, field: string): unknown {
  if (field in source) return source[field];
  return field.split('.').reduce<any>((o, k) => (o && typeof o === 'object' ? o[k] : undefined), source);
}
