import type { Ctx } from '../context';
import { saveSettings } from '../usecases/settings';
import { createUser } from '../usecases/users';
import { mergeSettings } from '../../shared/settings-defaults';
import { STORE_CITY } from './names';

export interface DemoUser {
  id: string;
  name: string;
  role: 'owner' | 'clerk';
  pin: string;
  /** how the command line presents them */
  title: string;
}

/** Known PINs, printed by the command and shown on the first-start screen: this is a demo, not a store. */
const PEOPLE = [
  { name: 'Helena Prado', role: 'owner', pin: '1111', title: 'dona da loja' },
  { name: 'Marcos Silva', role: 'clerk', pin: '2222', title: 'atendente' },
  { name: 'Júlia Santos', role: 'clerk', pin: '3333', title: 'atendente' },
] as const;

export const DEMO_STORE_NAME = 'Magazine Boa Vista';

/** The two CNPJ check digits (Receita Federal's mod-11 rule) after 12 base digits. */
export function cnpjFromBase(base12: string): string {
  const digits = base12.split('').map(Number);
  for (const weights of [[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]]) {
    const r = weights.reduce((s, w, i) => s + w * digits[i], 0) % 11;
    digits.push(r < 2 ? 0 : 11 - r);
  }
  return digits.join('');
}

/**
 * The store and its people, through the same use cases as the first-start screen (settings, users with
 * hashed PINs). The address goes on every collection document (CDC art. 42-A), so it looks complete.
 */
export function setUpDemoStore(ctx: Ctx): DemoUser[] {
  const cnpj = cnpjFromBase('418275930001');
  saveSettings(
    ctx,
    mergeSettings(ctx.settings, {
      store: { name: DEMO_STORE_NAME, cnpj, address: 'Rua General Glicério, 3120 – Centro, CEP 15015-400', city: STORE_CITY, state: 'SP', pixKey: cnpj },
    }),
  );
  return PEOPLE.map((p) => ({ id: createUser(ctx, { name: p.name, role: p.role, pin: p.pin }).id, ...p }));
}
