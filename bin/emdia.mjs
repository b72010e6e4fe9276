#!/usr/bin/env node
// Entry for `npx emdia …` and `npm run web`. Runs the prebuilt bundle of db/cli/main.ts (scripts/build-cli.mjs,
// made on `npm install`) with V8's code cache beside it, so a call starts in plain Node in a fraction of the
// time tsx takes to compile the TypeScript. A source newer than the bundle rebuilds it first (about a second,
// once); without esbuild, or with a build error, it runs the TypeScript through tsx as before, so the CLI
// always works. EMDIA_CLI_TSX=1 forces the tsx path.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = join(root, '.cache', 'cli');
const tsxOnly = process.env.EMDIA_CLI_TSX === '1';

/** The current bundle when none of its sources changed since its build began; null otherwise. */
function freshBundle() {
  try {
    const m = JSON.parse(readFileSync(join(cliDir, 'current.json'), 'utf8'));
    // A removed or renamed source throws here: stale too.
    for (const p of m.inputs) if (statSync(join(root, p)).mtimeMs > m.startedAt) return null;
    const entry = join(cliDir, m.dir, 'main.cjs');
    statSync(entry);
    return entry;
  } catch {
    return null;
  }
}

const cachesToWrite = [];

/**
 * require() through vm.Script with the code cache in `<file>.v8cache`: parsing and compiling 1 MB of JavaScript
 * was most of a call's start. A cache from another Node version is rejected by V8 and written again.
 */
function requireCached(file) {
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this build
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = { exports: {}, filename: file, id: file };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  // After the command ran, so the functions it compiled lazily are in the cache too.
  if (cachedData === undefined || script.cachedDataRejected) cachesToWrite.push(() => writeAtomically(cacheFile, script.createCachedData()));
  return mod.exports;
}

function writeAtomically(file, data) {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    // a read-only checkout: the next start compiles again, nothing else changes
  }
}

let entry = tsxOnly ? null : freshBundle();
if (!entry && !tsxOnly) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    const m = await buildCli({ quiet: true });
    if (m) entry = join(cliDir, m.dir, 'main.cjs');
  } catch {
    // no esbuild here (an install without dev packages): tsx below
  }
}

let main;
if (entry) {
  // A bundled file no longer sits next to db/migrations and the backup worker; db/ reads these (as the desktop bundle).
  process.env.EMDIA_MIGRATIONS_DIR ||= join(root, 'db', 'migrations');
  process.env.EMDIA_BACKUP_WORKER ||= join(root, 'db', 'backup', 'copy-worker.mjs');
  globalThis.__emdiaRequireCached = requireCached; // the lazily loaded packages (vendor-*.cjs) use it too
  ({ main } = requireCached(entry));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../db/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
for (const write of cachesToWrite) write();
