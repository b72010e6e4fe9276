import type { Store } from '../open';
import type { Ctx } from '../context';
import { uuid } from '../context';
import { noonIn, type IsoDate } from '../../shared/dates';
import { plusDays } from './days';
import { loadSettings } from '../usecases/settings';
import { assertNotConfigured } from '../usecases/setup';
import { ApiError } from '../../shared/contract/errors';
import { storeCalendar, chargePolicy } from '../usecases/ledger-load';
import { DemoClock } from './moments';
import { CpfMaker } from './person';
import { customerHistory, type DemoEnv } from './customer-history';
import { rowWriter, type CustomerRows } from './rows';
import { setUpDemoStore, type DemoUser } from './store-identity';
import { numberChronologically, PROVISIONAL } from './numbering';
import { demoId } from './ids';
import { setProjectionDay } from '../projections/standings';
import { writeStandingsFromRows } from '../projections/from-rows';
import { refreshQueueCandidates } from '../projections/queue-candidates';
import type { DemoProfile } from './profiles';
import { rebuildWeeklyFacts } from '../projections/weekly';

export interface DemoOptions {
  customers: number;
  seed: number;
  /** the store's today: every invented event happens before it */
  today: IsoDate;
  /** called after each chunk with customers written so far */
  onProgress?(done: number, total: number): void;
}

export interface DemoSummary {
  storeName: string;
  users: DemoUser[];
  customers: number;
  sales: number;
  installments: number;
  payments: number;
  reversals: number;
  contacts: number;
  promises: number;
  promisesKept: number;
  promisesBroken: number;
  /** renegotiations of overdue parcelas, and those of them the customer stopped paying */
  agreements: number;
  /** customers who answered "como foi o atendimento?", and payments with a discount on multa and juros */
  feedback: number;
  waivedPayments: number;
  /** open disputes today, and disputes the owner resolved */
  openDisputes: number;
  resolvedDisputes: number;
  /** reminders the régua sent (messages, each with its contact) */
  messages: number;
  /** customers who agreed to WhatsApp messages */
  whatsappOptIns: number;
  /** Σ accounts.statement overdueCents over every customer, today */
  overdueCents: number;
  overdueCustomers: number;
  /** intended payer profile → customers */
  profiles: Record<DemoProfile, number>;
  /** each customer's intended profile, in creation order; `agreement`: renegotiated since (the profile then follows the agreement) */
  intended: { customerId: string; profile: DemoProfile; agreement: boolean }[];
}

// One transaction per chunk: big enough that commits cost nothing, small enough that the WAL stays small.
// Inside the dispatcher's transaction (setup.demo) these become savepoints.
const CHUNK = 500;
/** Days of régua history before today. */
const REGUA_DAYS = 60;

/** A Ctx for the store's first day, three years ago: the settings and the people are that old. */
function openingCtx(store: Store, today: IsoDate): Ctx {
  const settings = loadSettings(store.db);
  const now = noonIn(plusDays(today, -1096), settings.store.timeZone);
  const ctx: Ctx = {
    store,
    db: store.db,
    now,
    today,
    settings,
    actor: null,
    transport: 'cli',
    newId: uuid,
    stamp: () => ({ createdAt: now.toISOString(), updatedAt: now.toISOString(), device: ctx.settings.store.deviceCode }),
    touched: new Set(),
  };
  return ctx;
}

/**
 * Builds a demo store in an empty database, deterministically from `seed`: the store's settings, an owner
 * and two clerks with known PINs, and `customers` customers with three years of crediário — sales, payments
 * split by the ledger rules, reversals, collection calls and promises — following the six payer profiles
 * of DOMAIN.md. Refuses (conflict) a database that already holds a store.
 */
