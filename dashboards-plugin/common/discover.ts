import type { DiscoverTarget } from './types';

/** Rison string literal: quotes only when needed, `!` and `'` escaped. */
function risonString(s: string): string {
  if (/^[a-zA-Z_][a-zA-Z0-9_.\-]*$/.test(s)) return s;
  return `'${s.replace(/!/g, '!!').replace(/'/g, "!'")}'`;
}

/**
 * Discover (OSD 3.x data explorer) URL showing the evidence: its time range and a KQL query.
 * Discover needs an index pattern for the indices; `indexPatternId` is used when the caller knows one.
 */
export function discoverUrl(basePath: string, target: DiscoverTarget, indexPatternId?: string): string {
  const from = new Date(target.from).toISOString();
  const to = new Date(target.to).toISOString();
  const g = `(filters:!(),time:(from:${risonString(from)},to:${risonString(to)}))`;
  const q = `(query:(language:kuery,query:${risonString(target.kql)}))`;
  const meta = indexPatternId ? `,metadata:(indexPattern:${risonString(indexPatternId)},view:discover)` : '';
  const a = `(discover:(columns:!(_source),isDirty:!f,sort:!())${meta})`;
  return `${basePath}/app/data-explorer/discover#?_a=${encodeURIComponent(a)}&_g=${encodeURIComponent(g)}&_q=${encodeURIComponent(q)}`;
}

/** KQL matching documents by id, or by entity field values. */
export function kqlForIds(ids: string[]): string {
  return ids.length ? `_id:(${ids.map((id) => JSON.stringify(id)).join(' or ')})` : '';
}

export function kqlForEntity(entity: Record<string, unknown> | null | undefined): string {
  if (!entity) return '';
  return Object.entries(entity)
    .map(([field, value]) => `${field}:${JSON.stringify(String(value))}`)
    .join(' and ');
}
