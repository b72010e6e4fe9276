// The slow half of backups and health checks, run in a worker thread so the window and the counter keep
// working while a 2.5 GB store is copied (12 s) or checked (4 s). Plain JavaScript on purpose: a worker
// thread loads this file directly, in tests (vitest), in the CLI (tsx) and in the desktop bundle alike.
// Only node built-ins and better-sqlite3 here; the TypeScript side is db/backup/worker-client.ts.
//
// Encrypted stores (db/crypto-key.ts): every job gets the store's key (64 hex digits) in its args. SQLite3
// Multiple Ciphers refuses the backup API between an encrypted source and a destination it cannot key (and
// better-sqlite3 opens the destination itself, unkeyed), so for an encrypted store the copy and the restore
// are a copy of schema and rows between two keyed files attached to one connection, in one transaction: the
// same read snapshot for the stats and the copy, writers going on meanwhile (WAL), rowids kept (EmDia orders by
// them). A plain file (an older store or copy) still goes through the backup API, as before.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { copyFileSync, renameSync, rmSync, statSync, existsSync, openSync, fsyncSync, closeSync, readSync } from 'node:fs';

// Loaded inside the job (see the end of this file), so even a missing native module comes back as a result.
let Database = null;

/** An unencrypted SQLite file: its first 16 bytes are SQLite's magic string, which SQLCipher encrypts. */
function isPlain(file) {
  try {
    if (statSync(file).size < 16) return false;
    const fd = openSync(file, 'r');
    try {
      const b = Buffer.alloc(16);
      readSync(fd, b, 0, 16, 0);
      return b.toString('latin1') === 'SQLite format 3\0';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The same settings as db/crypto-key.ts applyKey: SQLCipher 4 with a raw key. */
function applyKey(db, key) {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key}'"`);
}

/** Opens a file with the store's key, unless it is a plain (older) file; a new file is created encrypted. */
function open(file, opts = {}, key = null) {
  const db = new Database(file, { ...(workerData?.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}), ...opts });
  if (key && !isPlain(file)) applyKey(db, key);
  return db;
}

/** ATTACH with SQLite3 Multiple Ciphers' KEY clause; an empty key attaches a plain file. */
function attach(db, file, schema, key) {
  db.prepare(`ATTACH DATABASE ? AS "${schema}" KEY ?`).run(file, key && !isPlain(file) ? `x'${key}'` : '');
}

/**
 * Copies every table (rows and rowids), then the sequences, indexes, triggers and views, and the schema version,
 * from the attached `from` into `main` (empty), inside the caller's transaction. Indexes come after the rows:
 * built once, faster than updated row by row.
 */
function copyAll(db, from, onTable) {
  const objects = db.prepare(`SELECT type, name, sql FROM "${from}".sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all();
  const tables = objects.filter((o) => o.type === 'table');
  const withoutRowid = new Set(db.prepare('SELECT name FROM pragma_table_list WHERE schema = ? AND wr = 1').all(from).map((r) => r.name));
  for (const t of tables) db.exec(t.sql);
  tables.forEach((t, i) => {
    const cols = db.prepare('SELECT name FROM pragma_table_info(?, ?)').all(t.name, from).map((c) => `"${c.name}"`);
    const list = (withoutRowid.has(t.name) ? cols : ['rowid', ...cols]).join(', ');
    db.exec(`INSERT INTO main."${t.name}" (${list}) SELECT ${list} FROM "${from}"."${t.name}"`);
    onTable?.(i + 1, tables.length);
  });
  const hasSequence = (schema) => db.prepare(`SELECT 1 FROM "${schema}".sqlite_master WHERE name = 'sqlite_sequence'`).get();
  if (hasSequence(from) && hasSequence('main')) {
    db.exec('DELETE FROM main.sqlite_sequence');
    db.exec(`INSERT INTO main.sqlite_sequence SELECT * FROM "${from}".sqlite_sequence`);
  }
  for (const o of objects) if (o.type !== 'table') db.exec(o.sql);
  db.pragma(`user_version = ${Number(db.pragma(`"${from}".user_version`, { simple: true }))}`);
}

/** Empties `main` for a restore: views and triggers, then the tables (their indexes go with them). */
function dropAll(db) {
  const objects = db.prepare("SELECT type, name FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('view', 'trigger', 'table')").all();
  for (const type of ['view', 'trigger', 'table']) {
    for (const o of objects) if (o.type === type) db.exec(`DROP ${type.toUpperCase()} IF EXISTS main."${o.name}"`);
  }
}

/**
 * Row counts of every table and the sum of every money column (`*_cents`), read in the caller's
 * transaction: taken in the same read snapshot as the copy, they say what the copy must contain.
 */
export function snapshotStats(db, schema = 'main') {
  const q = (name) => `"${schema}"."${name}"`;
  const tables = db.prepare(`SELECT name FROM ${q('sqlite_master')} WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all();
  const out = { userVersion: db.pragma(`"${schema}".user_version`, { simple: true }), tables: {} };
  for (const { name } of tables) {
    const cols = db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(name, schema).map((c) => c.name).filter((c) => c.endsWith('_cents'));
    const sql = `SELECT COUNT(*) AS rows${cols.map((c, i) => `, TOTAL("${c}") AS c${i}`).join('')} FROM ${q(name)}`;
    const r = db.prepare(sql).get();
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
export function verifyCopy(file, expected, key = null) {
  const db = open(file, { fileMustExist: true }, key);
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
async function backup({ source, dest, extraDest, key = null }, progress) {
  const tmp = dest + '.parcial';
  rmSync(tmp, { force: true });
  const encrypted = key && !isPlain(source);
  if (encrypted) return finishBackup(encryptedCopy(source, tmp, key, progress), tmp, dest, extraDest, key, progress);
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
  return finishBackup({ ok: true, stats }, tmp, dest, extraDest, null, progress);
}

/** The encrypted store's copy: a new keyed file, filled from the source attached in one read snapshot. */
function encryptedCopy(source, tmp, key, progress) {
  let db;
  try {
    db = open(tmp, {}, key);
    db.pragma('busy_timeout = 5000');
    // Tables arrive one by one; the rows held their foreign keys in the source, and the verification follows.
    db.pragma('foreign_keys = OFF');
    attach(db, source, 'origem', key);
    db.exec('BEGIN');
    const stats = snapshotStats(db, 'origem');
    copyAll(db, 'origem', (done, total) => progress({ phase: 'copy', percent: Math.round((80 * done) / total) }));
    db.exec('COMMIT');
    db.exec('DETACH origem');
    return { ok: true, stats };
  } catch (e) {
    try {
      db?.close();
    } catch {
      // closing is best effort: the partial file is removed next
    }
    db = null;
    rmSync(tmp, { force: true });
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  } finally {
    db?.close();
  }
}

/** Both kinds of copy: verified (integrity, counts, totals) before the copy gets its final name. */
function finishBackup(copied, tmp, dest, extraDest, key, progress) {
  if (!copied.ok) return copied;
  const { stats } = copied;
  progress({ phase: 'verify', percent: 85 });
  let problems;
  try {
    problems = verifyCopy(tmp, stats, key);
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
    result.extra = copyToExtra(dest, extraDest, stats, key);
  }
  progress({ phase: 'done', percent: 100 });
  return result;
}

/** The pen drive: a plain copy of the finished (not live) file, verified there too; its absence is no error. */
function copyToExtra(file, extraDest, stats, key) {
  const tmp = extraDest + '.parcial';
  try {
    copyFileSync(file, tmp);
    const problems = verifyCopy(tmp, stats, key);
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
function inspect({ file, key = null }) {
  if (!existsSync(file)) return { ok: false, code: 'ENOENT' };
  let db;
  try {
    db = open(file, { readonly: true, fileMustExist: true }, key);
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
async function restore({ source, dest, key = null }) {
  if (key && !isPlain(dest)) return restoreEncrypted(source, dest, key);
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

/**
 * Into an encrypted live file: its contents replaced by the copy's in one write transaction on a connection of
 * our own, so the app and a CLI see the switch whole (or not at all: a full disk rolls it back). A plain (older)
 * copy is attached without a key and lands encrypted.
 */
function restoreEncrypted(source, dest, key) {
  let db;
  try {
    db = open(dest, { fileMustExist: true }, key);
    db.pragma('busy_timeout = 5000');
    // Rows arrive table by table: the foreign keys hold again once all are in (they held in the copy).
    db.pragma('foreign_keys = OFF');
    attach(db, source, 'copia', key);
    db.exec('BEGIN IMMEDIATE');
    try {
      dropAll(db);
      copyAll(db, 'copia');
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
    return { ok: true };
  } catch (e) {
    return { ok: false, code: errorCode(e), message: String(e?.message ?? e) };
  } finally {
    db?.close();
  }
}

/** The background health check: `quick_check` reads every page, so it never runs on the main thread. */
function quickCheck({ file, key = null }) {
  let db;
  try {
    db = open(file, { readonly: true, fileMustExist: true }, key);
    return { ok: true, result: db.pragma('quick_check', { simple: true }) };
  } catch (e) {
    // An encrypted page that fails its HMAC (damaged on disk) stops the check with an error instead of a report.
    if (db && errorCode(e).startsWith('SQLITE_CORRUPT')) return { ok: true, result: String(e?.message ?? e) };
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
