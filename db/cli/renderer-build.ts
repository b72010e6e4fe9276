import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);

/** Builds the renderer when it is missing or older than its sources, so `npm run web` needs no extra step. */
export async function ensureRendererBuilt(outDir: string): Promise<void> {
  const index = join(outDir, 'index.html');
  const stale = !existsSync(index) || Math.max(newestMtime('renderer'), newestMtime('shared')) > statSync(index).mtimeMs;
  if (!stale) return;
  console.log('Preparando as telas (vite build)...');
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build falhou');
}
