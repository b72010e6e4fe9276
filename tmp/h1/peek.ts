import Database from 'better-sqlite3';
import { applyKey, storeKey, isPlainSqlite } from '../../db/crypto-key';
const f = '/work/main/.cache/bench/demo-100000-s7-2026-11-23.db';
const db = new Database(f, { readonly: true });
if (!isPlainSqlite(f)) applyKey(db, storeKey(f));
console.log('uv', db.pragma('user_version', { simple: true }));
console.log(db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all().map((r:any)=>r.name).join(' '));
db.close();
