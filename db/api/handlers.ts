import type { Ctx } from '../context';
import type { MethodName } from '../../shared/contract/methods';
import type { Sessions } from './sessions';
import { ApiError } from '../../shared/contract/errors';
import { updateSettings } from '../usecases/settings';
import { createUser, listUsers, checkPin, listAllUsers, updateUser } from '../usecases/users';
import { previewTemplate } from '../usecases/regua-preview';
import { startMailTest, mailTestStatus } from '../usecases/mail-test';
import { createCustomer, updateCustomer, getCustomer, searchCustomers } from '../usecases/customers';
import { setupStatus, setupStore, assertNotConfigured } from '../usecases/setup';
import { buildDemoStore } from '../demo/build';
import { createSale, previewSale } from '../usecases/sales';
import { getSale } from '../usecases/sales-read';
import { quote, receive, reverse } from '../usecases/payments';
import { statement, receipt } from '../usecases/accounts';
import { importCsv } from '../usecases/import-csv';
import { listReminders, sendReminder } from '../usecases/reminders';
import { settingsForReading } from '../usecases/settings';
import { buildQueue } from '../usecases/queue';
import { callsContext } from '../usecases/calls-context';
import { createPromise } from '../usecases/promises';
import { computeOffersFor } from '../usecases/offers';
import { createAgreement, getAgreement, KeptRefusal } from '../usecases/agreements';
import { recordContact } from '../usecases/contacts';
import { listDisputes, resolveDispute } from '../usecases/disputes';
import { importPreview, importRun, listImportMappings } from '../usecases/import-book';
import { listBackups } from '../backup/backups';
import { backupStatus } from '../backup/jobs';
import { healthStatus, refuseHealthyRestore } from '../health/status';
import { exportCustomer, anonymizeCustomer } from '../usecases/privacy';
import { rebuildStandings, settingsAffectStandings } from '../projections/standings';
import { recordFeedback } from '../usecases/feedback';
import { refreshQueueCandidates } from '../projections/queue-candidates';
import { listAudit } from '../usecases/audit';
import { formalCandidates, createNotice, noticeView, registerRecord, listRecords, pendingRemovals, markRemoved } from '../usecases/formal';
import { exportFormal } from '../usecases/formal-export';
import { dashboardWeekly, dashboardDrill } from '../usecases/dashboard';
import { rebuildWeeklyFacts, settingsAffectWeekly } from '../projections/weekly';

export interface CallEnv {
  sessions: Sessions;
  sessionId: string | null;
  /** what the dispatcher's pre-transaction step returned (db/backup/hooks.ts: a copy, a restore) */
  pre?: unknown;
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

