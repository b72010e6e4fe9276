import { runWorker } from '../backup/worker-client';
import { readStoreKey } from '../crypto-key';

/** The result of the background `PRAGMA quick_check` for a file (4 s on a 2.5 GB store: never at start). */
export interface BackgroundCheck {
  state: 'pending' | 'ok' | 'damaged' | 'not_run';
  at: string | null;
  message: string | null;
}

const checks = new Map<string, BackgroundCheck>();
const running = new Map<string, Promise<BackgroundCheck>>();

export const backgroundCheck = (file: string): BackgroundCheck => ({ ...(checks.get(file) ?? { state: 'not_run', at: null, message: null }) });

/** Starts the full page check off the main thread, once per start; the store is already in use meanwhile. */
export function startBackgroundCheck(file: string): Promise<BackgroundCheck> {
  const current = running.get(file);
  if (current) return current;
  checks.set(file, { state: 'pending', at: null, message: null });
  const p = runWorker('quickCheck', { file, key: readStoreKey(file) }).then((r) => {
    const result: BackgroundCheck =
      r.ok && r.result === 'ok'
        ? { state: 'ok', at: new Date().toISOString(), message: null }
        : r.ok
          ? {
              state: 'damaged',
              at: new Date().toISOString(),
              message: 'A verificação encontrou páginas danificadas no arquivo de dados. Faça um backup agora e fale com o suporte; se precisar, restaure a última cópia boa.',
            }
          : { state: 'not_run', at: new Date().toISOString(), message: null };
    if (r.ok && r.result !== 'ok') console.error('[emdia] quick_check:', r.result);
    checks.set(file, result);
    running.delete(file);
    return result;
  });
  running.set(file, p);
  return p;
}
