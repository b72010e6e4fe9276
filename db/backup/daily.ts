import type { Store } from '../open';
import { loadSettings, isStoreConfigured } from '../usecases/settings';
import { todayIn } from '../../shared/dates';
import { backupsDir } from './backups';
import { readManifest } from './manifest';
import { startBackup } from './jobs';

/**
 * The first start of each day makes a copy in the background (web server and desktop start call this).
 * A store not yet set up has nothing to keep. Returns whether a copy was started.
 */
export function startDailyBackup(store: Store, now = new Date()): boolean {
  if (store.file === ':memory:' || !isStoreConfigured(store.db)) return false;
  const settings = loadSettings(store.db);
  const today = todayIn(settings.store.timeZone, now);
  if (readManifest(backupsDir(store.file)).some((e) => e.verified && e.day === today)) return false;
  return startBackup({ file: store.file, reason: 'diaria', now, timeZone: settings.store.timeZone, extraFolder: settings.backup?.extraFolder ?? '' }).started;
}
