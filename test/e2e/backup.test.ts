import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { openSync, writeSync, closeSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp } from './support/web-app';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { SettingsPage } from './pages/settings-page';
import { CustomersPage } from './pages/customers-page';

const cli = (store: StoreFile, method: string, input: unknown) => {
  const r = spawnSync(process.execPath, ['bin/emdia.mjs', 'call', method, JSON.stringify(input), '--db', store.dbFile, '--today', '2026-11-23'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${method}: ${r.stdout} ${r.stderr}`);
  return JSON.parse(r.stdout);
};

function newStore(): StoreFile {
  const store = newStoreFile();
  cli(store, 'setup.store', { storeName: 'Loja Boa Vista', state: 'SP', ownerName: 'Dona Maria', ownerPin: '2468' });
  const { id } = cli(store, 'customers.create', { name: 'Joana Prado', cpf: '52998224725', phones: [{ number: '11987654321' }] });
  cli(store, 'sales.create', { customerId: id, date: '2026-09-01', description: 'Geladeira', totalCents: 300000, installmentCount: 10, firstDueDate: '2026-10-01' });
  return store;
}

async function login(page: Page) {
  const login = new LoginPage(page);
  await login.pickUser('Dona Maria');
  await login.typePinAndEnter('2468');
  await new AppShellPage(page).nav.waitFor();
}

describe.skipIf(!process.env.EMDIA_CHROME)('Cópias de segurança and the damaged-store screen (browser mode, Chromium)', () => {
  let browser: Browser;
  const stores: StoreFile[] = [];
  const apps: WebApp[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const a of apps) await a.stop();
    for (const s of stores) s.remove();
  });

  it('the owner makes a backup with progress, sees it verified in the list, and restores it after a confirmation', async () => {
    const store = newStore();
    stores.push(store);
    const app = await startWebApp({ dbFile: store.dbFile, today: '2026-11-23' });
    apps.push(app);
    const { page, problems } = await openApp(browser, app.url);
    await login(page);
    await page.keyboard.press('F8');
    const settings = new SettingsPage(page);
    await settings.heading.waitFor();
    await settings.openTab('Cópias de segurança');
    // The daily copy of the first start is already there.
    await page.getByRole('table', { name: 'Cópias de segurança' }).getByText('Automática do dia').waitFor();
    await page.getByRole('button', { name: 'Fazer backup agora' }).click();
    await page.getByText('Cópia de segurança feita e conferida.').waitFor();
    const rows = page.getByRole('table', { name: 'Cópias de segurança' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3); // header + two copies
    expect(await rows.nth(1).innerText()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}[\s\S]*Feita agora[\s\S]*MB[\s\S]*verificado/i);
    await page.getByLabel('Pasta extra (opcional)').fill('/caminho/que/nao/existe');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'backup-01-list');

    await rows.nth(1).getByRole('button', { name: 'Restaurar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restaurar esta cópia?' });
    await dialog.waitFor();
    await screenshot(page, 'backup-02-confirm');
    await dialog.getByRole('button', { name: /^Sim, restaurar/ }).click();
    // Everyone enters again after a restore.
    await new LoginPage(page).prompt.waitFor();
    expect(problems.filter((p) => !/403|Forbidden/i.test(p))).toEqual([]);
  }, 120_000);

  it('LGPD: the owner prints everything held about a customer from the customer screen', async () => {
    const store = newStore();
    stores.push(store);
    const app = await startWebApp({ dbFile: store.dbFile, today: '2026-11-23' });
    apps.push(app);
    const { page, problems } = await openApp(browser, app.url);
    await login(page);
    await page.keyboard.press('F2');
    const customers = new CustomersPage(page);
    await customers.heading.waitFor();
    await customers.searchFor('Joana');
    await customers.row('Joana Prado').click();
    await page.getByRole('button', { name: 'Dados do cliente (LGPD)' }).click();
    const sheet = page.getByRole('article', { name: 'Dados do cliente' });
    await sheet.waitFor();
    const text = await sheet.innerText();
    expect(text).toContain('Joana Prado');
    expect(text).toContain('529.982.247-25');
    expect(text).toContain('Geladeira');
    expect(text).toMatch(/LGPD/);
    await screenshot(page, 'backup-04-lgpd-print');
    expect(problems).toEqual([]);
  }, 120_000);

  it('a damaged data file opens a pt-BR screen that offers the latest good copy, and restoring it opens the store', async () => {
    const store = newStore();
    stores.push(store);
    cli(store, 'backup.create', {});
    // The file gets damaged: its first page overwritten (a power cut mid-write on a bad disk).
    const fd = openSync(store.dbFile, 'r+');
    writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, 0);
    closeSync(fd);
    const app = await startWebApp({ dbFile: store.dbFile, today: '2026-11-23' });
    apps.push(app);
    const { page, problems } = await openApp(browser, app.url);
    await page.getByRole('heading', { name: 'O arquivo de dados está danificado' }).waitFor();
    expect(await page.getByText('Última cópia de segurança boa').isVisible()).toBe(true);
    expect(await page.locator('body').innerText()).not.toMatch(/Error|SQLITE|at .*\.ts/);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'backup-03-damaged');
    await page.getByRole('button', { name: /^Restaurar a cópia de/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sim, restaurar' }).click();
    await login(page);
    expect(problems).toEqual([]);
  }, 120_000);
});
