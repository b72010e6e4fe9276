// Bundles the command line (db/cli/main.ts with db/, shared/ and their packages) into one file with esbuild,
// so `npx emdia …` starts in plain Node instead of compiling TypeScript through tsx at every start (1–2 s
// before anything happened; store IT scripts call it in loops). Runs on `npm install` (package.json
// "prepare") and again from bin/emdia.mjs whenever a source is newer than the build.
//
// Layout: each build goes to its own folder .cache/cli/b-<time>-<pid>/ (main.cjs, vendor-*.cjs) and
// .cache/cli/current.json names the good one, written last by rename: two CLIs rebuilding at once never read
// half a bundle, and a running `emdia web` keeps its folder while a newer build appears. better-sqlite3 stays
// external (its native .node file is loaded from node_modules). Usage: node scripts/build-cli.mjs
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliCacheDir = path.join(root, '.cache', 'cli');
export const currentFile = path.join(cliCacheDir, 'current.json');

// Big packages only some commands need (2.3 MB of the 3 MB a `call` would otherwise parse at every start: the
// holiday tables with moment-timezone, the spreadsheet reader, the mailer). Each is bundled on its own into
// vendor-<name>.cjs and reached through a stand-in module that loads it on first use.
const LAZY = ['date-holidays', '@e965/xlsx', 'nodemailer'];
const vendorFile = (pkg) => `vendor-${pkg.replace(/[@/]/g, '_')}.cjs`;

/** The stand-in: the same export names as the package, each loading vendor-<name>.cjs when first touched. */
function standIn(pkg) {
  const real = createRequire(path.join(root, 'package.json'))(pkg);
  const lines = [
    "import { createRequire } from 'node:module';",
    "import { fileURLToPath } from 'node:url';",
    // bin/emdia.mjs lends its code-cached loader; anywhere else, plain require.
    `let m; const load = () => { if (m) return m; const f = fileURLToPath(new URL('./${vendorFile(pkg)}', import.meta.url)); return (m = globalThis.__emdiaRequireCached ? globalThis.__emdiaRequireCached(f) : createRequire(f)(f)); };`,
    // typeof checks run on the real module at build time; the stand-ins forward at run time.
    'const fn = (get) => function (...a) { const f = get(); return new.target ? Reflect.construct(f, a) : f.apply(this, a); };',
    'const obj = (get) => new Proxy({}, { get: (_, k) => get()[k], has: (_, k) => k in get(), ownKeys: () => Reflect.ownKeys(get()), getOwnPropertyDescriptor: (_, k) => ({ ...Object.getOwnPropertyDescriptor(get(), k), configurable: true }) });',
    `export default ${typeof real === 'function' ? 'fn(load)' : 'obj(load)'};`,
  ];
  for (const [k, v] of Object.entries(real)) {
    if (!/^[A-Za-z_$][\w$]*$/.test(k) || k === 'default') continue;
    if (typeof v === 'function') lines.push(`export const ${k} = fn(() => load().${k});`);
    else if (v && typeof v === 'object') lines.push(`export const ${k} = obj(() => load().${k});`);
    else lines.push(`export const ${k} = ${JSON.stringify(v)};`);
  }
  return lines.join('\n');
}

const lazyPlugin = {
  name: 'emdia-lazy-packages',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.map((p) => p.replace(/[/]/g, '\\/')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'emdia-lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'emdia-lazy' }, (args) => ({ contents: standIn(args.path), loader: 'js', resolveDir: root }));
  },
};

/** Builds a fresh bundle and points current.json at it; returns its manifest, or null when esbuild failed. */
export async function buildCli({ quiet = false } = {}) {
  const startedAt = Date.now(); // a source saved during the build is newer than this, so the next start rebuilds
  const name = `b-${startedAt}-${process.pid}`;
  const outdir = path.join(cliCacheDir, name);
  mkdirSync(outdir, { recursive: true });
  let result;
  try {
    result = await build({
      absWorkingDir: root,
      entryPoints: { main: 'db/cli/main.ts' },
      outdir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      // One CommonJS file, so bin/emdia.mjs can run it through vm.Script with V8's code cache (ES modules have no
      // such API in Node 20): the second start skips parsing and compiling. The demo, web, check and bench
      // commands stay behind their dynamic imports, evaluated only when asked for.
      format: 'cjs',
      platform: 'node',
      target: 'node20', // package.json engines
      // playwright-core: only the bench's screen timing loads it, from node_modules.
      external: ['better-sqlite3', 'playwright-core'],
      // Not minified: a bug's stack trace names our functions and prints a readable line (the code cache makes
      // the extra bytes cost nothing at start).
      // db/migrate.ts and the backup worker client use import.meta.url (ESM); here it is this file's own URL.
      define: { 'import.meta.url': '__emdiaImportMetaUrl' },
      banner: { js: "const __emdiaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      metafile: true,
      sourcemap: 'linked',
      logLevel: quiet ? 'silent' : 'warning',
      plugins: [lazyPlugin],
    });
    await Promise.all(
      LAZY.map((pkg) =>
        build({
          absWorkingDir: root,
          stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js' },
          outfile: path.join(outdir, vendorFile(pkg)),
          bundle: true,
          format: 'cjs',
          platform: 'node',
          target: 'node20',
          minify: true,
          logLevel: quiet ? 'silent' : 'warning',
        }),
      ),
    );
  } catch {
    rmSync(outdir, { recursive: true, force: true });
    return null; // esbuild has printed the errors with file and line (unless quiet)
  }
  // Our own sources and this script: what bin/emdia.mjs compares with startedAt. Packages change only through
  // `npm install`, which rebuilds anyway.
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes('node_modules/') && !p.includes(':'))
    .concat('scripts/build-cli.mjs');
  const manifest = { dir: name, startedAt, inputs };
  const tmp = `${currentFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, currentFile);
  prune(name);
  return manifest;
}

/** Older builds go after a day: long enough for any `emdia web` still importing a command from its folder. */
function prune(keep) {
  for (const d of readdirSync(cliCacheDir)) {
    if (!d.startsWith('b-') || d === keep) continue;
    const p = path.join(cliCacheDir, d);
    try {
      if (Date.now() - statSync(p).mtimeMs > 24 * 3600_000) rmSync(p, { recursive: true, force: true });
    } catch {
      // another process pruned it first
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const m = await buildCli();
  if (m) console.log(`CLI pronto: .cache/cli/${m.dir}/main.cjs`);
  // From `npm install` (prepare): a failed bundle must not fail the install; bin/emdia.mjs then uses tsx.
  else if (process.argv.includes('--if-possible')) console.warn('Aviso: o pacote do CLI não foi gerado; `npx emdia` usará o tsx (mais lento).');
  process.exit(m || process.argv.includes('--if-possible') ? 0 : 1);
}
