import type { Ctx } from '../context';
import { contacts, disputes } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import { contactPolicy, type BlockCode } from '../../shared/collection/contact-policy';
import { callingWindow } from '../../shared/collection/calling-window';
import { storeCalendar, requireCustomerId, prepared } from './ledger-load';
import { policyFactsFor, phonesOf, policyRules } from './queue';
import { weeklyAfterContact } from '../projections/weekly';

const bad = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);
const digits = (s: string) => s.replace(/\D/g, '');

export interface ContactInput {
  customerId: string;
  channel: 'phone' | 'whatsapp' | 'sms' | 'email' | 'in_person';
  outcome: string;
  at?: string;
  inbound?: boolean;
  notes?: string;
  phone?: string;
  objectionIds?: string[];
  callbackAt?: string;
  callbackChannel?: string;
  disputeKind?: 'defect' | 'not_received' | 'payment_check' | 'not_recognized' | 'other';
}

/** A contact recorded a little ahead of the clock (two PCs a minute apart) is fine; one from the future is not. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * An outbound collection call must be one the policy allows right now (calling hours, grace, caps, quiet days,
 * pauses, a wrong number): the backend is where the law is kept, whatever screen or script calls it. A call the
 * customer made to the store (`inbound`) is theirs and always recorded. A customer who paid during the call is
 * no longer overdue when the clerk records "paid"; after the agreement made on the call nothing is overdue and the
 * new agreement is current: those blocks do not apply to the outcome that caused them.
 */
function assertCallAllowed(ctx: Ctx, input: ContactInput, at: Date): void {
  // The calling hours are judged when the call was made: a call at 19:55 recorded at 20:02 was within them.
  const window = callingWindow({ now: at, timeZone: ctx.settings.store.timeZone, windows: ctx.settings.policy.callWindows, calendar: storeCalendar(ctx.settings) });
  const reasons: string[] = [];
  if (!window.allowed) reasons.push(`Fora do horário de ligações. ${window.reason}`);
  const found = policyFactsFor(ctx, input.customerId);
  if (found) {
    const d = contactPolicy({ ...found.facts, phoneUsed: input.phone }, policyRules(ctx));
    const ignored = new Set<BlockCode>(input.outcome === 'paid' ? ['nothing_overdue'] : input.outcome === 'agreement' ? ['nothing_overdue', 'agreement'] : []);
    reasons.push(...d.blocks.filter((b) => !ignored.has(b.code)).map((b) => b.message));
  }
  if (reasons.length) throw new ApiError('conflict', `Esta ligação não é permitida agora. ${reasons.join(' ')}`, [{ path: 'inbound', message: reasons[0] }]);
}

/** contacts.record: one contact and what it implies (a wrong number marked, a dispute opened, a callback kept). */
export function recordContact(ctx: Ctx, input: ContactInput) {
  requireCustomerId(ctx, input.customerId);
  const at = input.at ? new Date(input.at) : ctx.now;
  if (at.getTime() > ctx.now.getTime() + CLOCK_SLACK_MS) throw bad('at', 'O horário do contato não pode estar no futuro.');
  if (input.outcome !== 'callback' && (input.callbackAt || input.callbackChannel)) throw bad('callbackAt', 'Retorno só se informa com o resultado "callback" (pediu para ligar depois).');
  if (input.outcome !== 'dispute' && input.disputeKind) throw bad('disputeKind', 'O tipo de contestação só se informa com o resultado "dispute".');
  const callbackAt = input.callbackAt ? new Date(input.callbackAt) : null;
  if (callbackAt && callbackAt.getTime() < at.getTime()) throw bad('callbackAt', 'O retorno combinado deve ser depois do contato.');
  if (input.phone !== undefined && !/^\d{10,11}$/.test(digits(input.phone))) throw bad('phone', 'Telefone inválido: use DDD + número (10 ou 11 dígitos).');

  const outboundCall = input.channel === 'phone' && !input.inbound;
  if (outboundCall) assertCallAllowed(ctx, input, at);

  // The phone used: the one given, else the first good one (the one the list proposed).
  const phones = phonesOf(ctx, [input.customerId]).get(input.customerId)!;
  const used = input.phone ? phones.find((p) => digits(p.number) === digits(input.phone!)) : input.channel === 'phone' ? phones.find((p) => !p.wrongNumber) : undefined;

  const id = ctx.newId();
  const stamp = ctx.stamp();
  ctx.db
    .insert(contacts)
    .values({
      id,
      customerId: input.customerId,
      userId: ctx.actor?.id ?? null,
      phoneId: used?.id ?? null,
      channel: input.channel,
      outcome: input.outcome,
      at: at.toISOString(),
      inbound: !!input.inbound,
      notes: input.notes ?? null,
      objectionIds: input.objectionIds?.length ? JSON.stringify(input.objectionIds) : null,
      callbackAt: callbackAt?.toISOString() ?? null,
      callbackChannel: input.outcome === 'callback' ? (input.callbackChannel ?? null) : null,
      ...stamp,
    })
    .run();

  // CALLS.md "número errado": apologise, remove the number; it is never called again.
  let markedWrong: string | null = null;
  if (input.outcome === 'wrong_number' && used && !used.wrongNumber) {
    prepared(ctx, 'UPDATE customer_phones SET wrong_number = 1, updated_at = ?, device = ? WHERE id = ?').run(stamp.updatedAt, stamp.device, used.id!);
    markedWrong = used.number;
  }
  // A dispute pauses collection until the owner resolves it (CALLS.md objections; CDC art. 18 for defects).
  let disputeId: string | null = null;
  if (input.outcome === 'dispute') {
    disputeId = ctx.newId();
    ctx.db
      .insert(disputes)
      .values({ id: disputeId, customerId: input.customerId, contactId: id, kind: input.disputeKind ?? 'other', notes: input.notes ?? null, openedBy: ctx.actor?.id ?? null, ...stamp })
      .run();
  }
  ctx.touched.add(input.customerId);
  weeklyAfterContact(ctx, id);
  return { id, disputeId, markedWrong };
}
