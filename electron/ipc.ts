import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isTrustedSenderUrl } from './url-policy';
import { createSessionRouter, type Dispatch } from './session-router';

export const CALL_CHANNEL = 'emdia:call';

const FORBIDDEN = {
  error: { kind: 'forbidden', message: 'Chamada recusada: origem desconhecida.', issues: [] },
} as const;

/**
 * The one IPC entry (STYLE.md practice 3). Besides the preload, only our own page in our own window may
 * call: a frame that got there by some navigation bug or an iframe must not reach the data
 * (Electron security checklist item 17, "validate the sender").
 */
export function registerIpc(opts: { dispatch: Dispatch; appRoot: string; isMainWindow: (wc: WebContents) => boolean }) {
  const router = createSessionRouter(opts.dispatch);
  const watched = new Set<number>();

  const isTrusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const main = event.sender.mainFrame;
    // Top frame only. Compared by ids because Electron may hand out distinct wrappers for one frame.
    if (!frame || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return opts.isMainWindow(event.sender) && isTrustedSenderUrl(frame.url, opts.appRoot);
  };

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrusted(event)) {
      console.warn(`[emdia] refused IPC from ${event.senderFrame?.url ?? 'unknown frame'}`);
      return FORBIDDEN;
    }
    const wc = event.sender;
    if (!watched.has(wc.id)) {
      watched.add(wc.id);
      // Read the id now: a destroyed webContents throws on property access.
      const id = wc.id;
      wc.once('destroyed', () => {
        watched.delete(id);
        void router.forget(id);
      });
    }
    return router.call(wc.id, method, input);
  });

  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
