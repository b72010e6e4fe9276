import { existsSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, weekday } from '../../shared/dates';

/** Why a copy was made; shown in Configurações → Cópias de segurança. */
export type BackupReason = 'manual' | 'diaria' | 'antes-de-importar' | 'antes-de-restaurar' | 'antes-da-atualizacao';

/** One verified copy, as written in `manifest.json` beside the files. */
export interface BackupEntry {
  /** the file name inside the folder */
  file: string;
  /** ISO timestamp of the copy */
  at: string;
  /** the store's calendar date of the copy (rotation counts in these days) */
  day: string;
  bytes: number;
  verified: boolean;
  reason: BackupReason;
  schemaVersion: number;
  customers: number;
  paymentsCents: number;
}

interface Manifest {
  version: 1;
  items: BackupEntry[];
}

export const MANIFEST = 'manifest.json';

export function readManifest(dir: string): BackupEntry[] {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return [];
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return Array.isArray(m.items) ? m.items.filter((e) => e && typeof e.file === 'string') : [];
  } catch {
    // A damaged manifest must not hide the copies: listing falls back to the files themselves.
    return [];
  }
}

/** Written beside and renamed over, so a power cut leaves the old manifest or the new one, never half. */
export function writeManifest(dir: string, items: BackupEntry[]): void {
  const file = join(dir, MANIFEST);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version: 1, items } satisfies Manifest, null, 2));
  renameSync(tmp, file);
}

/** Monday of the ISO week of a calendar date. */
const weekKey = (day: string): string => addDays(day, -((weekday(day) + 6) % 7));

export const RETENTION = { daily: 7, weekly: 4, monthly: 12, newest: 2 };

/**
 * Grandfather-father-son rotation: the newest copy of each of the last 7 days that have copies, of the
 * last 4 weeks and of the last 12 months; plus the newest two whatever they are (the undo copy of a restore
 * made a minute ago must survive the next backup). Returns what to keep and what to delete.
 */
export function rotate(items: BackupEntry[], keep = RETENTION): { keep: BackupEntry[]; drop: BackupEntry[] } {
  const sorted = [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const kept = new Set<BackupEntry>(sorted.slice(0, keep.newest));
  const newestPer = (key: (e: BackupEntry) => string, count: number) => {
    const seen = new Set<string>();
    for (const e of sorted) {
      const k = key(e);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      kept.add(e);
    }
  };
  newestPer((e) => e.day, keep.daily);
  newestPer((e) => weekKey(e.day), keep.weekly);
  newestPer((e) => e.day.slice(0, 7), keep.monthly);
  return { keep: sorted.filter((e) => kept.has(e)), drop: sorted.filter((e) => !kept.has(e)) };
}

/** Adds a verified copy to the folder's manifest and deletes the copies rotation no longer keeps. */
export function addAndRotate(dir: string, entry: BackupEntry): BackupEntry[] {
  const present = readManifest(dir).filter((e) => e.file !== entry.file && existsSync(join(dir, e.file)));
  const { keep, drop } = rotate([entry, ...present]);
  writeManifest(dir, keep);
  for (const e of drop) rmSync(join(dir, e.file), { force: true });
  return keep;
}
