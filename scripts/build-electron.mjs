// Bundles the desktop host with esbuild: electron/main.ts -> dist-electron/main.cjs (with db/ and shared/
// inlined) and electron/preload.ts -> dist-electron/preload.cjs. 'electron' is provided by the runtime;
// better-sqlite3 stays external because its native .node file is loaded from disk (EMDIA_SQLITE_BINDING
// under `npm start`, the electron-builder rebuild in the installed app). Usage: node scripts/build-electron.mjs
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20', // the oldest Node we support (package.json engines); Electron's own Node is newer.
  external: ['electron', 'better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
};

/** Builds both bundles; returns true on success so callers (start, dist) can stop with a plain message. */
export async function buildElectron() {
  try {
    await Promise.all([
      build({
        ...common,
        // heavy-worker: the worker thread for the heavy reports (electron/heavy-dispatch.ts)
        entryPoints: { main: 'electron/main.ts', 'heavy-worker': 'electron/heavy-worker.ts' },
        outdir: 'dist-electron',
        outExtension: { '.js': '.cjs' },
        // db/migrate.ts uses import.meta.url (ESM); in a CJS bundle we give it this file's own URL.
        define: { 'import.meta.url': '__emdiaImportMetaUrl' },
        banner: { js: "const __emdiaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      }),
      build({
        ...common,
        entryPoints: { preload: 'electron/preload.ts' },
        outdir: 'dist-electron',
        outExtension: { '.js': '.cjs' },
        // A sandboxed preload may require only 'electron': keep node built-ins out of it.
        platform: 'browser',
        external: ['electron'],
      }),
    ]);
    return true;
  } catch {
    // esbuild has already printed the errors with file and line.
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await buildElectron();
  if (ok) console.log('dist-electron/main.cjs and dist-electron/preload.cjs built.');
  process.exit(ok ? 0 : 1);
}
