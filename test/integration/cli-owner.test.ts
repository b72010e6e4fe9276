import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openStore, closeStore } from '../../db/open';

// "The CLI acts as the owner" (API.md), even on a store that has no owner user yet (issue 8 §5): the real
// `emdia` binary against a fresh file. Owner-only actions need no PIN there; an agreement beyond the margins
// still does, whoever calls.

const dir = mkdtempSync(join(tmpdir(), 'emdia-cli-owner-'));
const db = join(dir, 'store.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const emdia = (method: string, input: unknown, today = '2026-11-23') => {
  const r = spawnSync(process.execPath, ['bin/emdia.mjs', 'call', method, JSON.stringify(input), '--db', db, '--today', today], { encoding: 'utf8' });
  return { code: r.status, body: r.stdout ? JSON.parse(r.stdout) : null, err: r.stderr };
};
const count = (sql: string) => {
  const store = openStore(db);
  try {
    return (store.sqlite.prepare(sql).get() as { n: number }).n;
  } finally {
    closeStore(store);
  }
};

describe('npx emdia call on a store without an owner', () => {
  let customerId: string;
  let paymentId: string;

  it('sells and receives on a fresh file (no setup, no users)', () => {
    const c = emdia('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, '2026-09-13');
    expect(c.code).toBe(0);
    customerId = c.body.id;
    expect(emdia('sales.create', { customerId, date: '2026-09-13', description: 'Geladeira', totalCents: 45000, installmentCount: 3, firstDueDate: '2026-10-13' }, '2026-09-13').code).toBe(0);
    const p = emdia('payments.receive', { customerId, amountCents: 5000, method: 'cash' });
    expect(p.code).toBe(0);
    paymentId = p.body.id;
    expect(count('SELECT COUNT(*) AS n FROM users')).toBe(0);
  });

  it('payments.reverse goes through as the owner, without a PIN, and is audited as the command line', () => {
    const r = emdia('payments.reverse', { paymentId, reason: 'Lançado em duplicidade' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(count(`SELECT COUNT(*) AS n FROM reversals WHERE payment_id = '${paymentId}' AND approved_by IS NULL AND created_by IS NULL`)).toBe(1);
    // Owner-only reads too: the audit trail names the command line.
    const audit = emdia('audit.list', { kind: 'reversals' });
    expect(audit.code).toBe(0);
    expect(audit.body.items).toMatchObject([{ method: 'payments.reverse', userName: 'Linha de comando', via: 'Linha de comando', details: expect.stringContaining('Lançado em duplicidade') }]);
    // Reversed once only.
    const again = emdia('payments.reverse', { paymentId, reason: 'De novo' });
    expect(again.code).toBe(2);
    expect(again.body.error.kind).toBe('conflict');
  });

  it('an agreement beyond the margins still needs an owner PIN, from the CLI too', () => {
    const debt = emdia('offers.compute', { customerId }).body.debt;
    const discount = Math.floor(debt.principalCents / 2);
    const terms = { customerId, discountCents: discount, downPaymentCents: debt.totalCents - discount, installmentCount: 0, monthlyRatePct: 0, firstDueDate: '2026-11-23' };
    const r = emdia('agreements.create', terms);
    expect(r.code).toBe(2);
    expect(r.body.error).toMatchObject({ kind: 'limit_exceeded', issues: [{ path: 'approvalPin' }] });
    // No owner exists, so no PIN can match.
    const withPin = emdia('agreements.create', { ...terms, approvalPin: '1234' });
    expect(withPin.code).toBe(2);
    expect(withPin.body.error.kind).toBe('limit_exceeded');
    expect(count('SELECT COUNT(*) AS n FROM agreements')).toBe(0);
  });
});
