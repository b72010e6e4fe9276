import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOT_DIR, VIEWPORT, expectAccessible, hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp } from './support/web-app';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { DashboardPage } from './pages/dashboard-page';
import { formatBRL, formatDecimalBR } from '../../shared/money';
import { formatDateBR } from '../../shared/dates';
import { api } from './support/in-page';

/** Calls the backend from inside the page, with the launch token and the session the app keeps (renderer/api.ts). */

const TODAY = '2026-11-23'; // a Monday
// "Últimas 12 semanas" on that Monday: from the Monday eleven weeks before, to today.
const PERIOD = { from: '2026-09-07', to: TODAY };

async function login(page: Page, name: string, pin: string) {
  const login = new LoginPage(page);
  await login.prompt.waitFor();
  await login.pickUser(name);
  await login.pinInput.waitFor();
  await login.typePinAndEnter(pin);
  await new AppShellPage(page).nav.waitFor();
}

// The owner's weekly review on the demo store, in browser mode: Painel opens with F7 (and only then downloads
// the charts), its figures are the backend's, a bar lists the customers behind it, a table leaves as a CSV for
// Brazilian Excel, and the page prints. A clerk never sees Painel and the backend refuses it to him.
describe.skipIf(!process.env.EMDIA_CHROME)('Painel on the demo store (browser mode, Chromium)', () => {
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let painel: DashboardPage;
  let weekly: any;
  const scripts: string[] = [];

  beforeAll(async () => {
    store = newStoreFile();
    execFileSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', store.dbFile, '--customers', '300', '--today', TODAY], { stdio: 'ignore' });
    app = await startWebApp({ dbFile: store.dbFile, today: TODAY });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    painel = new DashboardPage(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('the owner Helena opens Painel with F7; the charts arrive only then', async () => {
    await login(page, 'Helena Prado', '1111');
    expect(scripts.some((s) => /WeeklyScreen/.test(s))).toBe(false);
    await page.keyboard.press('F7');
    await painel.heading.waitFor();
    await painel.summary.waitFor();
    expect(scripts.some((s) => /WeeklyScreen/.test(s))).toBe(true);
    expect(await painel.tab('Semana a semana').getAttribute('aria-selected')).toBe('true');
    await painel.tab('Cobrança formal').waitFor();
    await painel.tab('Auditoria').waitFor();
  });

  it('shows the backend\'s figures for the last 12 weeks, against the previous 12', async () => {
    weekly = await api(page, 'dashboard.weekly', PERIOD);
    expect(weekly.error).toBeUndefined();
    await page.getByText(`${formatDateBR(PERIOD.from)} a ${formatDateBR(PERIOD.to)} · comparado com`).waitFor();
    expect(await painel.kpi('Recebido').innerText()).toContain(formatBRL(weekly.totals.recoveredCents));
    expect(await painel.kpi('Em atraso no fim do período').innerText()).toContain(formatBRL(weekly.totals.overdueCents));
    expect(await painel.kpi('Recebido').innerText()).toMatch(/período anterior/);
    // The aging buckets sum to the open balance, on screen as in the answer.
    const aging = painel.section('Atraso por faixa de dias');
    expect(await aging.innerText()).toContain(`As faixas somam ${formatBRL(weekly.openCents)}`);
    // One bar per week of the answer (12 weeks); a sentence above every chart.
    await expect.poll(() => painel.bars('Recebido por semana').count()).toBeGreaterThan(0);
    expect(await painel.bars('Recebido por semana').count()).toBeLessThanOrEqual(weekly.weeks.length);
    for (const title of ['Em atraso e inadimplência', 'Recebido por semana', 'Crédito novo e recebido', 'Atraso por faixa de dias', 'Clientes por perfil']) {
      expect((await painel.section(title).innerText()).length).toBeGreaterThan(title.length + 40);
    }
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.mouse.move(0, 0);
    await screenshot(page, 'painel-01-weekly');
    await expectAccessible(page, 'Painel: semana a semana');
  });

  it('scrolled down: what works, per clerk, week by week', async () => {
    await painel.section('Por atendente').scrollIntoViewIfNeeded();
    await screenshot(page, 'painel-02-tables');
    const clerks = await painel.section('Por atendente').innerText();
    for (const u of weekly.byUser) expect(clerks).toContain(u.name);
  });

  it('a click on a week\'s bar lists the payments behind it, and a name opens the customer\'s file', async () => {
    const weeks: any[] = weekly.weeks;
    const index = weeks.map((w) => w.recoveredCents > 0).lastIndexOf(true);
    expect(index).toBeGreaterThanOrEqual(0);
    const chosen = weeks[index];
    const bars = painel.bars('Recebido por semana');
    await painel.section('Recebido por semana').scrollIntoViewIfNeeded();
    // Recharts draws no rectangle for a zero week: the n-th drawn bar is the n-th week with money.
    const drawn = weeks.slice(0, index + 1).filter((w) => w.recoveredCents !== 0).length - 1;
    await bars.nth(drawn).click();
    await painel.drill.waitFor();
    const drill = await api(page, 'dashboard.drill', { kind: 'recovered', weekStart: chosen.weekStart, from: PERIOD.from, to: PERIOD.to, limit: 200 });
    expect(drill.error).toBeUndefined();
    await painel.drill.getByRole('heading', { name: drill.title }).waitFor();
    await expect.poll(() => painel.drillRows().count()).toBe(drill.items.length);
    expect(drill.items.length).toBeGreaterThan(0);
    const sum = drill.items.reduce((s: number, i: any) => s + i.amountCents, 0);
    if (drill.total === drill.items.length) expect(sum).toBe(chosen.recoveredCents);
    await screenshot(page, 'painel-03-drill');
    await expectAccessible(page, 'Painel: lista da barra');

    // The list leaves as CSV too: BOM, `;`, the first customer's amount with a decimal comma.
    const download = await painel.exportCsv(drill.title, painel.drill);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('cliente;o que é;data;valor');
    expect(lines[1]).toContain(`;${formatDecimalBR(drill.items[0].amountCents)}`);
    expect(lines).toHaveLength(drill.items.length + 2);

    const first = drill.items[0];
    await painel.drillRows().first().click();
    await painel.drill.waitFor({ state: 'hidden' });
    // The customer's file in Clientes, with the name as its title.
    await page.getByRole('heading', { level: 2, name: first.name }).waitFor();
  });

  it('exports the week-by-week table as CSV for Brazilian Excel, byte for byte', async () => {
    await page.keyboard.press('F7');
    await painel.summary.waitFor();
    const download = await painel.exportCsv('Semana a semana');
    expect(download.suggestedFilename()).toBe(`painel-semanas-${PERIOD.from}-a-${PERIOD.to}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0].split(';')[0]).toBe('semana (segunda-feira)');
    expect(lines).toHaveLength(weekly.weeks.length + 2);
    const w = weekly.weeks.at(-1);
    const cols = lines[weekly.weeks.length].split(';');
    expect(cols[0]).toBe(formatDateBR(w.weekStart));
    expect(cols[1]).toBe(formatDecimalBR(w.overdueCents));
    expect(cols[4]).toBe(formatDecimalBR(w.recoveredCents));
    // Money: digits, a decimal comma and two centavos, no R$ (CONVENTIONS.md "Spreadsheets").
    expect(cols[1]).toMatch(/^-?\d+,\d{2}$/);
    expect(text).not.toContain('R$');
  });

  it('prints (or saves as PDF) only the review', async () => {
    await page.evaluate(() => {
      (window as any).__prints = 0;
      window.print = () => void (window as any).__prints++;
    });
    await painel.printButton.click();
    await expect.poll(() => page.evaluate(() => (window as any).__prints)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Áreas' }).isVisible()).toBe(false);
    expect(await painel.printButton.isVisible()).toBe(false);
    expect(await painel.summary.isVisible()).toBe(true);
    await screenshot(page, 'painel-04-print');
    // The whole review as the paper gets it: A4 landscape, 277 mm ≈ 1047 px inside the margins, one long picture.
    await page.setViewportSize({ width: 1047, height: 718 });
    await page.waitForTimeout(300); // the charts follow their column's new width
    await page.screenshot({ path: `${SCREENSHOT_DIR}/painel-04-print-a4.png`, fullPage: true });
    await page.setViewportSize(VIEWPORT);
    await page.waitForTimeout(300);
    // And Chromium's own print path (the one "Salvar como PDF" takes), with the page size the Painel asks for.
    const pdf = await page.pdf({ path: `${SCREENSHOT_DIR}/painel-04.pdf`, preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 landscape: the first page's MediaBox is 842 × 595 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]/);
    await page.emulateMedia({ media: 'screen' });
  });

  it('three years: about 157 weekly bars, well under the 600-point limit', async () => {
    await painel.choosePeriod('Últimos 3 anos');
    // 23/11/2023 falls on a Thursday: the period starts on that week's Monday.
    await page.getByText('20/11/2023 a 23/11/2026 · comparado com').waitFor();
    await expect.poll(() => painel.bars('Em atraso e inadimplência').count(), { timeout: 15_000 }).toBeGreaterThan(100);
    expect(await painel.bars('Em atraso e inadimplência').count()).toBeLessThanOrEqual(600);
    await page.mouse.move(0, 0);
    await screenshot(page, 'painel-06-three-years');
  });

  it('a typed period whose end is before its start: the message is at the field', async () => {
    await painel.choosePeriod('Outro período');
    await page.getByRole('textbox', { name: 'De' }).fill('01112026');
    await page.getByRole('textbox', { name: 'Até' }).fill('01102026');
    await page.getByRole('button', { name: 'Ver o período' }).click();
    await page.getByText('O fim não pode ser antes do início.').waitFor();
    await screenshot(page, 'painel-07-custom-error');
    await page.getByRole('textbox', { name: 'Até' }).fill('22112026');
    await page.getByRole('button', { name: 'Ver o período' }).click();
    await page.getByText('01/11/2026 a 22/11/2026 · comparado com').waitFor();
    await expectAccessible(page, 'Painel: outro período');
    expect(problems).toEqual([]);
  });

  it('the clerk Marcos does not see Painel, F7 leads nowhere, and the backend refuses it', async () => {
    await new AppShellPage(page).logout();
    await login(page, 'Marcos Silva', '2222');
    const shell = new AppShellPage(page);
    await shell.area('Hoje').waitFor();
    expect(await shell.area('Painel').count()).toBe(0);
    await page.keyboard.press('F7');
    expect(await painel.heading.count()).toBe(0);
    const refused = await api(page, 'dashboard.weekly', PERIOD);
    expect(refused.error?.kind).toBe('forbidden');
    await screenshot(page, 'painel-05-clerk');
  });
});
