import { app, dialog, safeStorage, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import { defaultDbPath } from '../db/api/backend';
import { openGuarded, type GuardedBackend } from '../db/health/guarded';
import { systemClock } from '../db/clock';
import { setKeyProtector } from '../db/crypto-key';
import { startOutbox } from '../db/mail/outbox';
import { createSecureWindow, hardenApp, hardenSession } from './security';
import { registerIpc } from './ipc';
import { createHeavyDispatch } from './heavy-dispatch';
import { rendererEntryUrl } from './url-policy';

// Desktop entry: one window, one backend, one IPC channel. No business rule lives here (STYLE.md).
// Printing: the page calls window.print(), which opens the system print dialog; receipts size themselves
// with CSS @page (80 mm), so no print IPC is needed.

// The same folder as db/paths.ts computes for the CLI, whether run from the repo (name "emdia") or the
// installed app (productName "EmDia"); set before 'ready' so Chromium's profile lands there too.
app.setPath('userData', path.join(app.getPath('appData'), 'EmDia'));

/** `--db <file>` or `--db=<file>`; relative paths are taken from where the user started the app. */
function dbPathFromArgv(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db' && argv[i + 1]) return path.resolve(argv[i + 1]);
    if (arg.startsWith('--db=')) return path.resolve(arg.slice('--db='.length));
  }
  return null;
}

/**
 * The database key is kept encrypted by the operating system (DPAPI on Windows, the Keychain on macOS, the
 * keyring on Linux) instead of lying in emdia.key as written. Linux without a keyring gives "basic_text", a
 * fixed password that protects nothing: then the key stays a 0600 file, as for the CLI (db/crypto-key.ts).
 */
function protectKeysWithTheSystem(): void {
  if (!safeStorage.isEncryptionAvailable()) return;
  if (process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) return;
  setKeyProtector({
    name: 'safeStorage',
    protect: (plain) => safeStorage.encryptString(plain.toString('utf8')),
    unprotect: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'utf8'),
  });
}

let mainWindow: BrowserWindow | null = null;
let backend: GuardedBackend | null = null;
let outbox: { stop(): void } | null = null;
let heavy: ReturnType<typeof createHeavyDispatch> | null = null;

function createMainWindow(appRoot: string): BrowserWindow {
  const win = createSecureWindow(
    {
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 700,
      title: 'EmDia',
      show: false,
      backgroundColor: '#ffffff',
      autoHideMenuBar: true,
    },
    path.join(__dirname, 'preload.cjs'),
  );
  // Shown once painted, so the clerk never sees a blank white flash.
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadFile(path.join(appRoot, 'dist', 'renderer', 'index.html'));
  return win;
}

function start(): void {
  const appRoot = app.getAppPath();
  hardenApp();

  app.on('second-instance', () => {
    // A second double-click on the icon should bring the open window back, not open the database twice.
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // Closing runs PRAGMA optimize and checkpoints the WAL, so the file is whole when the PC shuts down.
    outbox?.stop();
    outbox = null;
    void heavy?.close();
    heavy = null;
    backend?.close();
    backend = null;
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, appRoot);
    protectKeysWithTheSystem();
    const dbPath = dbPathFromArgv(process.argv) ?? defaultDbPath(app.getPath('userData'));
    try {
      // Bundled main code no longer sits next to db/migrations; the backend reads this variable.
      process.env.EMDIA_MIGRATIONS_DIR = path.join(appRoot, 'db', 'migrations');
      // From `npm start`: a better-sqlite3 build for Electron's ABI, kept apart from the Node build the
      // tests use. In the installed app electron-builder already rebuilt the module, so this is unset.
      // The backup and health-check worker (db/backup/copy-worker.mjs) is a plain file beside the bundle's sources.
      // A worker thread cannot start from inside app.asar: the installed app ships it unpacked (asarUnpack).
      process.env.EMDIA_BACKUP_WORKER ||= path.join(appRoot.replace(/app\.asar$/, 'app.asar.unpacked'), 'db', 'backup', 'copy-worker.mjs');
      // A damaged, locked or unreadable file does not stop the app: the window opens on the damaged-store
      // screen (db/health), which explains what happened and offers the latest good copy.
      backend = openGuarded({ dbPath, nativeBinding: process.env.EMDIA_SQLITE_BINDING || undefined, clock: systemClock });
      const trouble = backend.problem();
      if (trouble) console.error(`[emdia] data file problem: ${trouble.kind} ${trouble.detail}`);
    } catch (e) {
      console.error('[emdia] could not open the database', e);
      const detail = e instanceof Error ? e.message : String(e);
      dialog.showErrorBox('EmDia', `Não foi possível abrir o arquivo de dados:\n${dbPath}\n\n${detail}`);
      app.exit(1);
      return;
    }
    const open = backend;
    // Régua e-mails queued by reminders.send are sent from here, outside any transaction, retried while offline.
    outbox = startOutbox(() => open.store(), systemClock);
    // Heavy reports (dashboard, exports, the waiting backup) answer from a worker thread with its own
    // connection; everything else stays here (electron/heavy-methods.ts). Unpacked: no worker runs from app.asar.
    heavy = createHeavyDispatch({
      dbPath,
      dispatch: (method, input, caller) => open.dispatch(method, input, caller),
      workerFile: path.join(__dirname.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), 'heavy-worker.cjs'),
      nativeBinding: process.env.EMDIA_SQLITE_BINDING || undefined,
    });
    const served = heavy;
    registerIpc({
      dispatch: (method, input, caller) => served.dispatch(method, input, caller),
      appRoot,
      isMainWindow: (wc) => mainWindow !== null && !mainWindow.isDestroyed() && wc.id === mainWindow.webContents.id,
    });
    mainWindow = createMainWindow(appRoot);
    console.log(`[emdia] data: ${dbPath}; page: ${rendererEntryUrl(appRoot)}`);
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
