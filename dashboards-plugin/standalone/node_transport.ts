import type { Transport, TransportRequest } from '../server/routes/transport';

/**
 * The standalone twin of OSD's `asCurrentUser.transport`: `request({method, path, body, querystring})`
 * against one node's REST API; rejects with `statusCode` and the response body as the OSD client does.
 */
export function nodeTransport(baseUrl: string, headers: Record<string, string> = {}): Transport {
  const base = baseUrl.replace(/\/$/, '');
  return {
    async request({ method, path, body, querystring }: TransportRequest) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(querystring ?? {})) if (v !== undefined) qs.set(k, String(v));
      const url = `${base}${path}${qs.size ? `?${qs}` : ''}`;
      const res = await fetch(url, {
        method,
        headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      let parsed: any = text;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        // not JSON: keep the text
      }
      if (!res.ok) {
        throw Object.assign(new Error(`${method} ${path}: ${res.status}`), { statusCode: res.status, body: parsed, meta: { statusCode: res.status, body: parsed } });
      }
      return { body: parsed, statusCode: res.status };
    },
  };
}
