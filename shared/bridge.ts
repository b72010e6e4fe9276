/**
 * The one function the desktop preload puts on `window` (STYLE.md practice 4). The renderer talks to the
 * backend only through `call`; the browser mode provides the same shape over HTTP.
 */
export interface EmdiaBridge {
  call(method: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    // Optional: absent in the browser mode, where the renderer falls back to HTTP.
    emdia?: EmdiaBridge;
  }
}
