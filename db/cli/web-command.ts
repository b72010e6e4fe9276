import { resolve } from 'node:path';
import { openGuarded, type GuardedBackend } from '../health/guarded';
import { loadSettings } from '../usecases/settings';
import { DEFAULT_TIME_ZONE } from '../../shared/dates';
import { startWebServer } from '../server/http';
import { startOutbox } from '../mail/outbox';
import { clockFromFlags } from './clock-flags';
import { ensureRendererBuilt } from './renderer-build';

/** `npm run web`: the whole app in a browser on 127.0.0.1, for machines without the desktop runtime. */
export async function webCommand(file: string, flags: Record<string, string>): Promise<number> {
  // EMDIA_RENDERER_DIR: another built copy of the screens (several test runs side by side on one machine).
  const staticDir = resolve(process.env.EMDIA_RENDERER_DIR ?? 'dist/renderer');
  await ensureRendererBuilt(staticDir);
  // A damaged, locked or unreadable file opens the damaged-store screen instead of stopping (db/health).
  let backend: GuardedBackend | null = null;
  const clock = clockFromFlags(flags, () => {
    const store = backend?.store();
    return store ? loadSettings(store.db).store.timeZone : DEFAULT_TIME_ZONE;
  });
  backend = openGuarded({ dbPath: file, clock });
  const dispatch = backend.dispatch;
  const server = await startWebServer({ dispatch, staticDir, port: flags.port ? Number(flags.port) : undefined });
  // Régua e-mails queued by reminders.send go out from here, outside any transaction (db/mail/outbox.ts).
  const outbox = startOutbox(() => backend?.store() ?? null, clock);
  console.log(`EmDia no navegador: ${server.openUrl}`);
  console.log(`Banco de dados: ${file}`);
  const trouble = backend.problem();
  if (trouble) console.log(`Atenção: ${trouble.title}. Abra o endereço acima para ver as opções.`);
  console.log('Abra o endereço acima neste computador. Para encerrar, tecle Ctrl+C.');
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  outbox.stop();
  await server.close();
  backend.close();
  return 0;
}
