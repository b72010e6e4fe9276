import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openStore, closeStore, type Store } from '../../db/open';
import { createDispatcher, type Caller } from '../../db/api/dispatcher';
import { isErrorResult } from '../../shared/contract/errors';
import { noonIn } from '../../shared/dates';

/**
 * A real SQLite file with the real migrations and a frozen clock (STYLE.md practice 10).
 * `clock.set('2026-12-01')` moves "today"; `asOwner/asClerk` call as a logged-in person over a given transport.
 */
export function testBackend(today = '2026-11-23') {
  const dir = mkdtempSync(join(tmpdir(), 'emdia-test-'));
  const file = join(dir, 'store.db');
  const store: Store = openStore(file);
  let now = noonIn(today, 'America/Sao_Paulo');
  const clock = { now: () => new Date(now.getTime()) };
  const { dispatch, sessions } = createDispatcher(store, clock);

  const raw = (method: string, input: unknown, caller: Caller = { transport: 'cli' }) => dispatch(method, input, caller);
  const ok = <T = any>(method: string, input: unknown = {}, caller?: Caller): T => {
    const r = raw(method, input, caller);
    if (isErrorResult(r)) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r as T;
  };
  const fail = (method: string, input: unknown = {}, caller?: Caller) => {
    const r = raw(method, input, caller);
    if (!isErrorResult(r)) throw new Error(`${method} should have failed, got ${JSON.stringify(r)}`);
    return r.error;
  };

  /** Sets up the store with an owner (PIN 1234) and a clerk (PIN 4321); returns their session callers. */
  function withPeople() {
    const setup = ok<{ sessionId: string }>('setup.store', { storeName: 'Loja Teste', state: 'SP', ownerName: 'Dona Maria', ownerPin: '1234' }, { transport: 'http' });
    const owner: Caller = { transport: 'http', sessionId: setup.sessionId };
    const { id: clerkId } = ok<{ id: string }>('users.create', { name: 'Carlos Atendente', role: 'clerk', pin: '4321' }, owner);
    const clerkLogin = ok<{ sessionId: string }>('session.login', { userId: clerkId, pin: '4321' }, { transport: 'http' });
    return { owner, clerk: { transport: 'http', sessionId: clerkLogin.sessionId } as Caller, clerkId };
  }

  const count = (table: string): number => (store.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  return {
    file,
    store,
    sessions,
    raw,
    ok,
    fail,
    withPeople,
    count,
    clock: { set: (day: string) => (now = noonIn(day, 'America/Sao_Paulo')), at: (d: Date) => (now = d) },
    close: () => {
      closeStore(store);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestBackend = ReturnType<typeof testBackend>;
