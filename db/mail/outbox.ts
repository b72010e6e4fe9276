import nodemailer from 'nodemailer';
import type { Store } from '../open';
import type { Clock } from '../clock';
import type { SmtpSettings } from '../../shared/contract/settings';
import { loadSettings } from '../usecases/settings';

// The e-mail outbox (issue 6 §5): reminders.send writes the message as `queued` inside the dispatcher's
// transaction; this module sends it later, OUTSIDE any transaction. A network send can take seconds (or hang
// until a timeout while the PC is offline) and must never hold SQLite's write lock, or every counter would
// wait for it. So each run: (1) claims the due rows in one short transaction (status `sending` with a lease,
// so a second process or an overlapping run does not send them twice), (2) sends them with nodemailer, then
// (3) records each result in its own short transaction. A failure is retried with a growing pause; a run
// that dies mid-way leaves rows `sending` whose lease expires, so they are sent on a later run.

/** Minutes to wait after the 1st, 2nd, … failure; the last value repeats (a PC offline over a weekend). */
export const RETRY_MINUTES = [1, 5, 15, 60, 180, 360];
/** After this many failures the message stops retrying (status failed, no next attempt) and needs a person. */
export const MAX_ATTEMPTS = 40;
const LEASE_MS = 10 * 60_000;
const BATCH = 20;

export interface OutboxRun {
  sent: number;
  failed: number;
  /** why nothing was tried: no SMTP account, or another run is still going */
  skipped?: 'no_smtp' | 'busy';
}

interface DueRow {
  id: string;
  recipient: string | null;
  subject: string | null;
  body: string;
  attempts: number;
}

export const retryDelayMs = (attempts: number): number => RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length) - 1] * 60_000;

const running = new WeakMap<Store, Promise<OutboxRun>>();

/** Sends what is due now. Safe to call often: overlapping calls on the same store return `busy`. */
export function processOutbox(store: Store, clock: Clock): Promise<OutboxRun> {
  if (running.has(store)) return Promise.resolve({ sent: 0, failed: 0, skipped: 'busy' });
  const run = runOnce(store, clock).finally(() => running.delete(store));
  running.set(store, run);
  return run;
}

function claim(store: Store, now: Date): DueRow[] {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const tx = store.sqlite.transaction(() => {
    const rows = store.sqlite
      .prepare(
        `SELECT id, recipient, subject, body, attempts FROM messages
          WHERE channel = 'email' AND status IN ('queued', 'failed', 'sending') AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?
          ORDER BY next_attempt_at, created_at LIMIT ?`,
      )
      .all(at, BATCH) as DueRow[];
    const mark = store.sqlite.prepare(`UPDATE messages SET status = 'sending', next_attempt_at = ?, updated_at = ? WHERE id = ?`);
    for (const r of rows) mark.run(lease, at, r.id);
    return rows;
  });
  return tx.immediate();
}

function transportFor(smtp: SmtpSettings) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    // Offline or a dead server must fail in seconds, not hang the run.
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

async function runOnce(store: Store, clock: Clock): Promise<OutboxRun> {
  const smtp = loadSettings(store.db).smtp;
  if (!smtp) return { sent: 0, failed: 0, skipped: 'no_smtp' };
  const due = claim(store, clock.now());
  if (!due.length) return { sent: 0, failed: 0 };

  const transport = transportFor(smtp);
  const done = store.sqlite.prepare(
    `UPDATE messages SET status = 'sent', sent_at = @at, attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL, updated_at = @at WHERE id = @id AND status = 'sending'`,
  );
  const failed = store.sqlite.prepare(
    `UPDATE messages SET status = 'failed', attempts = @attempts, last_error = @error, next_attempt_at = @next, updated_at = @at WHERE id = @id AND status = 'sending'`,
  );
  const out: OutboxRun = { sent: 0, failed: 0 };
  try {
    for (const m of due) {
      let error: string | null = null;
      try {
        if (!m.recipient) throw new Error('mensagem sem destinatário');
        await transport.sendMail({ from: smtp.from, to: m.recipient, subject: m.subject ?? '', text: m.body });
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      // The store may have been closed while we waited on the network (app quitting): the lease brings the
      // row back on the next start.
      if (!store.sqlite.open) break;
      const now = clock.now();
      const at = now.toISOString();
      if (error === null) {
        done.run({ id: m.id, at });
        out.sent++;
      } else {
        const attempts = m.attempts + 1;
        const next = attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
        failed.run({ id: m.id, attempts, error: `Tentativa ${attempts}: ${error}`.slice(0, 500), next, at });
        out.failed++;
      }
    }
  } finally {
    transport.close();
  }
  return out;
}

/**
 * Runs the outbox now and every `everyMs` (default one minute) until stopped. Started by the desktop app and
 * by browser mode with a getter, because the open store may change (db/health reopens it after a restore) or be
 * missing (a damaged file). The timer does not keep the process alive, and stop() returns at once (a send in
 * flight finishes, or its lease expires and a later run sends it).
 */
export function startOutbox(currentStore: () => Store | null, clock: Clock, everyMs = 60_000): { stop(): void } {
  let stopped = false;
  const tick = () => {
    const store = currentStore();
    if (stopped || !store?.sqlite.open) return;
    processOutbox(store, clock).catch((e) => console.error('[emdia] e-mail outbox:', e));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref?.();
  const first = setTimeout(tick, 1_000);
  first.unref?.();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
    },
  };
}
