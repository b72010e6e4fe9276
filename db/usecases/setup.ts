import type { Ctx } from '../context';
import { isStoreConfigured, saveSettings } from './settings';
import { createUser, listUsers } from './users';
import { mergeSettings } from '../../shared/settings-defaults';
import { ApiError } from '../../shared/contract/errors';
import { onlyDigits, isValidCnpj } from '../../shared/cpf';

export function setupStatus(ctx: Ctx): { configured: boolean; storeName: string | null; hasUsers: boolean } {
  const configured = isStoreConfigured(ctx.db);
  return { configured, storeName: configured ? ctx.settings.store.name : null, hasUsers: listUsers(ctx).items.length > 0 };
}

export function assertNotConfigured(ctx: Ctx): void {
  // First start only: once a store exists, its owner manages settings and users from inside the app.
  if (isStoreConfigured(ctx.db) || listUsers(ctx).items.length > 0) throw new ApiError('conflict', 'Esta loja já está configurada. Entre com seu usuário e PIN.');
}

export function setupStore(
  ctx: Ctx,
  input: { storeName: string; cnpj?: string; state: string; address?: string; city?: string; ownerName: string; ownerPin: string },
): { ownerId: string } {
  assertNotConfigured(ctx);
  const cnpj = onlyDigits(input.cnpj ?? '');
  if (cnpj && !isValidCnpj(cnpj)) throw new ApiError('validation', 'CNPJ inválido: confira os 14 dígitos.', [{ path: 'cnpj', message: 'CNPJ inválido.' }]);
  saveSettings(ctx, mergeSettings(ctx.settings, { store: { name: input.storeName, cnpj, state: input.state.toUpperCase(), address: input.address ?? '', city: input.city ?? '' } }));
  const { id } = createUser(ctx, { name: input.ownerName, role: 'owner', pin: input.ownerPin });
  return { ownerId: id };
}
