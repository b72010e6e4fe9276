import { app, BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { isAllowedExternalUrl, isAllowedPermission } from './url-policy';

// All hardening of the desktop shell lives here (STYLE.md practice 5; anchor: actualbudget/actual
// packages/desktop-electron/security.ts). The page is our own bundle, but it shows customer-typed text,
// so we assume a script could one day be injected and limit what it could reach.

/** Hands a link to the system browser/mail/phone app only if the policy allows it (wa.me, mailto:, tel:). */
export function openExternalIfAllowed(url: string): void {
  if (!isAllowedExternalUrl(url)) {
    console.warn(`[emdia] blocked external link: ${url.slice(0, 200)}`);
    return;
  }
  // electronegativity-justified: only URLs that passed the wa.me/mailto:/tel: allowlist above get here.
  shell.openExternal(url).catch((e: unknown) => console.warn('[emdia] could not open link', e));
}

/** The only way the app creates a window: the secure preferences cannot be forgotten or overridden. */
export function createSecureWindow(options: BrowserWindowConstructorOptions, preload: string): BrowserWindow {
  // electronegativity-justified: middle-click (auxclick) opens also go through setWindowOpenHandler, which denies.
  return new BrowserWindow({
    ...options,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // electronegativity-justified: the preload exposes one `call` via contextBridge, never ipcRenderer.
      preload,
    },
  });
}

/**
 * Per-page rules, attached to every webContents the app ever creates. Call before `app.whenReady()`.
 * The app is a single page, so any navigation or popup is either a bug or an attack.
 */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A WhatsApp reminder link opens in the system browser; the app itself never opens a window.
      openExternalIfAllowed(url);
      return { action: 'deny' };
    });
  });
}

/** Session-wide rules: permissions and the CSP header. Call after `app.whenReady()`. */
export function hardenSession(ses: Session, appRoot: string): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(details.isMainFrame && isAllowedPermission(permission, details.requestingUrl, appRoot));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isAllowedPermission(permission, details.requestingUrl ?? '', appRoot),
  );
  // The same policy as the meta tag in renderer/index.html. Electron's docs say a header cannot be relied on
  // for file:// pages, so the meta tag is the layer that always applies; the header costs nothing and covers
  // the cases where Chromium reports file responses to webRequest. There is no dev server (the window always
  // shows the built files), so it is always on. style-src needs 'unsafe-inline' because Mantine writes inline
  // style attributes and <style> tags at run time; scripts stay 'self' only. Kept as one literal so
  // Electronegativity can parse and grade it.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      // electronegativity-justified: its only remark is that script-src 'self' is risky with JSONP or uploaded files; 'self' is our read-only bundle.
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
        ],
      },
    });
  });
}
