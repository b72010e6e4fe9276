import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';

/**
 * Shared plumbing for the end-to-end tests (STYLE.md practice 11): a fresh store file per run, the real
 * browser mode (`emdia web`) as a child process, and Chromium driven like a person at 1366×768.
 */

export const VIEWPORT = { width: 1366, height: 768 };
export const SCREENSHOT_DIR = resolve('test-results');

export const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface WebApp {
  /** the address with the launch token, as printed by `emdia web` */
  url: string;
  dbFile: string;
  dir: string;
  stop(): Promise<void>;
}

/** A store file in a new temporary folder, for tests that launch the app more than once on the same store. */
export interface StoreFile {
  dbFile: string;
  dir: string;
  /** deletes the folder and everything in it */
  remove(): void;
}

export function newStoreFile(): StoreFile {
  const dir = mkdtempSync(join(tmpdir(), 'emdia-e2e-'));
  return { dbFile: join(dir, 'store.db'), dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `node bin/emdia.mjs web` and waits for the printed address. Without `dbFile`, on a new store file in a
 * temporary folder that `stop()` deletes. With `dbFile` (from `newStoreFile()`), on that store, which `stop()`
 * leaves in place so the next launch — a later `today`, a new token, a new login — finds it as it was.
 * `today` freezes the clock at noon of that day; `now` at a given minute.
 */
export async function startWebApp(opts: { today?: string; now?: string; timeoutMs?: number; dbFile?: string } = {}): Promise<WebApp> {
  const owned = !opts.dbFile;
  const dir = opts.dbFile ? dirname(opts.dbFile) : mkdtempSync(join(tmpdir(), 'emdia-e2e-'));
  const dbFile = opts.dbFile ?? join(dir, 'store.db');
  const args = ['bin/emdia.mjs', 'web', '--db', dbFile, '--port', '0'];
  if (opts.today) args.push('--today', opts.today);
  // `--now YYYY-MM-DDTHH:MM`: the clock frozen at that minute, for calling hours (07:59, 20:00…).
  if (opts.now) args.push('--now', opts.now);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });

  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`emdia web did not print its address in time. Output:\n${output}`)), opts.timeoutMs ?? 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /EmDia no navegador: (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emdia web exited early (code ${code}). Output:\n${output}`));
    });
  });

  return {
    url,
    dbFile,
    dir,
    stop: async () => {
      await stopChild(child);
      if (owned) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.EMDIA_CHROME, args: CHROME_ARGS });
}

export interface OpenedPage {
  page: Page;
  /** uncaught page errors and console errors seen so far: a finished screen has none */
  problems: string[];
}

/** A new tab at 1366×768 in pt-BR, opened at the app's address. */
export async function openApp(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  return { page, problems };
}

/** Saves `test-results/<name>.png`: a picture someone actually looks at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** True when the page scrolls sideways (LOOK.md: never at 1366×768). */
export const hasHorizontalScroll = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/** What axe reports for one rule, reduced to what a person needs to find and fix it. */
interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/**
 * Runs axe-core on what the page shows now and fails on any serious or critical violation (WCAG 2.1 A/AA and
 * best practices), listing each rule with the elements it found, so the message alone says what to fix.
 * `screenName` names the state in that message ("Hoje, lista"). Injected with evaluate, not a script tag:
 * the app's CSP (script-src 'self') would refuse an inline script, and it must stay as shipped.
 */
export async function expectAccessible(page: Page, screenName: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  // Wait for transitions (a modal opening, a notification sliding in) to settle before judging colours.
  await page.waitForTimeout(150);
  const findings = await page.evaluate(async () => {
    const a = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await a.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.slice(0, 8).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
      }));
  });
  if (findings.length) throw new Error(`Acessibilidade — ${screenName}: ${findings.length} problema(s) sério(s) ou crítico(s)\n${formatFindings(findings)}`);
}

function formatFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => [`• [${f.impact}] ${f.id}: ${f.help} (${f.helpUrl})`, ...f.nodes.map((n) => `    - ${n.target}\n      ${n.html}\n      ${n.summary}`)].join('\n'))
    .join('\n');
}