export function buildDemoStore(store: Store, opts: DemoOptions): DemoSummary {
  const ctx = openingCtx(store, opts.today);
  // A demo never lands on top of a real store (setup.ts: first start only), nor mixes with customers
  // typed into a store that was never set up.
  assertNotConfigured(ctx);
  if (store.sqlite.prepare('SELECT 1 FROM customers LIMIT 1').get()) throw new ApiError('conflict', 'Este banco de dados já tem clientes; a loja de demonstração precisa de um banco vazio.');
  const users = store.sqlite.transaction(() => setUpDemoStore(ctx))();
  const settings = ctx.settings;
  const clock = new DemoClock(settings.store.timeZone, storeCalendar(settings));
  let saleSeq = 0;
  let receiptSeq = 0;
  let agreementSeq = 0;
  const env: DemoEnv = {
    seed: opts.seed,
    today: opts.today,
    graceDays: settings.policy.graceDays,
    policy: chargePolicy(settings),
    clock,
    device: settings.store.deviceCode,
    users: { owner: users.find((u) => u.role === 'owner')!.id, clerks: users.filter((u) => u.role === 'clerk').map((u) => u.id) },
    cpf: new CpfMaker(opts.seed),
    toleranceDays: settings.policy.promiseToleranceDays,
    regua: {
      // The store turned the régua on two months ago: its history is recent, like EmDia in the store.
      steps: settings.regua.steps.filter((s) => s.active && s.channel !== 'phone' && (s.channel !== 'email' || settings.smtp)),
      from: plusDays(opts.today, -REGUA_DAYS),
      today: opts.today,
      clock,
      store: settings.store,
      userNames: new Map(users.map((u) => [u.id, u.name])),
      policy: chargePolicy(settings),
      keptSharePct: settings.policy.promiseKeptSharePct,
      device: settings.store.deviceCode,
      newId: demoId,
    },
    newId: demoId,
    nextSaleNumber: () => `${PROVISIONAL}${++saleSeq}`,
    nextReceiptNumber: () => `${PROVISIONAL}${++receiptSeq}`,
    nextAgreementNumber: () => `${PROVISIONAL}${++agreementSeq}`,
  };

  const summary: DemoSummary = {
    storeName: settings.store.name,
    users,
    customers: 0,
    sales: 0,
    installments: 0,
    payments: 0,
    reversals: 0,
    contacts: 0,
    promises: 0,
    promisesKept: 0,
    promisesBroken: 0,
    agreements: 0,
    feedback: 0,
    waivedPayments: 0,
    openDisputes: 0,
    resolvedDisputes: 0,
    messages: 0,
    whatsappOptIns: 0,
    overdueCents: 0,
    overdueCustomers: 0,
    profiles: { novo: 0, em_dia: 0, ocasional: 0, cronico: 0, negligente: 0, mau_pagador: 0 },
    intended: [],
  };
  const write = rowWriter(store.sqlite);
  for (let start = 0; start < opts.customers; start += CHUNK) {
    const end = Math.min(opts.customers, start + CHUNK);
    store.sqlite.transaction(() => {
      const chunk: CustomerRows[] = [];
      for (let i = start; i < end; i++) {
        const h = customerHistory(env, i);
        write(h.rows);
        chunk.push(h.rows);
        summary.customers++;
        summary.sales += h.rows.sales.length;
        summary.installments += h.rows.installments.length;
        summary.payments += h.rows.payments.length;
        summary.reversals += h.rows.reversals.length;
        summary.contacts += h.rows.contacts.length;
        summary.promises += h.rows.promises.length;
        summary.promisesKept += h.promisesKept;
        summary.promisesBroken += h.promisesBroken;
        summary.agreements += h.rows.agreements.length;
        summary.feedback += h.rows.feedback.length;
        summary.waivedPayments += h.waivedPayments;
        for (const x of h.rows.disputes) summary[x.resolvedAt ? 'resolvedDisputes' : 'openDisputes']++;
        summary.messages += h.rows.messages.length;
        if (h.rows.customer.whatsappOptInAt) summary.whatsappOptIns++;
        summary.overdueCents += h.overdueCents;
        if (h.overdueCents > 0) summary.overdueCustomers++;
        summary.profiles[h.profile]++;
        summary.intended.push({ customerId: h.rows.customer.id!, profile: h.profile, agreement: h.agreement });
      }
      // The standings are derived from the rows in hand, in the chunk that writes them, instead of being read
      // back afterwards (a third of the build at 100,000 customers); `npx emdia check` proves them equal.
      writeStandingsFromRows(store.sqlite, settings, chunk, opts.today);
    })();
    opts.onProgress?.(end, opts.customers);
  }
  store.sqlite.transaction(() => numberChronologically(store.sqlite, env.device, ctx.now.toISOString()))();
  store.sqlite.transaction(() => {
    setProjectionDay(store.sqlite, opts.today);
    refreshQueueCandidates(store.sqlite, settings, opts.today);
    rebuildWeeklyFacts(store.sqlite, settings);
  })();
  return summary;
}
