import type { Ctx } from '../context';
import type { MethodName } from '../../shared/contract/methods';
import type { Sessions } from './sessions';
import { ApiError } from '../../shared/contract/errors';
import { updateSettings } from '../usecases/settings';
import { createUser, listUsers, checkPin } from '../usecases/users';
import { createCustomer, updateCustomer, getCustomer, searchCustomers } from '../usecases/customers';
import { setupStatus, setupStore, assertNotConfigured } from '../usecases/setup';
import { buildDemoStore } from '../demo/build';
import { createSale, previewSale } from '../usecases/sales';
import { getSale } from '../usecases/sales-read';
import { quote, receive, reverse } from '../usecases/payments';
import { statement, receipt } from '../usecases/accounts';
import { importCsv } from '../usecases/import-csv';

export interface CallEnv {
  sessions: Sessions;
  sessionId: string | null;
}

/** A refusal whose writes must still be kept (a wrong PIN counts towards the lockout). */
export class Refusal {
  constructor(readonly error: ApiError) {}
}

type Handler = (ctx: Ctx, input: any, env: CallEnv) => unknown;

/** Method → use case. The dispatcher has already validated the input and the caller's role. */
export const handlers: Partial<Record<MethodName, Handler>> = {
  'setup.status': (ctx) => setupStatus(ctx),
  'setup.store': (ctx, input, env) => {
    const { ownerId } = setupStore(ctx, input);
    const user = { id: ownerId, name: input.ownerName, role: 'owner' as const };
    return { sessionId: env.sessions.open(user), user };
  },
  'setup.demo': (ctx, input) => {
    assertNotConfigured(ctx);
    const { users } = buildDemoStore(ctx.store, { customers: input.customers ?? 300, seed: input.seed ?? 1, today: ctx.today });
    return { users: users.map(({ id, name, role, pin }) => ({ id, name, role, pin })) };
  },
  'session.users': (ctx) => listUsers(ctx),
  'session.login': (ctx, input, env) => {
    const r = checkPin(ctx, input.userId, input.pin);
    if (!r.ok) return new Refusal(r.error);
    return { sessionId: env.sessions.open(r.user), user: r.user };
  },
  'session.logout': (_ctx, _input, env) => {
    env.sessions.close(env.sessionId);
    return { ok: true };
  },
  'session.me': (ctx) => ({ user: ctx.actor, storeName: ctx.settings.store.name, today: ctx.today }),

  'settings.get': (ctx) => ctx.settings,
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.list': (ctx) => listUsers(ctx),

  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, input) => updateCustomer(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.search': (ctx, input) => searchCustomers(ctx, input),

  'sales.preview': (ctx, input) => previewSale(ctx, input),
  'sales.create': (ctx, input) => createSale(ctx, input),
  'sales.get': (ctx, input) => getSale(ctx, input),
  'accounts.statement': (ctx, input) => statement(ctx, input),
  'payments.quote': (ctx, input) => quote(ctx, input),
  'payments.receive': (ctx, input) => receive(ctx, input),
  'payments.reverse': (ctx, input) => reverse(ctx, input),
  'payments.receipt': (ctx, input) => receipt(ctx, input),
  'import.csv': (ctx, input) => importCsv(ctx, input),
};
