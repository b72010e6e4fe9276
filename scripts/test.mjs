// `npm test`: type check, the Electron security scan, then every vitest suite (unit, integration on real
// SQLite files, import boundaries, and end-to-end in real Chromium when one is found).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChrome } from './find-chrome.mjs';

const run = (label, cmd, args, env = process.env) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✖ ${label} falhou (código ${r.status}).`);
    process.exit(r.status || 1);
  }
};

const chrome = findChrome();
if (!chrome) {
  console.warn('\n' + '!'.repeat(78));
  console.warn('!! NENHUM CHROMIUM ENCONTRADO: os testes de ponta a ponta no navegador serão PULADOS.');
  console.warn('!! No Debian/Ubuntu: sudo apt-get install chromium   (ou defina CHROME_PATH=/caminho/do/chrome)');
  console.warn('!'.repeat(78) + '\n');
}

run('Checagem de tipos (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
if (existsSync('scripts/electronegativity.mjs')) run('Electronegativity (segurança do Electron)', process.execPath, ['scripts/electronegativity.mjs']);
// Build the screens once, before the browser tests start several servers in parallel: each would otherwise
// rebuild dist/renderer while another one serves it.
run('Telas (vite build)', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
run('Testes (vitest)', process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  ...process.env,
  ...(chrome ? { EMDIA_CHROME: chrome } : {}),
});
