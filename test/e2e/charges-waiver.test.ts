import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp, expectAccessible } from './support/web-app';
import { AppShellPage } from './pages/app-shell-page';
import { LoginPage } from './pages/login-page';
import { ReceivePage } from './pages/receive-page';

/**
 * At the counter the clerk forgives part of the multa and juros (issue 7: a discount on charges follows the
 * owner's margins): within the margin it goes through; beyond it the owner types the PIN right there.
 * The store is prepared with the command line on 13/09/2026 (2 × R$ 150,00, due 13/10 and 13/11), the counter
 * opens on 23/11/2026: parcela 1 owes multa R$ 3,00 + juros R$ 2,05, parcela 2 multa R$ 3,00 + juros R$ 0,50.
 */
const cli = (db: string, today: string, method: string, input: unknown): any =>
  JSON.parse(execFileSync(process.execPath, ['bin/emdia.mjs', 'call', method, JSON.stringify(input), '--db', db, '--today', today], { encoding: 'utf8' }));

describe.skipIf(!process.env.EMDIA_CHROME)('a discount on multa and juros at the counter (browser mode, Chromium)', () => {
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const r = () => new ReceivePage(page);

  beforeAll(async () => {
    store = newStoreFile();
    const db = store.dbFile;
    cli(db, '2026-09-13', 'setup.store', { storeName: 'Loja Boa Vista', state: 'SP', ownerName: 'Dona Maria Souza', ownerPin: '2468' });
    cli(db, '2026-09-13', 'users.create', { name: 'Carlos Atendente', role: 'clerk', pin: '1357' });
    const all = Object.fromEntries(['novo', 'em_dia', 'ocasional', 'cronico', 'negligente', 'mau_pagador'].map((p) => [p, { maxChargesDiscountPct: 50 }]));
    cli(db, '2026-09-13', 'settings.update', { margins: { byProfile: all } });
    const { id } = cli(db, '2026-09-13', 'customers.create', { name: 'Conceição Araújo', cpf: '52998224725', phones: [{ number: '11987654321' }] });
    cli(db, '2026-09-13', 'sales.create', { customerId: id, date: '2026-09-13', description: 'Ventilador de coluna', totalCents: 30000, installmentCount: 2, firstDueDate: '2026-10-13' });
    app = await startWebApp({ dbFile: db, today: '2026-11-23' });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Carlos Atendente');
    await login.typePinAndEnter('1357');
    await new AppShellPage(page).nav.waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('within the margin: R$ 2,00 off parcela 1’s R$ 5,05 of charges, and the receipt shows it', async () => {
    await page.keyboard.press('F6');
    await r().search.waitFor();
    await r().findAndOpen('concei', 'Conceição Araújo');
    await r().row('2/2', 'A-000001').getByRole('checkbox').uncheck();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-to-pay"]')?.textContent === 'R$ 155,05');
    await page.getByRole('button', { name: 'Dar desconto na multa e nos juros' }).click();
    const waiver = page.getByLabel('Desconto na multa e nos juros');
    await page.getByText('Sem autorização: até R$ 2,52 (50% de R$ 5,05)').waitFor();
    await r().typeMoney(waiver, '200');
    await page.waitForFunction(() => document.querySelector('[data-testid="total-to-pay"]')?.textContent === 'R$ 153,05');
    expect(await r().amount.inputValue()).toBe('R$ 153,05');
    await page.getByText('Desconto dentro da margem da loja.').waitFor();
    expect(await page.getByLabel('PIN do dono').count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'waiver-1-dentro-da-margem');
    await expectAccessible(page, 'waiver-1-dentro-da-margem');
    await page.keyboard.press('F10');
    await r().done.waitFor();
    await page.keyboard.press('F9');
    const sheet = r().receipt('A-000001').getByRole('article', { name: 'Recibo A-000001, bobina de 80 mm' });
    await sheet.waitFor();
    const lines = (await sheet.locator('pre').innerText()).split('\n');
    expect(lines.some((l) => /^ {2}Desconto +-R\$ 2,00$/.test(l))).toBe(true);
    expect(lines).toContain('TOTAL PAGO'.padEnd(48 - 9) + 'R$ 153,05');
    await page.keyboard.press('Escape');
  });

  it('beyond the margin: the owner’s PIN is asked right there; a wrong one is refused, the right one pays', async () => {
    await page.keyboard.press('F6');
    await r().search.waitFor();
    await r().findAndOpen('concei', 'Conceição Araújo');
    await page.waitForFunction(() => document.querySelector('[data-testid="total-to-pay"]')?.textContent === 'R$ 153,50');
    await page.getByRole('button', { name: 'Dar desconto na multa e nos juros' }).click();
    await r().typeMoney(page.getByLabel('Desconto na multa e nos juros'), '350');
    const pin = page.getByLabel('PIN do dono');
    await pin.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-to-pay"]')?.textContent === 'R$ 150,00');
    await pin.fill('9999');
    await page.keyboard.press('F10');
    await page.getByText(/PIN do dono não confere/).waitFor();
    await screenshot(page, 'waiver-2-pin-errado');
    await expectAccessible(page, 'waiver-2-pin-errado');
    await pin.fill('2468');
    await page.keyboard.press('F10');
    await r().done.waitFor();
    expect(await r().done.innerText()).toContain('Recibo nº A-000002');
    expect(problems).toEqual([]);
  });
});