  'settings.get': (ctx) => settingsForReading(ctx.settings),
  'settings.update': (ctx, input) => {
    const before = ctx.settings;
    const after = updateSettings(ctx, input);
    // Grace, profile thresholds, promise rules or the calendar changed: every standing is recomputed.
    if (settingsAffectStandings(before, after)) rebuildStandings(ctx.store.sqlite, after, ctx.today);
    // Grace, caps and quiet days decide who may be on the list: its candidates are recomputed.
    else if (JSON.stringify(before.policy) !== JSON.stringify(after.policy)) refreshQueueCandidates(ctx.store.sqlite, after, ctx.today);
    // The calendar, the time zone or the promise rules move the weekly figures' conventions (db/projections/weekly.ts).
    if (settingsAffectWeekly(before, after)) rebuildWeeklyFacts(ctx.store.sqlite, after);
    // Answered like settings.get: the e-mail password never travels back in clear.
    return settingsForReading(after);
  },
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.list': (ctx) => listUsers(ctx),
  'users.listAll': (ctx) => listAllUsers(ctx),
  'users.update': (ctx, input, env) => {
    const out = updateUser(ctx, input);
    // A deactivated person, or one whose PIN was reset, must log in again; their open sessions end now.
    // (a new PIN keeps the session that set it; a deactivation ends every one, even one's own)
    if (input.active === false) env.sessions.closeUser(input.id);
    else if (input.pin) env.sessions.closeUser(input.id, env.sessionId);
    return out;
  },
  'reminders.preview': (ctx, input) => previewTemplate(ctx, input),
  'mail.test': (ctx, input) => startMailTest(ctx, input),
  'mail.testStatus': (ctx) => mailTestStatus(ctx),

  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, input) => updateCustomer(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.search': (ctx, input) => searchCustomers(ctx, input),

  'sales.preview': (ctx, input) => previewSale(ctx, input),
  'sales.create': (ctx, input) => createSale(ctx, input),
  'sales.get': (ctx, input) => getSale(ctx, input),
  'accounts.statement': (ctx, input) => statement(ctx, input),
  'payments.quote': (ctx, input) => quote(ctx, input),
  'payments.receive': (ctx, input) => {
    const out = receive(ctx, input);
    return out instanceof KeptRefusal ? new Refusal(out.error) : out;
  },
  'payments.reverse': (ctx, input) => reverse(ctx, input),
  'payments.receipt': (ctx, input) => receipt(ctx, input),
  'import.csv': (ctx, input) => importCsv(ctx, input),
  'feedback.record': (ctx, input) => recordFeedback(ctx, input),
  'queue.build': (ctx, input) => buildQueue(ctx, input),
  'calls.context': (ctx, input) => callsContext(ctx, input),
  'offers.compute': (ctx, input) => computeOffersFor(ctx, input),
  'agreements.create': (ctx, input) => {
    const out = createAgreement(ctx, input);
    return out instanceof KeptRefusal ? new Refusal(out.error) : out;
  },
  'agreements.get': (ctx, input) => getAgreement(ctx, input),
  'promises.create': (ctx, input) => createPromise(ctx, input),
  'contacts.record': (ctx, input) => recordContact(ctx, input),
  'disputes.list': (ctx, input) => listDisputes(ctx, input),
  'disputes.resolve': (ctx, input) => resolveDispute(ctx, input),
  'reminders.list': (ctx, input) => listReminders(ctx, input),
  'reminders.send': (ctx, input) => sendReminder(ctx, input),
  'import.preview': (ctx, input) => importPreview(ctx, input),
  'import.run': (ctx, input) => importRun(ctx, input),
  'import.mappings': (ctx) => listImportMappings(ctx),
  'dashboard.weekly': (ctx, input) => dashboardWeekly(ctx, input),
  'dashboard.drill': (ctx, input) => dashboardDrill(ctx, input),

  'audit.list': (ctx, input) => listAudit(ctx, input),
  'formal.candidates': (ctx, input) => formalCandidates(ctx, input),
  'formal.notice': (ctx, input) => createNotice(ctx, input),
  'formal.noticeGet': (ctx, input) => noticeView(ctx, input.id),
  'formal.register': (ctx, input) => registerRecord(ctx, input),
  'formal.list': (ctx, input) => listRecords(ctx, input),
  'formal.export': (ctx, input) => exportFormal(ctx, input),
  'formal.removals': (ctx) => pendingRemovals(ctx),
  'formal.removed': (ctx, input) => markRemoved(ctx, input),

  // db/backup: the copy or restore itself ran before the transaction; these return its result.
  'backup.create': (_ctx, _input, env) => env.pre,
  'backup.restore': (_ctx, _input, env) => env.pre,
  'backup.list': (ctx) => ({ items: listBackups(ctx.store.file, ctx.settings.backup?.extraFolder ?? '') }),
  'backup.status': (ctx) => backupStatus(ctx.store.file),
  'health.status': (ctx) => healthStatus(ctx.store.file),
  'health.restore': () => refuseHealthyRestore(),
  'customers.export': (ctx, input) => exportCustomer(ctx, input.id),
  'customers.anonymize': (ctx, input) => anonymizeCustomer(ctx, input.id),
};
