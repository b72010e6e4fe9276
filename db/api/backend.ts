import { join } from 'node:path';
import { openStore, closeStore, type Store } from '../open';
import { systemClock, type Clock } from '../clock';
import { createDispatcher, type Caller, type WireResult } from './dispatcher';

export type { Caller, WireResult };

export interface Backend {
  dispatch(method: string, input: unknown, caller: Caller): WireResult;
  close(): void;
  dbPath: string;
  store: Store;
}

/** Opens the database (migrating it) and returns the one dispatcher every transport calls. */
export function openBackend(opts: { dbPath: string; nativeBinding?: string; clock?: Clock }): Backend {
  const store = openStore(opts.dbPath, { nativeBinding: opts.nativeBinding });
  const { dispatch } = createDispatcher(store, opts.clock ?? systemClock);
  return { dispatch, close: () => closeStore(store), dbPath: opts.dbPath, store };
}

/** The store's file lives in the OS user-data folder unless `--db` says otherwise. */
export const defaultDbPath = (userDataDir: string): string => join(userDataDir, 'emdia.db');
