import type { PanelHistory, PanelHttp } from '../public/services';

/** OSD's HttpSetup calls (get/post/put with `query` and a JSON string `body`) over fetch. */
export function fetchHttp(base = ''): PanelHttp {
  const call = async (method: string, path: string, options: { body?: string; query?: Record<string, any> } = {}) => {
    const qs = options.query ? new URLSearchParams(options.query as Record<string, string>).toString() : '';
    const res = await fetch(`${base}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers: options.body ? { 'content-type': 'application/json' } : undefined,
      body: options.body,
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(body?.message ?? res.statusText), { body, status: res.status });
    return body;
  };
  return {
    get: (path, options) => call('GET', path, options),
    post: (path, options) => call('POST', path, options),
    put: (path, options) => call('PUT', path, options),
  };
}

/** A history over the URL hash (`#/detectors/x`), the shape OSD's ScopedHistory offers the panel. */
export function hashHistory(): PanelHistory {
  const current = () => {
    const [pathname, search = ''] = (window.location.hash.replace(/^#/, '') || '/').split('?');
    return { pathname, search: search ? `?${search}` : '' };
  };
  return {
    get location() {
      return current();
    },
    push: (path: string) => {
      window.location.hash = path;
    },
    listen: (listener) => {
      const handler = () => listener(current());
      window.addEventListener('hashchange', handler);
      return () => window.removeEventListener('hashchange', handler);
    },
  };
}
