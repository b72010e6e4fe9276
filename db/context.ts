import { v7 as uuidv7 } from 'uuid';
import type { Store, Db } from './open';
import type { Settings } from '../shared/contract/settings';
import type { UserPublic } from '../shared/contract/people';

/** Everything a use case may touch. Passed explicitly: there is no hidden singleton (STYLE.md practice 8). */
export interface Ctx {
  store: Store;
  db: Db;
  now: Date;
  /** the store's calendar date for `now` */
  today: string;
  settings: Settings;
  actor: UserPublic | null;
  transport: 'ipc' | 'http' | 'cli';
  newId(): string;
  /** created/updated stamp for a new row: UTC time and device */
  stamp(): { createdAt: string; updatedAt: string; device: string };
  /**
   * Customers whose money, contacts, promises or disputes this call changed: the dispatcher brings their
   * standings (db/projections) up to date in the same transaction, before it commits.
   */
  touched: Set<string>;
}

export const uuid = (): string => uuidv7();
