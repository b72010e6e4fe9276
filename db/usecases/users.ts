import { and, eq, isNull, asc, ne } from 'drizzle-orm';
import { scryptSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../context';
import { users } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import type { UserAdmin, UserPublic, userUpdate } from '../../shared/contract/people';
import type { z } from 'zod';

type UserUpdate = z.infer<typeof userUpdate>;

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
  // "The CLI acts as the owner" (API.md), even on a store with no owner user yet: there is no PIN to ask for.
  if (ctx.transport === 'cli') return ctx.actor ?? { id: '', name: 'Linha de comando', role: 'owner' };
  if (!pin) throw new ApiError('forbidden', 'Esta operação precisa do PIN do dono.', [{ path: 'ownerPin', message: 'Informe o PIN do dono.' }]);
  const owners = ctx.db.select().from(users).where(eq(users.role, 'owner')).all().filter((u) => !u.deletedAt);
  const match = owners.find((u) => pinMatches(pin, u.pinHash));
  if (!match) throw new ApiError('forbidden', 'PIN do dono não confere.', [{ path: 'ownerPin', message: 'PIN do dono não confere.' }]);
  return { id: match.id, name: match.name, role: 'owner' };
}

/** Everyone, active or not, with the lockout state: Configurações → Usuários (owner only). */
export function listAllUsers(ctx: Pick<Ctx, 'db' | 'now'>): { items: UserAdmin[] } {
  const nowIso = ctx.now.toISOString();
  const rows = ctx.db.select().from(users).orderBy(asc(users.name)).all();
  const items = rows.map((u) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    active: !u.deletedAt,
    lockedUntil: u.lockedUntil && u.lockedUntil > nowIso ? u.lockedUntil : null,
    failedAttempts: u.failedAttempts,
    createdAt: u.createdAt,
  }));
  // Active people first; inside each group, by name (pt-BR order).
  items.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'pt-BR'));
  return { items };
}

/**
 * Deactivate or bring back a person, give a new PIN, or unlock after wrong PINs. A deactivated person cannot
 * log in and leaves the login list; their rows keep their name. The store always keeps one active owner:
 * without one, nobody could change the settings, approve beyond the margins or bring anyone back.
 */
export function updateUser(ctx: Ctx, input: UserUpdate): UserAdmin {
  const u = ctx.db.select().from(users).where(eq(users.id, input.id)).get();
  if (!u) throw new ApiError('not_found', 'Usuário não encontrado.', [{ path: 'id', message: 'Usuário não encontrado.' }]);
  const set: Partial<typeof users.$inferInsert> = {};
  if (input.active === false && !u.deletedAt) {
    if (u.role === 'owner') {
      const otherOwners = ctx.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'owner'), isNull(users.deletedAt), ne(users.id, u.id)))
        .all();
      if (!otherOwners.length) {
        const message = `${u.name} é o único dono ativo: cadastre outro dono antes de desativar, para a loja não ficar sem quem possa mudar as configurações.`;
        throw new ApiError('conflict', message, [{ path: 'active', message }]);
      }
    }
    set.deletedAt = ctx.now.toISOString();
  }
  if (input.active === true && u.deletedAt) set.deletedAt = null;
  if (input.pin !== undefined) {
    set.pinHash = hashPin(input.pin);
    // A new PIN is a fresh start: the wrong tries with the old one no longer count.
    set.failedAttempts = 0;
    set.lockedUntil = null;
  }
  if (input.unlock) {
    set.failedAttempts = 0;
    set.lockedUntil = null;
  }
  if (Object.keys(set).length) {
    const { updatedAt, device } = ctx.stamp();
    ctx.db.update(users).set({ ...set, updatedAt, device }).where(eq(users.id, u.id)).run();
  }
  return listAllUsers(ctx).items.find((x) => x.id === u.id)!;
}
