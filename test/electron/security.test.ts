import { describe, it, expect, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAllowedExternalUrl, isAllowedPermission, isTrustedSenderUrl, rendererEntryUrl } from '../../electron/url-policy';
import { createSessionRouter, UNEXPECTED_ERROR, type Dispatch } from '../../electron/session-router';

// Only pure modules here: the 'electron' package's main export throws outside Electron.

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://wa.me/5511987654321?text=Ol%C3%A1',
    'https://WA.ME/5511987654321',
    'mailto:cliente@example.com',
    'tel:+5511987654321',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://wa.me/5511987654321',
    'https://wa.me.evil.com/5511987654321',
    'https://wa.me@evil.com/',
    'https://user:pw@wa.me/1',
    'https://wa.me:8443/1',
    'https://api.whatsapp.com.evil.com/send',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://example.com',
    'not a url',
    '',
  ])('denies %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('isTrustedSenderUrl', () => {
  const root = path.resolve('/opt/em dia/app');
  const page = rendererEntryUrl(root);

  it('accepts our page, with any hash or query the router adds', () => {
    expect(page.endsWith('/dist/renderer/index.html')).toBe(true);
    expect(isTrustedSenderUrl(page, root)).toBe(true);
    expect(isTrustedSenderUrl(`${page}#/clientes/123`, root)).toBe(true);
    expect(isTrustedSenderUrl(`${page}?tela=1`, root)).toBe(true);
  });

  it('refuses any other page, scheme or host', () => {
    expect(isTrustedSenderUrl(page.replace('index.html', 'other.html'), root)).toBe(false);
    expect(isTrustedSenderUrl(rendererEntryUrl(path.resolve('/opt/other')), root)).toBe(false);
    expect(isTrustedSenderUrl(page.replace('file:///', 'file://evil-host/'), root)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/dist/renderer/index.html', root)).toBe(false);
    expect(isTrustedSenderUrl('about:blank', root)).toBe(false);
    expect(isTrustedSenderUrl('', root)).toBe(false);
  });

  it('compares case-insensitively only when asked (Windows)', () => {
    const upper = page.replace('/dist/renderer/', '/DIST/Renderer/');
    expect(isTrustedSenderUrl(upper, root, false)).toBe(false);
    expect(isTrustedSenderUrl(upper, root, true)).toBe(true);
  });
});

describe('isAllowedPermission', () => {
  const root = path.resolve('/opt/emdia');
  const page = rendererEntryUrl(root);
  it('allows only a sanitized clipboard write, and only from our page', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', page, root)).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.com/', root)).toBe(false);
    for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(isAllowedPermission(p, page, root)).toBe(false);
    }
  });
});

describe('session router (per-window session, kept out of the page)', () => {
  const user = { id: 'u1', name: 'Ana', role: 'owner' };
  const fakeBackend = () => {
    const dispatch = vi.fn<Dispatch>((method, _input, caller) => {
      if (method === 'session.login' || method === 'setup.store') return { sessionId: 'secret-1', user };
      if (method === 'session.me') return caller.sessionId ? { user } : { error: { kind: 'forbidden', message: 'x' } };
      if (method === 'boom') throw new Error('disk full at /home/x');
      return { ok: true };
    });
    return { dispatch, router: createSessionRouter(dispatch) };
  };

  it('remembers the session after login, strips it from the answer, and clears it on logout', async () => {
    const { dispatch, router } = fakeBackend();
    expect(await router.call(1, 'session.login', { userId: 'u1', pin: '1234' })).toEqual({ user });
    await router.call(1, 'session.me', {});
    expect(dispatch).toHaveBeenLastCalledWith('session.me', {}, { transport: 'ipc', sessionId: 'secret-1' });
    // Another window has its own (empty) session.
    expect(await router.call(2, 'session.me', {})).toMatchObject({ error: { kind: 'forbidden' } });
    await router.call(1, 'session.logout', {});
    expect(dispatch).toHaveBeenLastCalledWith('session.logout', {}, { transport: 'ipc', sessionId: 'secret-1' });
    expect(router.hasSession(1)).toBe(false);
    await router.call(1, 'session.me', {});
    expect(dispatch).toHaveBeenLastCalledWith('session.me', {}, { transport: 'ipc', sessionId: null });
  });

  it('turns an unexpected throw into the plain internal error, never a stack trace', async () => {
    const { router } = fakeBackend();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await router.call(1, 'boom', {})).toEqual(UNEXPECTED_ERROR);
    expect(await router.call(1, 42, {})).toMatchObject({ error: { kind: 'validation' } });
  });

  it('keeps the owner logged in after the first-start setup, as after a login', async () => {
    const { dispatch, router } = fakeBackend();
    expect(await router.call(3, 'setup.store', { storeName: 'Loja' })).toEqual({ user });
    await router.call(3, 'session.me', {});
    expect(dispatch).toHaveBeenLastCalledWith('session.me', {}, { transport: 'ipc', sessionId: 'secret-1' });
  });

  it('ends the session when its window goes away', async () => {
    const { dispatch, router } = fakeBackend();
    await router.call(5, 'session.login', {});
    await router.forget(5);
    expect(dispatch).toHaveBeenLastCalledWith('session.logout', {}, { transport: 'ipc', sessionId: 'secret-1' });
    expect(router.hasSession(5)).toBe(false);
  });
});

describe('scripts/electronegativity.mjs', () => {
  const script = path.resolve(__dirname, '../../scripts/electronegativity.mjs');
  const runScan = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 90_000 });

  it('passes on electron/ (offline, every finding fixed or justified)', () => {
    const r = runScan();
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 120_000);

  it('fails on an insecure window', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emdia-eng-'));
    try {
      writeFileSync(
        path.join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false } });\n",
      );
      const r = runScan(dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
