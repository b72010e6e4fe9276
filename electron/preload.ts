import { contextBridge, ipcRenderer } from 'electron';
import type { EmdiaBridge } from '../shared/bridge';

// Exactly one function crosses into the page (STYLE.md practice 4): never raw ipcRenderer, which would let
// any script in the page send on any channel. Printing needs nothing here: the page calls window.print().
// The channel name is repeated from electron/ipc.ts because a sandboxed preload may require only 'electron'
// and the bundle must not pull main-process code in.
contextBridge.exposeInMainWorld('emdia', {
  call: (method: string, input: unknown) => ipcRenderer.invoke('emdia:call', method, input),
} satisfies EmdiaBridge);
