import { eq, isNull, asc } from 'drizzle-orm';
import { scryptSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../context';
import { users } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import type { UserPublic } from '../../shared/contract/people';

// A 4–8 digit PIN is weak on its own; scrypt makes each guess costly and the lockout below limits guesses.
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
export const MAX_WRONG_PINS = 5;
export const LOCK_MINUTES = 5;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [, n, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: SCRYPT.r, p: SCRYPT.p });
  return timingSafeEqual(actual, expected);
}

export function createUser(ctx: Ctx, input: { name: string; role: 'clerk' | 'owner'; pin: string }): { id: string } {
  const id = ctx.newId();
  ctx.db.insert(users).values({ id, name: input.name, role: input.role, pinHash: hashPin(input.pin), ...ctx.stamp() }).run();
  return { id };
}

export function listUsers(ctx: Pick<Ctx, 'db'>): { items: UserPublic[] } {
  const rows = ctx.db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(isNull(users.deletedAt)).orderBy(asc(users.name)).all();
  return { items: rows };
}

export type PinCheck = { ok: true; user: UserPublic } | { ok: false; error: ApiError };

/**
 * Checks a user's PIN and keeps the lockout counter: 5 wrong tries lock that user for 5 minutes.
 * Returns instead of throwing so the caller can keep the counter's write even though the login failed.
 */
export function checkPin(ctx: Ctx, userId: string, pin: string): PinCheck {
  const u = ctx.db.select().from(users).where(eq(users.id, userId)).get();
  if (!u || u.deletedAt) return { ok: false, error: new ApiError('not_found', 'Usuário não encontrado.') };
  const nowIso = ctx.now.toISOString();
  if (u.lockedUntil && u.lockedUntil > nowIso) {
    const minutes = Math.max(1, Math.ceil((Date.parse(u.lockedUntil) - ctx.now.getTime()) / 60000));
    return { ok: false, error: new ApiError('limit_exceeded', `PIN bloqueado por tentativas erradas. Tente de novo em ${minutes} minuto(s).`) };
  }
  const stamp = { updatedAt: nowIso, device: ctx.settings.store.deviceCode };
  if (pinMatches(pin, u.pinHash)) {
    if (u.failedAttempts) ctx.db.update(users).set({ failedAttempts: 0, lockedUntil: null, ...stamp }).where(eq(users.id, u.id)).run();
    return { ok: true, user: { id: u.id, name: u.name, role: u.role } };
  }
  const failed = u.failedAttempts + 1;
  const locked = failed >= MAX_WRONG_PINS;
  ctx.db
    .update(users)
    .set({ failedAttempts: locked ? 0 : failed, lockedUntil: locked ? new Date(ctx.now.getTime() + LOCK_MINUTES * 60000).toISOString() : null, ...stamp })
    .where(eq(users.id, u.id))
    .run();
  const left = MAX_WRONG_PINS - failed;
  const message = locked
    ? `PIN errado. Por segurança, este usuário ficou bloqueado por ${LOCK_MINUTES} minutos.`
    : `PIN errado. Restam ${left} tentativa(s) antes do bloqueio.`;
  return { ok: false, error: new ApiError(locked ? 'limit_exceeded' : 'forbidden', message, [{ path: 'pin', message }]) };
}

/** An owner's PIN typed at the counter to approve something beyond a clerk's reach (reversal, margins). */
export function checkOwnerPin(ctx: Ctx, pin: string | undefined): UserPublic {
  if (ctx.actor?.role === 'owner' && ctx.transport === 'cli') return ctx.actor;
  if (!pin) throw new ApiError('forbidden', 'Esta operação precisa do PIN do dono.', [{ path: 'ownerPin', message: 'Informe o PIN do dono.' }]);
  const owners = ctx.db.select().from(users).where(eq(users.role, 'owner')).all().filter((u) => !u.deletedAt);
  const match = owners.find((u) => pinMatches(pin, u.pinHash));
  if (!match) throw new ApiError('forbidden', 'PIN do dono não confere.', [{ path: 'ownerPin', message: 'PIN do dono não confere.' }]);
  return { id: match.id, name: match.name, role: 'owner' };
}
