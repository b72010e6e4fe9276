import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { ensureRendererBuilt } from './renderer-build';

// The screens as a person meets them: the JavaScript the first page load needs, gzipped as a server would send
// it, and the time from opening the address to an interactive "Hoje" with the 100,000-customer store, in
// headless Chromium through the real browser mode (`emdia web`) on the bench store's copy.

export interface InitialJs {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** The entry script and every module it preloads, as index.html names them. */
export function initialJs(outDir: string): InitialJs {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  ];
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(outDir, f.replace(/^\//, '')));
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { files, bytes, gzipBytes };
}

export async function buildRenderer(outDir: string): Promise<void> {
  await ensureRendererBuilt(outDir);
}

const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Opens the address `runs` times, each in a fresh browser context (no cache, no session), and times the page
 * load to the login and the PIN's Enter to the first customer of the list on Hoje — the typing in between,
 * a person's, is left out. Demo store: Marcos Silva, PIN 2222.
 */
export async function timeToToday(opts: { dbFile: string; outDir: string; today: string; runs: number; chrome: string }): Promise<number[]> {
  const child = spawn(process.execPath, [resolve('bin/emdia.mjs'), 'web', '--db', opts.dbFile, '--port', '0', '--today', opts.today], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EMDIA_RENDERER_DIR: opts.outDir, NO_COLOR: '1' },
  });
  try {
    let out = '';
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`emdia web não respondeu:\n${out}`)), 180_000);
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /EmDia no navegador: (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          done(m[1]);
        }
      });
      child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => fail(new Error(`emdia web saiu (código ${code}):\n${out}`)));
    });
    // required, not imported: the bundled CLI runs in vm.Script, which has no dynamic import (scripts/build-cli.mjs)
    const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath: opts.chrome, args: CHROME_ARGS });
    const samples: number[] = [];
    try {
      for (let i = 0; i < opts.runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const page = await context.newPage();
        if (process.env.EMDIA_BENCH_DEBUG)
          page.on('requestfinished', (r) => {
            const t = r.timing();
            console.error(`    ${r.method()} ${r.url().replace(/^https?:\/\/[^/]+/, '').slice(0, 60)} ${(t.responseEnd - t.requestStart).toFixed(0)} ms ${(r.postData() ?? '').slice(0, 60)}`);
          });
        const t0 = Date.now();
        await page.goto(url);
        const pin = page.getByLabel('PIN', { exact: true });
        const user = page.getByRole('button', { name: /Marcos Silva/ });
        await user.or(pin).first().waitFor({ timeout: 60_000 });
        const t1 = Date.now();
        if (!(await pin.isVisible())) await user.click();
        await pin.fill('2222');
        const t2 = Date.now();
        const reminders = page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postData() ?? '').includes('"reminders.list"'), { timeout: 120_000 });
        await pin.press('Enter');
        const list = page.getByRole('list', { name: 'Clientes para ligar hoje' });
        await list.locator(':scope > li').first().waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: 'Atualizar a lista (F4)' }).waitFor({ state: 'visible' });
        samples.push(t1 - t0 + (Date.now() - t2));
        if (process.env.EMDIA_BENCH_DEBUG) console.error(`  página até o login ${t1 - t0} ms; PIN até a lista ${Date.now() - t2} ms`);
        // Hoje asks for the day's reminders after the list; let them arrive before the next run, which would
        // otherwise wait behind them (the browser-mode server answers one call at a time) and time this run's tail.
        await reminders;
        await context.close();
      }
    } finally {
      await browser.close();
    }
    return samples;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}
