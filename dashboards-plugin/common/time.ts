/** The one time-range helper: relative ("now-24h") or absolute (ISO, epoch ms) bounds → epoch ms. */
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseTime(value: string | number | undefined | null, now: number = Date.now()): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const v = value.trim();
  if (v === 'now') return now;
  const rel = /^now-(\d+)([smhdw])$/.exec(v);
  if (rel) return now - Number(rel[1]) * UNITS[rel[2]];
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/** Parses "1m", "30s", "2h" into milliseconds; null when it is not such an interval. */
export function parseInterval(value: string | undefined | null): number | null {
  const m = /^(\d+)([smhdw])$/.exec((value ?? '').trim());
  return m ? Number(m[1]) * UNITS[m[2]] : null;
}

const NICE_INTERVALS = [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 10800, 21600, 43200, 86400, 604800].map((s) => s * 1000);

/** Smallest nice bucket width that covers [from, to] in at most maxBuckets buckets. */
export function bucketInterval(from: number, to: number, maxBuckets: number, minimum = 1000): number {
  const raw = Math.max(minimum, Math.ceil((to - from) / maxBuckets));
  return NICE_INTERVALS.find((i) => i >= raw) ?? Math.ceil(raw / 86_400_000) * 86_400_000;
}
