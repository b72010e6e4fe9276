import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { isErrorResult } from '../../shared/contract/errors';

/**
 * The app (a dispatcher in this process) and CLI calls (other processes) write to the same file at the same
 * time. WAL lets readers go on; writers queue on the busy timeout; a writer that waits too long gets a clean
 * `conflict` with a pt-BR "tente de novo" and writes nothing. Every acknowledged payment is there.
 */
let t: TestBackend;
let clerk: Caller;
let customerId: string;

beforeEach(() => {
  t = testBackend();
  ({ clerk } = t.withPeople());
  ({ id: customerId } = t.ok<{ id: string }>('customers.create', { name: 'Rita Souza', cpf: '52998224725', phones: [] }, clerk));
  t.ok('sales.create', { customerId, date: '2026-06-01', description: 'Máquina de lavar', totalCents: 900_000, installmentCount: 10, firstDueDate: '2026-07-01' }, clerk);
});
afterEach(() => t.close());

function cli(method: string, input: unknown): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['bin/emdia.mjs', 'call', method, JSON.stringify(input), '--db', t.file, '--today', '2026-11-23'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => done({ code, out, err }));
  });
}

const paidCents = () => (t.store.sqlite.prepare('SELECT COALESCE(SUM(amount_cents), 0) AS s FROM payments').get() as { s: number }).s;

describe('two writers on one file', () => {
  it('the app and three CLI calls pay at the same time: each succeeds or fails cleanly, nothing is lost', async () => {
    const calls = [1, 2, 3].map((i) => cli('payments.receive', { customerId, amountCents: 1000 * i, method: 'pix', idempotencyKey: `cli-${i}` }));
    let running = true;
    void Promise.all(calls).then(() => (running = false));
    const appPaid: number[] = [];
    const appRefused: string[] = [];
    for (let i = 0; running || i < 20; i++) {
      const r = t.raw('payments.receive', { customerId, amountCents: 100, method: 'cash', idempotencyKey: `app-${i}` }, clerk);
      if (isErrorResult(r)) appRefused.push(`${r.error.kind}: ${r.error.message}`);
      else appPaid.push(100);
      await new Promise((r) => setTimeout(r, 5)); // the counter's pace; lets the CLI processes in
    }
    const results = await Promise.all(calls);
    let cliPaid = 0;
    for (const [i, r] of results.entries()) {
      const body = JSON.parse(r.out);
      if (r.code === 0) cliPaid += 1000 * (i + 1);
      else {
        expect(r.code, r.err).toBe(2);
        expect(body.error.kind).toBe('conflict');
        expect(body.error.message).toMatch(/tente de novo/i);
      }
    }
    for (const m of appRefused) expect(m).toMatch(/^conflict: .*tente de novo/i);
    expect(paidCents()).toBe(appPaid.length * 100 + cliPaid);
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(cliPaid).toBeGreaterThan(0); // busy timeout: the CLI calls waited their turn instead of failing
  }, 60_000);

  it('a writer held up longer than the busy timeout gets "tente de novo" and writes nothing', async () => {
    const before = paidCents();
    // The app in the middle of a long write (an import, say): holds the write lock beyond the 5 s timeout.
    t.store.sqlite.exec('BEGIN IMMEDIATE');
    let r: Awaited<ReturnType<typeof cli>>;
    try {
      r = await cli('payments.receive', { customerId, amountCents: 777, method: 'cash' });
    } finally {
      t.store.sqlite.exec('ROLLBACK');
    }
    expect(r.code, r.err.slice(0, 3000)).toBe(2);
    const { error } = JSON.parse(r.out);
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/Tente de novo/);
    expect(paidCents()).toBe(before);
    // And once the lock is gone the same call goes through.
    const again = await cli('payments.receive', { customerId, amountCents: 777, method: 'cash' });
    expect(again.code, again.err).toBe(0);
    expect(paidCents()).toBe(before + 777);
  }, 60_000);
});
