import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { users } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import type { UserPublic } from '../../shared/contract/people';
import { checkPin, pinMatches } from './users';

// Going beyond the store's own margins (an agreement, a discount on charges at the counter) is always a
// deliberate, recorded act: it needs an owner's PIN whoever calls, the owner's own session and the CLI included.

/** A refusal whose PIN counter write must be kept (handlers.ts turns it into a Refusal). */
export class KeptRefusal {
  constructor(readonly error: ApiError) {}
}

/**
 * The owner's PIN for terms beyond the margins, whoever calls (the CLI included: API.md). A wrong PIN counts
 * towards every owner's lockout (users.ts checkPin), so the caller must keep that write and nothing else.
 */
export function approveBeyondMargins(ctx: Ctx, pin: string | undefined, reasons: string[], action: string): UserPublic | KeptRefusal {
  const summary = `Esta proposta passa das margens da loja: ${reasons.join(' ')}`;
  if (!pin) throw new ApiError('limit_exceeded', `${summary} ${action}, o dono precisa aprovar com o PIN.`, [{ path: 'approvalPin', message: 'Informe o PIN do dono.' }]);
  const owners = ctx.db.select().from(users).where(eq(users.role, 'owner')).all().filter((u) => !u.deletedAt);
  const match = owners.find((u) => pinMatches(pin, u.pinHash));
  const checked = match ? [match] : owners;
  let error: ApiError | null = null;
  for (const o of checked) {
    const r = checkPin(ctx, o.id, pin);
    if (r.ok) return r.user;
    error = r.error;
  }
  const message = error?.kind === 'limit_exceeded' ? error.message : `PIN do dono não confere. ${error?.message.replace(/^PIN errado\.\s*/, '') ?? ''}`.trim();
  return new KeptRefusal(new ApiError('limit_exceeded', message, [{ path: 'approvalPin', message }]));
}

