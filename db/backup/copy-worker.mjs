// The slow half of backups and health checks, run in a worker thread so the window and the counter keep
// working while a 2.5 GB store is copied (12 s) or checked (4 s). Plain JavaScript on purpose: a worker
// thread loads this file directly, in tests (vitest), in the CLI (tsx) and in the desktop bundle alike.
// Only node built-ins and better-sqlite3 here; the TypeScript side is db/backup/worker-client.ts.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { copyFileSync, renameSync, rmSync, statSync, existsSync, openSync, fsyncSync, closeSync } from 'node:fs';

// Loaded inside the job (see the end of this file), so even a missing native module comes back as a result.
let Database = null;
const open = (file, opts = {}) => new Database(file, { ...(workerData?.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}), ...opts });

/**
 * Row counts of every table and the sum of every money column (`*_cents`), read in the caller's
 * transaction: taken in the same read snapshot as the copy, they say what the copy must contain.
 */
export function snapshotStats(db) {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  const out = { userVersion: db.pragma('user_version', { simple: true }), tables: {} };
  for (const { name } of tables) {
    const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name).map((c) => c.name).filter((c) => c.endsWith('_cents'));
    const q = `SELECT COUNT(*) AS rows${cols.map((c, i) => `, TOTAL("${c}") AS c${i}`).join('')} FROM "${name}"`;
    const r = db.prepare(q).get();
    const cents = {};
    cols.forEach((c, i) => (cents[c] = r[`c${i}`]));
    out.tables[name] = { rows: r.rows, cents };
  }
  return out;
}

/** Differences between what the source held and what the copy holds, in words support can read. */
export function compareStats(expected, actual) {
  const problems = [];
  if (expected.userVersion !== actual.userVersion) problems.push(`versão ${actual.userVersion} ≠ ${expected.userVersion}`);
  for (const [name, e] of Object.entries(expected.tables)) {
    const a = actual.tables[name];
    if (!a) problems.push(`tabela ${name} ausente`);
    else {
      if (a.rows !== e.rows) problems.push(`${name}: ${a.rows} linhas, esperado ${e.rows}`);
      for (const [c, v] of Object.entries(e.cents)) if (a.cents[c] !== v) problems.push(`${name}.${c}: soma ${a.cents[c]}, esperado ${v}`);
    }
  }
  for (const name of Object.keys(actual.tables)) if (!expected.tables[name]) problems.push(`tabela ${name} a mais`);
  return problems;
}

/** A finished copy: a self-contained file (no WAL beside it), whole, and holding what the source held. */
export function verifyCopy(file, expected) {
  const db = open(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return [`integridade: ${integrity}`];
    return expected ? compareStats(expected, snapshotStats(db)) : [];
  } finally {
    db.close();
  }
}

function fsyncFile(file) {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const errorCode = (e) => e?.code ?? 'UNKNOWN';

/**
 * Online backup (SQLite's backup API, never a file copy of a live database): open a read transaction on a
 * connection of our own, take the stats and copy the pages in that same snapshot (in WAL mode writers go
 * on meanwhile without disturbing it), then verify the copy before it gets its final name.
 */
async function backup({ source, dest, extraDest }, progress) {
  const tmp = dest + '.parcial';
  rmSync(tmp, { force: true });
  const src = open(source, { fileMustExist: true });
  let stats;
  try {
    src.pragma('busy_timeout = 5000');
    src.exec('BEGIN');
    stats = snapshotStats(src);
    await src.backup(tmp, {
      progress({ totalPages, remainingPages }) {
        progress({ phase: 'copy', percent: totalPages ? Math.round((80 * (totalPages - remainingPages)) / totalPages) : 80 });
        return 256;
      },
    });
    src.exec('COMMIT');
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  } finally {
    src.close();
  }
  progress({ phase: 'verify', percent: 85 });
  let problems;
  try {
    problems = verifyCopy(tmp, stats);
  } catch (e) {
    problems = [String(e?.message ?? e)];
  }
  if (problems.length) {
    rmSync(tmp, { force: true });
    return { ok: false, code: 'VERIFY', message: problems.slice(0, 5).join('; ') };
  }
  try {
    fsyncFile(tmp);
    renameSync(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  }
  const result = { ok: true, bytes: statSync(dest).size, stats, extra: null };
  if (extraDest) {
    progress({ phase: 'extra', percent: 92 });
    result.extra = copyToExtra(dest, extraDest, stats);
  }
  progress({ phase: 'done', percent: 100 });
  return result;
}

/** The pen drive: a plain copy of the finished (not live) file, verified there too; its absence is no error. */
function copyToExtra(file, extraDest, stats) {
  const tmp = extraDest + '.parcial';
  try {
    copyFileSync(file, tmp);
    const problems = verifyCopy(tmp, stats);
    if (problems.length) throw Object.assign(new Error(problems.join('; ')), { code: 'VERIFY' });
    fsyncFile(tmp);
    renameSync(tmp, extraDest);
    return { ok: true, file: extraDest };
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  }
}

/** What a file offered for restore is: an EmDia store, whole, and of which schema version. */
function inspect({ file }) {
  if (!existsSync(file)) return { ok: false, code: 'ENOENT' };
  let db;
  try {
    db = open(file, { readonly: true, fileMustExist: true });
    const names = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    const emdia = ['settings', 'users', 'customers', 'payments', 'installments'].every((t) => names.has(t));
    const userVersion = db.pragma('user_version', { simple: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    return { ok: true, emdia, userVersion, integrity, bytes: statSync(file).size };
  } catch (e) {
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  } finally {
    db?.close();
  }
}

/** Restore through the backup API into the live file: other connections (the app, a CLI) see the switch whole. */
async function restore({ source, dest }) {
  const src = open(source, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dest);
    return { ok: true };
  } catch (e) {
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  } finally {
    src.close();
  }
}

/** The background health check: `quick_check` reads every page, so it never runs on the main thread. */
function quickCheck({ file }) {
  let db;
  try {
    db = open(file, { readonly: true, fileMustExist: true });
    return { ok: true, result: db.pragma('quick_check', { simple: true }) };
  } catch (e) {
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  } finally {
    db?.close();
  }
}

const OPS = { backup, inspect, restore, quickCheck };

if (!isMainThread && workerData?.emdiaOp) {
  const post = (msg) => parentPort.postMessage(msg);
  const finish = (result) => {
    // Synchronous callers wait on a shared buffer (the main thread is blocked and reads no messages).
    if (workerData.sab) {
      const bytes = Buffer.from(JSON.stringify(result));
      const view = new Uint8Array(workerData.sab);
      const header = new Int32Array(workerData.sab, 0, 2);
      if (bytes.length > view.length - 8) return finish({ ok: false, code: 'RESULT_TOO_LARGE', message: 'resultado grande demais' });
      view.set(bytes, 8);
      header[1] = bytes.length;
      Atomics.store(header, 0, 1);
      Atomics.notify(header, 0);
    }
    post({ type: 'result', result });
  };
  import('better-sqlite3')
    .then((m) => (Database = m.default))
    .then(() => OPS[workerData.emdiaOp](workerData.args, (p) => post({ type: 'progress', ...p })))
    .then(finish, (e) => finish({ ok: false, code: errorCode(e), message: String(e?.message ?? e) }));
}
