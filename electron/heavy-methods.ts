// Which calls the desktop host answers from a worker thread (electron/heavy-dispatch.ts) instead of its main
// thread. The main thread paints nothing itself, but it carries every IPC message of the window: a 300 ms
// read there freezes clicks, typing and the call screen for 300 ms. On the 100,000-customer store these
// reads take far longer than the 50 ms the issue allows a synchronous call in the main process.
// Pure data, no 'electron' import: the Node tests read it too.

/** Read-only reports that scan months of money rows or a whole customer's history. */
export const HEAVY_METHODS: ReadonlySet<string> = new Set([
  'dashboard.weekly', // three years of weeks
  'dashboard.drill',
  'customers.export', // everything held about a customer (LGPD art. 18)
  'formal.export', // the bureau file
  'formal.candidates',
  'audit.list',
  'reminders.list', // every régua candidate of the day: about a second at 100,000 customers
]);

/**
 * True when the call goes to the worker. `backup.create` without `background` waits for the copy (the CLI's
 * way); the screen sends `background: true`, which already returns at once and is followed by backup.status
 * in the main thread, so only the waiting form moves.
 */
export function isHeavy(method: string, input: unknown): boolean {
  if (HEAVY_METHODS.has(method)) return true;
  if (method === 'backup.create') return (input as { background?: unknown } | null)?.background !== true;
  return false;
}

/** After these succeed in the main thread the file or the people may have changed: the worker opens afresh. */
export const RESET_AFTER: ReadonlySet<string> = new Set(['backup.restore', 'health.restore', 'setup.store', 'setup.demo']);
