import { and, eq, isNull } from 'drizzle-orm';
import type { Store } from '../open';
import type { Clock } from '../clock';
import type { Ctx } from '../context';
import { uuid } from '../context';
import { methods, type MethodName } from '../../shared/contract/methods';
import { ApiError, type ApiErrorBody } from '../../shared/contract/errors';
import { validationBody } from '../../shared/contract/labels';
import type { UserPublic } from '../../shared/contract/people';
import { todayIn } from '../../shared/dates';
import { audit, idempotency, users } from '../schema';
import { loadSettings, isStoreConfigured } from '../usecases/settings';
import { ensureProjectionDay, syncStandings } from '../projections/standings';
import { handlers, Refusal } from './handlers';
import { Sessions } from './sessions';
import { beforeTransaction } from '../backup/hooks';
import { settleBureauRecords } from '../usecases/formal';

export interface Caller {
  transport: 'ipc' | 'http' | 'cli';
  sessionId?: string | null;
}
export type WireResult = unknown | { error: ApiErrorBody };

const INTERNAL_MESSAGE = 'Erro inesperado. Nada foi gravado. Tente de novo; se continuar, chame o suporte.';

/** Methods this build implements; later issues add theirs to `handlers`. */
export const implementedMethods = (): MethodName[] => (Object.keys(methods) as MethodName[]).filter((m) => handlers[m]);

/**
 * The one path into EmDia for every transport: validate with the contract's schema, check the caller's role,
 * run the use case in one SQLite transaction, append an audit row for every write, and answer with the result
 * or the API.md error object. A failed call changes nothing.
 */
export function createDispatcher(store: Store, clock: Clock, sessions = new Sessions()) {
  const cliActor = (): UserPublic => {
    // "The CLI acts as the owner" (API.md): as the first owner when one exists, so audit rows name a person.
    const owner = store.db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.role, 'owner'), isNull(users.deletedAt))).get();
    return owner ? { id: owner.id, name: owner.name, role: 'owner' } : { id: '', name: 'Linha de comando', role: 'owner' };
  };

  function dispatch(method: string, rawInput: unknown, caller: Caller): WireResult {
    try {
      if (!Object.hasOwn(methods, method) || !handlers[method as MethodName]) {
        throw new ApiError('not_found', `Método desconhecido: ${method}. Veja a lista com "npx emdia methods".`);
      }
      const name = method as MethodName;
      const spec = methods[name];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) return { error: validationBody(parsed.error) };
      const input = parsed.data as Record<string, unknown>;

      const actor = caller.transport === 'cli' ? cliActor() : sessions.get(caller.sessionId);
      if (spec.role !== 'public' && !actor) throw new ApiError('forbidden', 'Entre com seu usuário e PIN para continuar.', [{ path: 'session', message: 'Sessão encerrada.' }]);
      if (spec.role === 'owner' && actor?.role !== 'owner') throw new ApiError('forbidden', 'Somente o dono da loja pode fazer isto.');

      return run(name, input, actor, caller);
    } catch (e) {
      return { error: toErrorBody(e) };
    }
  }

  function run(name: MethodName, input: Record<string, unknown>, actor: UserPublic | null, caller: Caller): WireResult {
    const spec = methods[name];
    const now = clock.now();
    const settings = loadSettings(store.db);
    const device = settings.store.deviceCode;
    const ctx: Ctx = {
      store,
      db: store.db,
      now,
      today: todayIn(settings.store.timeZone, now),
      settings,
      actor: actor && actor.id ? actor : null,
      transport: caller.transport,
      newId: uuid,
      stamp: () => ({ createdAt: now.toISOString(), updatedAt: now.toISOString(), device: ctx.settings.store.deviceCode }),
      touched: new Set(),
    };
    // The projections follow the store's calendar: a new day first refreshes what the date alone changed.
    if (isStoreConfigured(store.db)) ensureProjectionDay(ctx);
    const key = spec.write && typeof input.idempotencyKey === 'string' ? `${name}:${input.idempotencyKey}` : null;
    let refusal: ApiError | null = null;
    // Copies and restores run before the transaction opens (db/backup/hooks.ts): never under the write lock.
    const pre = beforeTransaction(ctx, name, input, sessions);

    const tx = store.sqlite.transaction(() => {
      if (key) {
        const seen = store.db.select({ result: idempotency.result }).from(idempotency).where(eq(idempotency.id, key)).get();
        if (seen) return JSON.parse(seen.result);
      }
      const out = handlers[name]!(ctx, input, { sessions, sessionId: caller.sessionId ?? null, pre });
      if (out instanceof Refusal) {
        refusal = out.error;
        return undefined;
      }
      // Same transaction as the write: the standings never disagree with the money tables they derive from.
      if (ctx.touched.size && input.dryRun !== true) {
        const touched = [...ctx.touched];
        syncStandings(ctx);
        settleBureauRecords(ctx, touched); // a debt now fully paid starts its bureau removal deadline (STJ Súmula 548)
      }
      // A dry run (import simulation) writes nothing, so it leaves no audit row either.
      if (spec.write && input.dryRun !== true) {
        store.db
          .insert(audit)
          .values({
            id: uuid(),
            at: now.toISOString(),
            userId: ctx.actor?.id ?? null,
            userName: actor?.name ?? (name === 'setup.store' ? String(input.ownerName) : 'Sistema'),
            transport: caller.transport,
            method: name,
            summary: summarize(input),
            ...ctx.stamp(),
            device,
          })
          .run();
        if (key) store.db.insert(idempotency).values({ id: key, method: name, result: JSON.stringify(out), ...ctx.stamp() }).run();
      }
      return out;
    });
    // Writes take the lock up front so two counters never interleave inside one payment.
    const result = spec.write || name === 'session.login' ? tx.immediate() : tx.deferred();
    if (refusal) return { error: (refusal as ApiError).toBody() };
    return result;
  }

  return { dispatch, sessions };
}

const SECRET_KEYS = new Set(['pin', 'ownerPin', 'approvalPin', 'password']);

/** The audit keeps what was asked, minus secrets and bulk content. */
export function summarize(input: Record<string, unknown>): string {
  const redacted = JSON.stringify(input, (k, v) => {
    if (SECRET_KEYS.has(k)) return '***';
    // The file itself is customer data (names, CPFs): the audit keeps its size only.
    if ((k === 'content' || k === 'contentBase64') && typeof v === 'string') return `(${v.length} caracteres)`;
    return v;
  });
  return redacted.length > 1000 ? redacted.slice(0, 997) + '...' : redacted;
}

export function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) return e.toBody();
  const code = (e as { code?: string })?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { kind: 'conflict', message: 'Este registro já existe. Nada foi gravado.', issues: [] };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { kind: 'not_found', message: 'Um registro citado não existe. Nada foi gravado.', issues: [] };
  if (code === 'SQLITE_BUSY') return { kind: 'conflict', message: 'Outro caixa está gravando agora. Tente de novo em instantes.', issues: [] };
  // A bug: the person sees a plain sentence; the details go to the log for support.
  console.error('[emdia] internal error:', e);
  return { kind: 'internal', message: INTERNAL_MESSAGE, issues: [] };
}
