import { BACKEND, BACKEND_BASE } from '../common/paths';
import { statusOf } from '../server/routes/http_error';
import type { Transport, TransportRequest } from '../server/routes/transport';

/**
 * For trying the detector pages before the backend's detector API exists (AIOPS_CONTRACT_STUB=1, standalone
 * only): answers the contract's detector and result calls from two plain indices of the same node, so every
 * search and aggregation the route handlers send still runs on real OpenSearch. Calls the real plugin
 * answers are passed through; the stub only takes over when the node has no handler for the path.
 */
export const STUB_DETECTORS = 'aiops-stub-detectors';
export const STUB_RESULTS = 'aiops-stub-results';

function noHandler(e: unknown): boolean {
  const body = (e as any)?.body;
  const msg = typeof body?.error === 'string' ? body.error : JSON.stringify(body ?? '');
  return (statusOf(e) === 400 || statusOf(e) === 405) && /no handler found/.test(msg);
}

export function contractStub(real: Transport): Transport {
  const stub = async (req: TransportRequest): Promise<{ body: any }> => {
    const path = req.path;
    const m = (re: RegExp) => re.exec(path.slice(BACKEND.detectors.length));
    if (req.method === 'POST' && path === BACKEND.resultSearch) {
      const { detector_ids = [], query, ...rest } = (req.body ?? {}) as any;
      const filter: unknown[] = [{ terms: { detector_id: detector_ids } }];
      if (query) filter.push(query);
      return real.request({ method: 'POST', path: `/${STUB_RESULTS}/_search`, body: { ...rest, query: { bool: { filter } } } });
    }
    if (req.method === 'POST' && path === BACKEND.detectorSearch) {
      const { body } = await real.request({ method: 'POST', path: `/${STUB_DETECTORS}/_search`, body: req.body });
      body.hits.hits = body.hits.hits.map((h: any) => ({ ...h, _source: h._source.detector }));
      return { body };
    }
    if (req.method === 'POST' && path === BACKEND.detectors) {
      const { body } = await real.request({
        method: 'POST',
        path: `/${STUB_DETECTORS}/_doc`,
        querystring: { refresh: 'true' },
        body: { detector: req.body, state: 'created' },
      });
      return { body: { _id: body._id, detector: req.body } };
    }
    let g = m(/^\/([^/_][^/]*)$/);
    if (g) {
      const id = decodeURIComponent(g[1]);
      if (req.method === 'GET') {
        const { body } = await real.request({ method: 'GET', path: `/${STUB_DETECTORS}/_doc/${encodeURIComponent(id)}` });
        return { body: { _id: id, detector: body._source.detector, state: body._source.state } };
      }
      if (req.method === 'PUT') {
        await real.request({
          method: 'POST',
          path: `/${STUB_DETECTORS}/_update/${encodeURIComponent(id)}`,
          querystring: { refresh: 'true' },
          body: { doc: { detector: req.body } },
        });
        return { body: { _id: id, detector: req.body } };
      }
    }
    g = m(/^\/([^/]+)\/_(start|stop|profile)$/);
    if (g) {
      const id = decodeURIComponent(g[1]);
      const doc = `/${STUB_DETECTORS}/_doc/${encodeURIComponent(id)}`;
      if (g[2] === 'profile') {
        const { body } = await real.request({ method: 'GET', path: doc });
        const last = await real.request({
          method: 'POST',
          path: `/${STUB_RESULTS}/_search`,
          body: { size: 0, query: { term: { detector_id: id } }, aggs: { t: { max: { field: 'execution_time' } } } },
        });
        return { body: { state: body._source.state, last_run: { time: last.body.aggregations.t.value } } };
      }
      const state = g[2] === 'start' ? 'running' : 'stopped';
      await real.request({ method: 'POST', path: `/${STUB_DETECTORS}/_update/${encodeURIComponent(id)}`, querystring: { refresh: 'true' }, body: { doc: { state } } });
      return { body: { _id: id, state } };
    }
    throw Object.assign(new Error(`stub: no handler for ${req.method} ${path}`), { statusCode: 400, body: { error: `no handler found for uri [${path}]` } });
  };

  return {
    async request(req) {
      if (!req.path.startsWith(`${BACKEND_BASE}/detectors`)) return real.request(req);
      try {
        return await real.request(req);
      } catch (e) {
        if (!noHandler(e)) throw e;
        return stub(req);
      }
    },
  };
}
