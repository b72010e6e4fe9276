import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Pure rules of the desktop shell. This file must not import 'electron' so Node tests can load it.

/**
 * Links the app may hand to the operating system: WhatsApp reminders (CONVENTIONS.md), e-mail and phone.
 * Anything else (http, file:, javascript:, look-alike hosts) could run or leak something outside the app.
 */
export function isAllowedExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'mailto:' || u.protocol === 'tel:') return true;
  // Exact host and default port only: 'wa.me.evil.com' and 'wa.me@evil.com' parse to other hosts.
  return u.protocol === 'https:' && u.hostname === 'wa.me' && u.port === '' && u.username === '' && u.password === '';
}

/** The one page the app ever shows; `appRoot` is `app.getAppPath()` (project root or app.asar). */
export function rendererEntryUrl(appRoot: string): string {
  return pathToFileURL(path.join(appRoot, 'dist', 'renderer', 'index.html')).href;
}

/**
 * True when an IPC message comes from our own renderer page. Hash and query are ignored because the
 * renderer may route with them; the scheme, host and file must match exactly. Windows paths compare
 * case-insensitively because the drive letter's case varies between Chromium and Node.
 */
export function isTrustedSenderUrl(url: string, appRoot: string, caseInsensitive = process.platform === 'win32'): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const expected = new URL(rendererEntryUrl(appRoot));
  if (u.protocol !== 'file:' || u.host !== expected.host) return false;
  const norm = (p: string) => (caseInsensitive ? decodeURIComponent(p).toLowerCase() : decodeURIComponent(p));
  return norm(u.pathname) === norm(expected.pathname);
}

/**
 * Every permission is denied except a sanitized clipboard write from our own page: "Copiar" buttons
 * (PIX copia e cola, phone numbers) use navigator.clipboard.writeText, which Electron routes through the
 * permission handlers and would otherwise fail silently. Reading the clipboard stays denied.
 */
export function isAllowedPermission(permission: string, requestingUrl: string, appRoot: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedSenderUrl(requestingUrl, appRoot);
}
