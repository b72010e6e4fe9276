import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Caller, WireResult } from '../api/dispatcher';

export interface WebServer {
  url: string;
  /** the address to open: the per-launch token travels in the fragment, which browsers never send */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

type Dispatch = (method: string, input: unknown, caller: Caller) => WireResult;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json', '.ico': 'image/x-icon',
};

// Same policy as the desktop window; Mantine injects <style> tags, hence 'unsafe-inline' for styles only.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
// A 50 MB spreadsheet (the import limit) is about 67 MB once base64-encoded.
const MAX_BODY = 72 * 1024 * 1024;

/**
 * Browser mode: the same renderer and the same dispatcher over HTTP on loopback only. Every API request
 * needs the per-launch token (a bearer header, so another site's form or image cannot send it), the exact
 * Host (against DNS rebinding) and, when the browser sends one, our own Origin.
 */
export function startWebServer(opts: { dispatch: Dispatch; staticDir: string; port?: number }): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(`Bearer ${token}`);
  let origin = '';

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (`http://${host}` !== origin) return send(res, 421, { error: { kind: 'forbidden', message: 'Endereço não permitido.' } });
      if (req.url?.startsWith('/api/')) return await api(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: { kind: 'forbidden', message: 'Método não permitido.' } });
      return await serveStatic(req, res);
    } catch {
      send(res, 500, { error: { kind: 'internal', message: 'Erro inesperado no servidor local.' } });
    }
  });

  async function api(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST' || req.url !== '/api/call') return send(res, 404, { error: { kind: 'not_found', message: 'Endereço desconhecido.' } });
    if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, { error: { kind: 'forbidden', message: 'Origem não permitida.' } });
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== tokenBuf.length || !timingSafeEqual(auth, tokenBuf)) {
      return send(res, 401, { error: { kind: 'forbidden', message: 'Acesso negado: abra o EmDia pelo endereço mostrado ao iniciar.' } });
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: { kind: 'validation', message: 'Envie JSON.' } });
    const body = await readBody(req);
    let parsed: { method?: unknown; input?: unknown };
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, { error: { kind: 'validation', message: 'JSON inválido.', issues: [] } });
    }
    if (typeof parsed.method !== 'string') return send(res, 400, { error: { kind: 'validation', message: 'Informe o método.', issues: [] } });
    const session = req.headers['x-emdia-session'];
    const result = opts.dispatch(parsed.method, parsed.input, { transport: 'http', sessionId: typeof session === 'string' ? session : null });
    send(res, 200, result);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse) {
    const path = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    const rel = normalize(path === '/' ? '/index.html' : path);
    const file = join(opts.staticDir, rel);
    if (!file.startsWith(opts.staticDir + sep)) return send(res, 404, { error: { kind: 'not_found', message: 'Não encontrado.' } });
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      send(res, 404, { error: { kind: 'not_found', message: 'Não encontrado.' } });
    }
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: origin,
        openUrl: `${origin}/#token=${token}`,
        token,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
