import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { HttpError, toHttpError } from '../server/routes/http_error';
import { matchPath, ROUTES } from '../server/routes/route_table';
import type { Transport } from '../server/routes/transport';
import { nodeTransport } from './node_transport';

/**
 * Serves the standalone panel (the Vite build) and the panel's routes — the very handlers and
 * validators the OSD server registers — against one OpenSearch node.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (!chunks.length) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'request body must be JSON');
  }
}

export async function handleApi(client: Transport, method: string, pathname: string, query: Record<string, string>, rawBody: unknown) {
  for (const spec of ROUTES) {
    if (spec.method !== method.toLowerCase()) continue;
    const params = matchPath(spec.path, pathname);
    if (!params) continue;
    const req = {
      params: spec.validate.params ? spec.validate.params(params) : {},
      query: spec.validate.query ? spec.validate.query(query) : {},
      body: spec.validate.body ? spec.validate.body(rawBody) : undefined,
    };
    return spec.handler(client, req);
  }
  throw new HttpError(404, `no route for ${method} ${pathname}`);
}

export function startServer(opts: { url: string; port: number; host?: string; staticDir: string }) {
  const client = nodeTransport(opts.url);
  const root = resolve(opts.staticDir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      try {
        const body = await readJson(req);
        send(res, 200, await handleApi(client, req.method ?? 'GET', url.pathname, Object.fromEntries(url.searchParams), body));
      } catch (e) {
        const err = toHttpError(e);
        send(res, err.statusCode, { statusCode: err.statusCode, message: err.message });
      }
      return;
    }
    const file = normalize(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise<typeof server>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => ok(server));
  });
}

// Run as a program: AIOPS_URL, PORT (0 = any free port), STATIC_DIR.
if (process.argv[1] && /server\.(js|mjs|ts)$/.test(process.argv[1])) {
  const url = process.env.AIOPS_URL ?? 'http://127.0.0.1:9200';
  const port = Number(process.env.PORT ?? 5602);
  const staticDir = process.env.STATIC_DIR ?? join(process.cwd(), 'target/standalone/public');
  startServer({ url, port, staticDir }).then((server) => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`aiops panel: http://127.0.0.1:${actual}/ (OpenSearch ${url})`);
  }, (e) => {
    console.error(`aiops panel: cannot listen on port ${port}: ${e.message}`);
    process.exit(1);
  });
}
