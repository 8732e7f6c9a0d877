import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { stat } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Serves the H5 build and proxies `/api/*` to the local API server on the same origin, the way the
 * deployed app reaches API Gateway, so the browser needs no CORS and the app keeps its relative base.
 */
export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** Folder holding index.html and the static assets. */
  root: string;
  /** Where `/api/*` goes, with the `/api` prefix removed, e.g. `http://127.0.0.1:3100`. */
  apiUrl: string;
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
}

const API_PREFIX = '/api';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Request headers that describe one hop only and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function forwardableHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const kept: IncomingMessage['headers'] = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

function proxyToApi(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const path = req.url!.slice(API_PREFIX.length) || '/';
  const upstream = httpRequest(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: target.pathname.replace(/\/$/, '') + (path.startsWith('/') ? path : `/${path}`),
      headers: { ...forwardableHeaders(req.headers), host: target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, forwardableHeaders(answer.headers));
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) {
      res.destroy(error);
      return;
    }
    res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    // Same error shape as the API itself, so the app shows the message like any other failure.
    res.end(JSON.stringify({ error: { code: 'API_UNREACHABLE', message: '本地接口服务未响应，请检查它是否已启动。' } }));
  });
  req.pipe(upstream);
}

async function fileIfExists(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) return fileIfExists(join(path, 'index.html'));
  } catch {
    // Missing files fall through to the SPA entry.
  }
  return undefined;
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url!, 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const candidate = normalize(join(root, pathname));
  if (candidate !== root && !candidate.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  // A path without a file behind it is a client-side route: the single-page app decides what to show.
  const looksLikeAsset = extname(pathname) !== '';
  const file = (await fileIfExists(candidate)) ?? (looksLikeAsset ? undefined : await fileIfExists(join(root, 'index.html')));
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const info = await stat(file);
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Scripts, styles and pages shrink to a fraction with gzip: a slow phone network feels every kilobyte.
  const compress = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': type,
    ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': info.size }),
    // A local server sees a new build after every change: let the browser revalidate everything.
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  if (compress) stream.pipe(createGzip()).pipe(res);
  else stream.pipe(res);
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json)|image\/svg)/;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const root = resolve(options.root);
  const target = new URL(options.apiUrl);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}?`)) {
      proxyToApi(target, req, res);
      return;
    }
    serveStatic(root, req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy(error);
    });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 0, '127.0.0.1', () => listening());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
