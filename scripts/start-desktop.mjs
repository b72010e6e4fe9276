// `npm start` — runs EmDia as a desktop app from the repository. `npm start -- --db loja.db` forwards the
// arguments to the app.
//
// Steps, cheapest-to-fail first (so an offline PC hears "use npm run web" in seconds, before any build):
//  1. Electron runtime. node_modules/electron is installed without its binary (package.json
//     "allowScripts": {"electron": false}). If node_modules/electron/path.txt or the binary is missing we
//     run node_modules/electron/install.js, which downloads Electron (~100 MB) from GitHub into
//     node_modules/electron/dist. Before that we check the download host answers within 10 s (skipped when
//     the zip is already in Electron's download cache or a proxy is configured), so a PC without internet
//     fails fast instead of hanging; the download itself is bounded at 15 minutes for slow links.
//  2. better-sqlite3 for Electron. node_modules/better-sqlite3 is better-sqlite3-multiple-ciphers (an npm
//     alias in package.json: the same API with SQLCipher-compatible encryption). The copy in node_modules is
//     built for Node (tests and CLI use it) and Electron needs one built for its own ABI. We copy the package to .cache/electron-<version>/better-sqlite3
//     and there run prebuild-install --runtime electron (better-sqlite3-multiple-ciphers publishes prebuilt
//     binaries for Electron on its GitHub releases), falling back to node-gyp against Electron's headers (needs a C++ toolchain). The result is
//     reused on later starts and handed to the app as EMDIA_SQLITE_BINDING (main.ts passes it to
//     better-sqlite3 as nativeBinding).
//  3. Builds: the renderer (vite build) only when dist/renderer/index.html is missing or older than
//     renderer/, shared/ or vite.config.ts; the Electron bundles (esbuild, well under a second) every time.
//  4. Starts Electron on the repository folder, so package.json "main" (dist-electron/main.cjs) runs and
//     app.getAppPath() is the repository root, just like the app.asar root of the installed app.
// Any failure prints a plain pt-BR message (English below) and exits 1, without a stack trace: the same
// app always runs in the browser with `npm run web`. EMDIA_VERBOSE=1 also prints the failed tool's output.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const bin = (...p) => path.join(root, 'node_modules', ...p);
const electronDir = path.join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;

const WEB_HINT_PT = 'O EmDia funciona igual no navegador: rode  npm run web  e abra o endereço que aparecer.';
const WEB_HINT_EN = 'The same app runs in the browser: run  npm run web  and open the address it prints.';

/** `webHint` is off for build failures: the browser mode needs the same build. */
function fail(pt, en, webHint = true) {
  const [hintPt, hintEn] = webHint ? [`\n${WEB_HINT_PT}`, `\n${WEB_HINT_EN}`] : ['', ''];
  console.error(`\n${pt}${hintPt}\n\n${en}${hintEn}\n(Details for support: EMDIA_VERBOSE=1 npm start)\n`);
  process.exit(1);
}

