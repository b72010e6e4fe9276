import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { testBackend, type TestBackend } from '../support/backend';
import { startWebServer, type WebServer } from '../../db/server/http';

let t: TestBackend;
let web: WebServer;
beforeAll(async () => {
  t = testBackend();
  const staticDir = mkdtempSync(join(tmpdir(), 'emdia-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>EmDia</title>');
  web = await startWebServer({ dispatch: (m, i, c) => t.raw(m, i, c), staticDir });
});
afterAll(async () => {
  await web.close();
  t.close();
});

/** A raw request, so the test controls every header a browser or an attacker could send. */
function send(opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const url = new URL(web.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: opts.path ?? '/api/call', method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => {
        let body: unknown = data;
        try {
          body = JSON.parse(data);
        } catch {}
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const good = () => ({ Host: new URL(web.url).host, Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' });
const callBody = JSON.stringify({ method: 'setup.status', input: {} });

describe('browser mode server', () => {
  it('binds to loopback and prints an address whose token travels in the fragment', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(web.openUrl).toBe(`${web.url}/#token=${web.token}`);
  });

  it('answers a call that carries the per-launch token', async () => {
    const r = await send({ headers: good(), body: callBody });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ configured: false, storeName: null, hasUsers: false });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    const { Authorization: _a, ...noToken } = good();
    expect((await send({ headers: noToken, body: callBody })).status).toBe(401);
    const wrong = await send({ headers: { ...good(), Authorization: 'Bearer errado' }, body: callBody });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/Acesso negado/);
  });

  it('refuses another origin, another Host (DNS rebinding) and non-JSON bodies', async () => {
    expect((await send({ headers: { ...good(), Origin: 'http://evil.example' }, body: callBody })).status).toBe(403);
    expect((await send({ headers: { ...good(), Host: 'evil.example:80' }, body: callBody })).status).toBe(421);
    expect((await send({ headers: { ...good(), 'Content-Type': 'text/plain' }, body: callBody })).status).toBe(415);
  });

  it('serves the app with a CSP and never a file outside its folder', async () => {
    const page = await send({ path: '/', method: 'GET', headers: { Host: new URL(web.url).host } });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const escape = await send({ path: '/../../../etc/passwd', method: 'GET', headers: { Host: new URL(web.url).host } });
    expect(escape.status).toBe(404);
  });

  it('keeps owner-only methods owner-only over HTTP too', async () => {
    const setup = await send({ headers: good(), body: JSON.stringify({ method: 'setup.store', input: { storeName: 'Loja', state: 'SP', ownerName: 'Dona Maria', ownerPin: '1234' } }) });
    const owner = { ...good(), 'X-EmDia-Session': setup.body.sessionId };
    const clerk = await send({ headers: owner, body: JSON.stringify({ method: 'users.create', input: { name: 'Carlos', role: 'clerk', pin: '4321' } }) });
    const login = await send({ headers: good(), body: JSON.stringify({ method: 'session.login', input: { userId: clerk.body.id, pin: '4321' } }) });
    const asClerk = { ...good(), 'X-EmDia-Session': login.body.sessionId };
    const r = await send({ headers: asClerk, body: JSON.stringify({ method: 'settings.update', input: { policy: { graceDays: 9 } } }) });
    expect(r.body.error.kind).toBe('forbidden');
  });
});
