import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import { createHeavyDispatch } from '../../electron/heavy-dispatch';
import { HEAVY_METHODS } from '../../electron/heavy-methods';
import type { Caller } from '../../db/api/dispatcher';
import type { IpcCaller } from '../../electron/session-router';
import { noonIn } from '../../shared/dates';
import { join, resolve } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * The desktop host's worker path under plain Node (the Electron binary cannot run here): heavy reports go to a
 * worker thread with its own connection and its own dispatcher, answer exactly what the main thread would, keep
 * the session's role checks, and leave the main thread free meanwhile. The worker is electron/heavy-worker.ts
 * bundled as scripts/build-electron.mjs bundles it for the app (CommonJS, better-sqlite3 outside).
 */
let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let customerId: string;
let heavy: ReturnType<typeof createHeavyDispatch>;
let bundleDir: string;
const asIpc = (c: Caller): IpcCaller => ({ transport: 'ipc', sessionId: c.sessionId });

beforeAll(async () => {
  // inside the checkout, so the bundle finds node_modules/better-sqlite3 as dist-electron/ does
  mkdirSync(resolve('.cache'), { recursive: true });
  bundleDir = mkdtempSync(join(resolve('.cache'), 'test-heavy-worker-'));
  await build({
    absWorkingDir: resolve('.'),
    entryPoints: { 'heavy-worker': 'electron/heavy-worker.ts' },
    outdir: bundleDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3'],
    define: { 'import.meta.url': '__emdiaImportMetaUrl' },
    banner: { js: "const __emdiaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  // as electron/main.ts sets it before the worker starts: the bundle no longer sits next to db/migrations
  process.env.EMDIA_MIGRATIONS_DIR = resolve('db/migrations');
  t = testBackend();
  ({ owner, clerk } = t.withPeople());
  ({ id: customerId } = t.ok<{ id: string }>('customers.create', { name: 'Rita Souza', cpf: '52998224725', phones: [{ number: '17991234567' }] }, clerk));
  t.ok('sales.create', { customerId, date: '2026-06-01', description: 'Máquina de lavar', totalCents: 900_000, installmentCount: 10, firstDueDate: '2026-07-01' }, clerk);
  t.ok('payments.receive', { customerId, amountCents: 90_000, method: 'pix', date: '2026-07-01' }, clerk);
  heavy = createHeavyDispatch({
    dbPath: t.file,
    // the main thread's dispatch, as electron/main.ts passes the guarded backend's
    dispatch: (method, input, caller) => t.raw(method, input, caller as Caller),
    workerFile: join(bundleDir, 'heavy-worker.cjs'),
    fixedNow: noonIn('2026-11-23', 'America/Sao_Paulo').toISOString(),
  });
}, 60_000);
afterAll(async () => {
  await heavy.close();
  t.close();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('heavy reads in a worker thread', () => {
  it('dashboard.weekly, customers.export and reminders.list answer from the worker exactly as from the main thread', async () => {
    for (const [method, input] of [
      ['dashboard.weekly', { from: '2026-06-01', to: '2026-11-22' }],
      ['customers.export', { id: customerId }],
      ['reminders.list', {}],
    ] as const) {
      expect(HEAVY_METHODS.has(method)).toBe(true);
      const before = heavy.served();
      const pending = heavy.dispatch(method, input, asIpc(owner));
      expect(pending).toBeInstanceOf(Promise); // not answered in this thread
      const fromWorker = await pending;
      expect(heavy.served()).toBe(before + 1);
      expect(fromWorker).toEqual(t.raw(method, input, owner));
      expect(JSON.stringify(fromWorker)).not.toContain('"error"');
    }
  }, 60_000);

  it('the main thread keeps running while the worker works (its timers fire)', async () => {
    heavy.reset(); // a cold worker: starting it and opening the file is the slowest part
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    const r = await heavy.dispatch('dashboard.weekly', { from: '2024-01-01', to: '2026-11-22' }, asIpc(owner));
    const elapsed = Date.now() - started;
    clearInterval(timer);
    expect(JSON.stringify(r)).not.toContain('"error"');
    // a blocked event loop would show 0 or 1 tick for the whole wait
    expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 20));
  }, 60_000);

  it('the worker sees what the main thread just wrote (its own connection, the committed data)', async () => {
    t.ok('customers.update', { id: customerId, name: 'Rita de Souza Lima' }, clerk);
    const exported = (await heavy.dispatch('customers.export', { id: customerId }, asIpc(owner))) as Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain('Rita de Souza Lima');
  }, 60_000);

  it('keeps the rules: a clerk is refused, no session is refused, bad input names the field — all in pt-BR', async () => {
    const asClerk = (await heavy.dispatch('dashboard.weekly', { from: '2026-06-01', to: '2026-11-22' }, asIpc(clerk))) as { error: { kind: string; message: string } };
    expect(asClerk.error.kind).toBe('forbidden');
    expect(asClerk.error.message).toMatch(/Somente o dono/);
    const nobody = (await heavy.dispatch('dashboard.weekly', { from: '2026-06-01', to: '2026-11-22' }, { transport: 'ipc', sessionId: null })) as { error: { kind: string } };
    expect(nobody.error.kind).toBe('forbidden');
    const bad = (await heavy.dispatch('dashboard.weekly', { from: 'ontem', to: '2026-11-22' }, asIpc(owner))) as { error: { kind: string; issues: { path: string }[] } };
    expect(bad.error.kind).toBe('validation');
    expect(bad.error.issues.map((i) => i.path)).toContain('from');
  }, 60_000);

  it('everything else stays in the main thread and answers at once', () => {
    const before = heavy.served();
    const r = heavy.dispatch('accounts.statement', { customerId }, asIpc(clerk));
    expect(r).not.toBeInstanceOf(Promise);
    expect((r as { installments: unknown[] }).installments).toHaveLength(10);
    // backup.create with background (the screen's way) stays; the waiting form would go to the worker
    expect(heavy.served()).toBe(before);
  });
});
