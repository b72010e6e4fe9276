import { ApiError } from '../../shared/contract/errors';
import { backgroundCheck, type BackgroundCheck } from './background';

/** `health.status` on a store that opened: fine, plus what the background page check found so far. */
export function healthStatus(file: string): { ok: true; check: BackgroundCheck } {
  return { ok: true, check: backgroundCheck(file) };
}

/** `health.restore` is the damaged-store screen's way back; an open store restores in Configurações. */
export function refuseHealthyRestore(): never {
  throw new ApiError('conflict', 'O arquivo de dados está em ordem. Para voltar a uma cópia, use Configurações → Cópias de segurança.');
}
