import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { hasHorizontalScroll } from './web-app';

/**
 * A method called from inside the page with the page's own token and session, as the screens call it: to
 * compare what a screen shows with what the backend answers (never to drive the app instead of the UI).
 */
export function api<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${sessionStorage.getItem('emdia.token') ?? ''}`, 'Content-Type': 'application/json' };
      const session = sessionStorage.getItem('emdia.session');
      if (session) headers['X-EmDia-Session'] = session;
      const res = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify({ method: m, input: i }) });
      return res.json();
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** A raw id on a screen is a bug: people never see UUIDs. */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What a clerk must never see: raw ids, JavaScript's empty values, a page wider than the window. */
export async function expectCleanScreen(page: Page): Promise<void> {
  const body = await page.locator('body').innerText();
  expect(body).not.toMatch(UUID);
  expect(body).not.toMatch(/\b(undefined|null|NaN|Invalid Date)\b/);
  expect(await hasHorizontalScroll(page)).toBe(false);
}