/** Runs a command, with its output shown only on failure; resolves to true when it exits 0 in time. */
function run(cmd, args, { cwd = root, timeoutMs, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n(stopped after ${Math.round(timeoutMs / 1000)} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    const done = (ok) => {
      clearTimeout(timer);
      if (!ok && process.env.EMDIA_VERBOSE) console.error(output.trim());
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

// ---- 1. Electron runtime -------------------------------------------------------------------------------

function electronBinary() {
  try {
    const bin = require('electron'); // the package's main export is the binary's path (from path.txt)
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** True when @electron/get already holds this version's zip, so install.js needs no network. */
function electronZipCached() {
  const home = os.homedir();
  const cacheRoot =
    process.env.electron_config_cache ||
    (process.platform === 'win32'
      ? path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'electron')
        : path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron'));
  const zip = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
  try {
    return fs.readdirSync(cacheRoot).some((d) => fs.existsSync(path.join(cacheRoot, d, zip)));
  } catch {
    return false;
  }
}

async function downloadHostAnswers() {
  const base = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/';
  try {
    // Any HTTP answer (even a redirect or 404) proves the network path works; only silence is a failure.
    await fetch(base, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return true;
  } catch {
    return false;
  }
}

async function ensureElectron() {
  const existing = electronBinary();
  if (existing) return existing;
  const viaProxy = ['ELECTRON_GET_USE_PROXY', 'GLOBAL_AGENT_HTTPS_PROXY', 'HTTPS_PROXY', 'https_proxy'].some(
    (k) => process.env[k],
  );
  const canTry = electronZipCached() || viaProxy || (await downloadHostAnswers());
  if (canTry) console.log(`Baixando o Electron ${electronVersion} (só na primeira vez)…`);
  const ok =
    canTry &&
    (await run(process.execPath, [path.join(electronDir, 'install.js')], { timeoutMs: 15 * 60_000 })) &&
    electronBinary();
  if (!ok) {
    fail(
      'Não foi possível baixar o programa da versão para computador (Electron): sem acesso à internet para o GitHub.',
      'Could not download the desktop runtime (Electron): no internet access to GitHub.',
    );
  }
  return electronBinary();
}

// ---- 2. better-sqlite3 built for Electron ----------------------------------------------------------------

async function ensureSqliteForElectron() {
  const src = path.join(root, 'node_modules', 'better-sqlite3');
  // The name too: a binary built for plain better-sqlite3 of the same version must not be taken for this one.
  const { name: sqlitePackage, version: sqliteVersion } = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
  const dir = path.join(root, '.cache', `electron-${electronVersion}`, 'better-sqlite3');
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  const marker = path.join(dir, '.emdia-built.json');
  const stamp = JSON.stringify({ electronVersion, sqlitePackage, sqliteVersion, platform: process.platform, arch: process.arch });
  if (fs.existsSync(binding) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === stamp) return binding;

  console.log('Preparando o banco de dados para a versão de computador (só na primeira vez)…');
  fs.rmSync(dir, { recursive: true, force: true });
  // Without build/: the Node binary there must never be mistaken for the Electron one.
  fs.cpSync(src, dir, { recursive: true, filter: (p) => p !== path.join(src, 'build') });
  // npm passes the user's npmrc down as npm_config_*; a nodedir/target/runtime there (e.g. nodedir=/usr for
  // offline Node builds) would make these tools build for Node instead of Electron.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)),
  );
  const prebuilt = await run(
    process.execPath,
    [bin('prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', electronVersion],
    { cwd: dir, env, timeoutMs: 2 * 60_000 },
  );
  const built =
    (prebuilt && fs.existsSync(binding)) ||
    ((await run(
      process.execPath,
      [
        bin('node-gyp', 'bin', 'node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: dir, env, timeoutMs: 10 * 60_000 },
    )) &&
      fs.existsSync(binding));
  if (!built) {
    fail(
      'Não foi possível preparar o banco de dados (better-sqlite3-multiple-ciphers) para a versão de computador: ' +
        'o download falhou e a compilação local também (sem internet, ou sem compilador C++).',
      'Could not prepare the database module (better-sqlite3-multiple-ciphers) for the desktop runtime: ' +
        'the download failed and so did building it here (no internet, or no C++ toolchain).',
    );
  }
  fs.writeFileSync(marker, stamp);
  return binding;
}

// ---- 3. Builds ---------------------------------------------------------------------------------------------

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

async function ensureBuilds() {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(...['renderer', 'shared', 'vite.config.ts'].map((p) => newestMtime(path.join(root, p))));
  if (built < sources) {
    console.log('Montando as telas (vite build)…');
    const ok = await run(process.execPath, [bin('vite', 'bin', 'vite.js'), 'build'], { timeoutMs: 10 * 60_000 });
    if (!ok) {
      fail(
        'Não foi possível montar as telas (vite build falhou). Rode  npx vite build  para ver o erro.',
        'Could not build the screens (vite build failed). Run  npx vite build  to see the error.',
        false,
      );
    }
  }
  if (!(await buildElectron())) {
    fail(
      'Não foi possível montar a versão de computador (esbuild falhou; veja o erro acima).',
      'Could not build the desktop host (esbuild failed; see the error above).',
      false,
    );
  }
}

// ---- 4. Run ------------------------------------------------------------------------------------------------

const electron = await ensureElectron();
const binding = await ensureSqliteForElectron();
await ensureBuilds();

const env = { ...process.env, EMDIA_SQLITE_BINDING: binding };
// If set, Electron would behave as plain Node and never open a window.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
