import { describe, expect, it } from 'vitest';
import { bucketInterval, discoverUrl, kqlForEntity, parseInterval, parseTime } from './index';

describe('time', () => {
  it('parses relative, ISO and epoch bounds', () => {
    expect(parseTime('now-24h', 100_000_000)).toBe(100_000_000 - 86_400_000);
    expect(parseTime('now', 5)).toBe(5);
    expect(parseTime('1700000000000')).toBe(1_700_000_000_000);
    expect(parseTime('2025-01-01T00:00:00Z')).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(parseTime('soon')).toBeNull();
    expect(parseInterval('5m')).toBe(300_000);
  });

  it('picks a nice bucket width within the bucket budget', () => {
    expect(bucketInterval(0, 6 * 3_600_000, 300)).toBe(120_000);
    expect(bucketInterval(0, 1000, 300)).toBe(1000);
  });
});

describe('discover', () => {
  it('links to Discover with the range and a KQL query', () => {
    const url = discoverUrl('/osd', { indices: ['m'], from: 0, to: 60_000, kql: kqlForEntity({ host: "web'2" }) });
    expect(url.startsWith('/osd/app/data-explorer/discover#?_a=')).toBe(true);
    const q = decodeURIComponent(url.split('&_q=')[1]);
    expect(q).toBe(`(query:(language:kuery,query:'host:"web!'2"'))`);
    expect(decodeURIComponent(url)).toContain("time:(from:'1970-01-01T00:00:00.000Z',to:'1970-01-01T00:01:00.000Z')");
  });
});
