import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { testBackend, type TestBackend } from '../support/backend';

/**
 * `npx emdia batch` (API.md) through the real CLI, as a store IT script runs it: one process, one JSON call per
 * line in, one answer per line out, in order; a malformed or refused line gets its error object and the run
 * goes on; exit 0 once every line was answered.
 */
let t: TestBackend;
let customerId: string;

beforeEach(() => {
  t = testBackend();
  t.withPeople();
  ({ id: customerId } = t.ok<{ id: string }>('customers.create', { name: 'Rita Souza', cpf: '52998224725', phones: [{ number: '17991234567' }] }));
  t.ok('sales.create', { customerId, date: '2026-06-01', description: 'Máquina de lavar', totalCents: 900_000, installmentCount: 10, firstDueDate: '2026-07-01' });
});
afterEach(() => t.close());

function run(args: string[], stdin: string, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['bin/emdia.mjs', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => done({ code, out, err }));
    p.stdin.end(stdin);
  });
}

const paymentRows = () => t.store.sqlite.prepare('SELECT date, amount_cents AS amountCents FROM payments').all() as { date: string; amountCents: number }[];

describe('npx emdia batch', () => {
  it('answers every line in order, one JSON per line, errors included, and exits 0', async () => {
    const pay = { method: 'payments.receive', input: { customerId, amountCents: 12_345, method: 'pix', idempotencyKey: 'caixa-1' } };
    const lines = [
      JSON.stringify({ method: 'customers.search', input: { query: 'rita' } }),
      '{ "method": "settings.get", ', // cut off: not JSON
      '',
      JSON.stringify(pay),
      JSON.stringify({ method: 'payments.receive', input: { customerId, amountCents: -5, method: 'pix' } }),
      JSON.stringify({ method: 'no.such.method', input: {} }),
      JSON.stringify([1, 2]),
      JSON.stringify(pay), // the same idempotency key: the first answer again, nothing paid twice
      JSON.stringify({ method: 'settings.get' }), // input may be left out
    ];
    const r = await run(['batch', '--db', t.file, '--today', '2026-11-20'], lines.join('\n') + '\n');
    expect(r.code, r.err).toBe(0);
    const out = r.out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(8); // the blank line is skipped
    expect(out[0].items.map((i: { name: string }) => i.name)).toEqual(['Rita Souza']);
    expect(out[1].error.kind).toBe('validation');
    expect(out[1].error.message).toMatch(/linha 2 não é um JSON válido/);
    expect(out[2].receiptNumber).toEqual(expect.any(String));
    expect(out[3].error.kind).toBe('validation');
    expect(out[3].error.issues.map((i: { path: string }) => i.path)).toContain('amountCents');
    expect(out[4].error.kind).toBe('not_found');
    expect(out[5].error.message).toMatch(/linha 7 precisa ser um objeto/);
    expect(out[6]).toEqual(out[2]);
    expect(out[7].store.name).toBe('Loja Teste');
    // --today fixed the clock for every line; one payment written, the refused one wrote nothing
    expect(paymentRows()).toEqual([{ date: '2026-11-20', amountCents: 12_345 }]);
  });

  it('an empty input answers nothing and exits 0; a bad --today is refused with exit 2', async () => {
    const empty = await run(['batch', '--db', t.file], '');
    expect(empty.code, empty.err).toBe(0);
    expect(empty.out).toBe('');
    const bad = await run(['batch', '--db', t.file, '--today', '20/11/2026'], JSON.stringify({ method: 'settings.get' }) + '\n');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--today deve ser AAAA-MM-DD/);
  });

  it('the prebuilt CLI bundle and the TypeScript sources (tsx) answer alike', async () => {
    const input = [JSON.stringify({ method: 'customers.search', input: { query: '5299822' } }), JSON.stringify({ method: 'accounts.statement', input: { customerId } })].join('\n');
    const bundled = await run(['batch', '--db', t.file, '--today', '2026-11-23'], input);
    const viaTsx = await run(['batch', '--db', t.file, '--today', '2026-11-23'], input, { ...process.env, EMDIA_CLI_TSX: '1' });
    expect(bundled.code, bundled.err).toBe(0);
    expect(viaTsx.code, viaTsx.err).toBe(0);
    expect(bundled.out).toBe(viaTsx.out);
    expect(bundled.out.split('\n')[0]).toContain('Rita Souza');
  }, 30_000);
});
