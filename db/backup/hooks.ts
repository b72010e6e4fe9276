import type { Ctx } from '../context';
import type { Sessions } from '../api/sessions';
import { ApiError } from '../../shared/contract/errors';
import { backupSync } from './backups';
import { startBackup } from './jobs';
import { restoreInto, resolveBackupFile } from './restore';

/**
 * Work the dispatcher runs for some methods BEFORE its transaction opens: a copy of a multi-gigabyte store
 * must not hold the write lock, and a restore rewrites the file under the connection, which cannot happen
 * inside a transaction of that connection. What it returns reaches the handler as `env.pre`.
 */
export function beforeTransaction(ctx: Ctx, name: string, input: Record<string, unknown>, sessions: Sessions): unknown {
  const req = (reason: Parameters<typeof backupSync>[0]['reason']) => ({
    file: ctx.store.file,
    reason,
    now: ctx.now,
    timeZone: ctx.settings.store.timeZone,
    extraFolder: ctx.settings.backup?.extraFolder ?? '',
  });
  switch (name) {
    case 'import.csv':
    case 'import.run': {
      // A simulation writes nothing; a real import first gets a verified copy to go back to.
      if (input.dryRun === true || ctx.store.file === ':memory:') return undefined;
      try {
        return backupSync(req('antes-de-importar'));
      } catch (e) {
        const why = e instanceof ApiError ? ` ${e.message}` : '';
        throw new ApiError('conflict', `Antes de importar, o EmDia faz uma cópia de segurança, e ela não deu certo. Nada foi importado.${why}`);
      }
    }
    case 'backup.create':
      // The screen asks for a background copy and follows it with backup.status; scripts wait for the result.
      if (input.background === true) return startBackup(req('manual'));
      return backupSync(req('manual'));
    case 'backup.restore': {
      const file = resolveBackupFile(ctx.store.file, String(input.file), ctx.settings.backup?.extraFolder ?? '');
      const result = restoreInto(ctx.store, file, { now: ctx.now, timeZone: ctx.settings.store.timeZone, extraFolder: ctx.settings.backup?.extraFolder ?? '' });
      // The restored store may not have the same people: everyone enters again with their PIN.
      sessions.clear();
      return result;
    }
    default:
      return undefined;
  }
}
