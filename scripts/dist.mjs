// `npm run dist` — builds the installers into release/: the screens (vite build) and the Electron bundles,
// then electron-builder with electron-builder.yml. By default it packages for this computer's system
// (Linux: AppImage + deb; Windows: NSIS installer). `npm run dist -- --win` asks for the Windows installer
// from another system (electron-builder may then need Wine). electron-builder downloads Electron and the
// better-sqlite3 prebuilt binary for Electron (node_modules/better-sqlite3 is the alias of
// better-sqlite3-multiple-ciphers, package.json), so packaging needs internet the first time.
//
// npmRebuild rebuilds node_modules/better-sqlite3 IN PLACE for Electron (and deletes its build/ first), which
// would leave the tests and the CLI, which run on Node, unable to load it. So the Node build/ folder is saved
// to .cache/ before packaging and put back afterwards, whatever the outcome.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (...p) => path.join(root, 'node_modules', ...p);

// npm passes the user's npmrc down as npm_config_*; a nodedir/target/runtime there (e.g. nodedir=/usr for
// offline Node builds) would make the rebuild target Node's headers instead of Electron's.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)),
);

/** Runs a tool with its output shown live; resolves to { ok, output } so failures can be explained. */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream) => (d) => {
      output += d;
      stream.write(d);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('error', (e) => resolve({ ok: false, output: String(e) }));
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

function fail(pt, en) {
  console.error(`\n${pt}\n\n${en}\n`);
  process.exit(1);
}

const wantWin = process.argv.includes('--win') || process.platform === 'win32';

console.log('Montando as telas (vite build)…');
if (!(await run([bin('vite', 'bin', 'vite.js'), 'build'])).ok) {
  fail('Falhou a montagem das telas (veja o erro acima).', 'The screens failed to build (see the error above).');
}
if (!(await buildElectron())) {
  fail('Falhou a montagem da versão de computador (veja o erro acima).', 'The desktop host failed to build (see above).');
}

const sqliteBuild = bin('better-sqlite3', 'build');
const saved = path.join(root, '.cache', 'better-sqlite3-node-build');
const restoreSqlite = () => {
  if (!fs.existsSync(saved)) return;
  fs.rmSync(sqliteBuild, { recursive: true, force: true });
  fs.cpSync(saved, sqliteBuild, { recursive: true });
  fs.rmSync(saved, { recursive: true, force: true });
};
// A copy left by an interrupted run is the Node build: put it back before saving again.
restoreSqlite();
fs.cpSync(sqliteBuild, saved, { recursive: true });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    restoreSqlite();
    process.exit(130);
  });
}

const builderArgs = [bin('electron-builder', 'cli.js'), '--config', 'electron-builder.yml', '--publish', 'never'];
if (wantWin) builderArgs.push('--win', 'nsis');
const { ok, output } = await run(builderArgs);
restoreSqlite();
if (!ok) {
  const offline = /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|getaddrinfo|dial tcp|no such host|network/i.test(output);
  if (offline) {
    fail(
      'Não foi possível gerar o instalador: o empacotador precisa da internet (GitHub) para baixar o Electron ' +
        'e o banco de dados para ele, e este computador não tem acesso. O EmDia continua funcionando no ' +
        'navegador com  npm run web.',
      'Could not build the installer: packaging downloads Electron and the better-sqlite3 binary for it from ' +
        'GitHub, and this computer has no access. The app still runs in the browser with  npm run web.',
    );
  }
  fail('Não foi possível gerar o instalador (veja o erro acima).', 'Could not build the installer (see the error above).');
}
console.log('\nInstaladores em release/.');
