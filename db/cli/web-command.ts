import { resolve } from 'node:path';
import { openStore, closeStore } from '../open';
import { createDispatcher } from '../api/dispatcher';
import { loadSettings } from '../usecases/settings';
import { startWebServer } from '../server/http';
import { clockFromFlags } from './clock-flags';
import { ensureRendererBuilt } from './renderer-build';

/** `npm run web`: the whole app in a browser on 127.0.0.1, for machines without the desktop runtime. */
export async function webCommand(file: string, flags: Record<string, string>): Promise<number> {
  const staticDir = resolve('dist/renderer');
  await ensureRendererBuilt(staticDir);
  const store = openStore(file);
  const clock = clockFromFlags(flags, () => loadSettings(store.db).store.timeZone);
  const { dispatch } = createDispatcher(store, clock);
  const server = await startWebServer({ dispatch, staticDir, port: flags.port ? Number(flags.port) : undefined });
  console.log(`EmDia no navegador: ${server.openUrl}`);
  console.log(`Banco de dados: ${file}`);
  console.log('Abra o endereço acima neste computador. Para encerrar, tecle Ctrl+C.');
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  closeStore(store);
  return 0;
}
