import type Database from 'better-sqlite3';

export interface TableStats {
  rows: number;
  cents: Record<string, number>;
}
export interface StoreStats {
  userVersion: number;
  tables: Record<string, TableStats>;
}
export function snapshotStats(db: Database.Database, schema?: string): StoreStats;
export function compareStats(expected: StoreStats, actual: StoreStats): string[];

