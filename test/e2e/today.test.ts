import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOT_DIR, expectAccessible, hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp } from './support/web-app';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { TodayPage } from './pages/today-page';
import { ReceivePage } from './pages/receive-page';
import { formatBRL } from '../../shared/money';
import { formatPhone } from '../../shared/phone';
import { api, UUID } from './support/in-page';

/** Calls the backend from inside the page, with the launch token and the session the app keeps (renderer/api.ts). */

const TODAY = '2026-11-23'; // a Monday: calls allowed 08:00–20:00; the app's clock is frozen at noon

// A morning at the demo store, as the clerk Marcos lives it in browser mode: Hoje shows who to call and why,
// a reminder goes out by WhatsApp with the customer's name in it, a call's result is recorded, and the folha
// curta prints. Every state is checked with axe and photographed at 1366×768.
describe.skipIf(!process.env.EMDIA_CHROME)('Hoje on the demo store (browser mode, Chromium)', () => {
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let today: TodayPage;
  let queue: any;

  beforeAll(async () => {
    store = newStoreFile();
    // The demo store as the command line builds it: 300 customers with a real collection history.
    execFileSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', store.dbFile, '--customers', '300', '--today', TODAY], { stdio: 'ignore' });
    app = await startWebApp({ dbFile: store.dbFile, today: TODAY });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    // No internet here: wa.me answers with a stand-in page, so the popup keeps its address.
    await page.context().route('https://wa.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>WhatsApp</title><p>WhatsApp</p>' }));
    today = new TodayPage(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('logs in as the clerk Marcos with his PIN', async () => {
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await expectAccessible(page, 'Login: quem está no balcão');
    await login.pickUser('Marcos Silva');
    await login.pinInput.waitFor();
    await expectAccessible(page, 'Login: PIN');
    await login.typePinAndEnter('2222');
    await new AppShellPage(page).nav.waitFor();
  });

  it('opens Hoje with F4: the date, the calling hours and the short list the backend built', async () => {
    await page.keyboard.press('F4');
    await today.heading.waitFor();
    await today.callList.waitFor();
    queue = await api(page, 'queue.build', {});
    expect(queue.items.length).toBeGreaterThan(0);

    await page.getByText('segunda-feira, 23 de novembro de 2026').waitFor();
    expect(await today.callingStatus.innerText()).toContain('Ligações liberadas até 20:00');

    // The same customers, in the backend's order.
    expect(await today.callNames()).toEqual(queue.items.map((i: any) => i.name));
    const first = queue.items[0];
    const row = await today.callItem(first.name).innerText();
    expect(row).toContain(formatBRL(first.overdueCents));
    expect(row).toContain(`${first.daysLate} dias em atraso`);
    expect(row).toContain(formatPhone(first.phone.number));
    for (const reason of first.reasons.filter((r: string) => !/em atraso$|de atraso$/.test(r))) expect(row).toContain(reason);
    const tel = await today.callItem(first.name).getByRole('link', { name: new RegExp(`^Ligar para ${first.name}`) }).getAttribute('href');
    expect(tel).toBe(`tel:+55${first.phone.number}`);

    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(UUID);
    expect(body).not.toMatch(/\b(undefined|null|NaN|Invalid Date)\b/);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'today-01-list');
    await expectAccessible(page, 'Hoje, lista');
  });

  it('shows why a profile was given when its badge gets the focus', async () => {
    const first = queue.items[0];
    const badge = today.callItem(first.name).locator('.mantine-Badge-root').first();
    await badge.focus();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toContain(first.profileReasons[0]);
    await expectAccessible(page, 'Hoje, motivos do perfil');
    await badge.blur();
    await tip.waitFor({ state: 'hidden' });
  });

  it('lists the promises due today apart, with what was paid so far', async () => {
    const due = queue.promisesDueToday as any[];
    expect(due.length).toBeGreaterThan(0);
    await today.tab('Promessas').click();
    await today.promisesToday.waitFor();
    expect(await today.promisesToday.locator(':scope > li').count()).toBe(due.length);
    const paid = due.find((p) => p.paidCents > 0) ?? due[0];
    const card = today.promisesToday.locator(':scope > li').filter({ hasText: paid.name });
    const text = await card.innerText();
    expect(text).toContain(`Prometeu ${formatBRL(paid.amountCents)} para hoje`);
    expect(text).toContain(`Pago até agora: ${formatBRL(paid.paidCents)}`);
    // None of them is on the call list: a promise due today is a reminder and a check, not a call.
    const onList = new Set(queue.items.map((i: any) => i.customerId));
    expect(due.filter((p) => onList.has(p.customerId))).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'today-01b-promises');
    await expectAccessible(page, 'Hoje, promessas');
    await today.tab('Lembretes').click();
  });

  it('opens a reminder in WhatsApp with the text and the customer first name, and records it as sent', async () => {
    const list = await api(page, 'reminders.list', {});
    const reminder = list.reminders.find((r: any) => r.channel === 'whatsapp' && !r.sentAt && !r.promiseId);
    expect(reminder, 'the demo store has a WhatsApp reminder due today').toBeTruthy();
    const card = today.reminderCards().filter({ hasText: reminder.customerName });
    const link = today.whatsappButton(card);
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith('https://wa.me/55')).toBe(true);
    expect(await link.getAttribute('target')).toBe('_blank');
    const text = decodeURIComponent(new URL(href).searchParams.get('text') ?? '');
    const firstName = reminder.customerName.split(' ')[0];
    expect(text).toContain(firstName);
    expect(text).toBe(reminder.text);

    const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await popup.waitForLoadState('domcontentloaded');
    expect(popup.url()).toBe(href);
    await popup.close();

    await card.getByText(/^Enviado às \d{2}:\d{2}$/).waitFor();
    await page.getByText(`Mensagem para ${firstName} aberta no WhatsApp.`, { exact: false }).waitFor();
    const after = await api(page, 'reminders.list', {});
    expect(after.reminders.find((r: any) => r.key === reminder.key).sentAt).toBeTruthy();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'today-02-reminder-sent');
    await expectAccessible(page, 'Hoje, lembrete enviado');
  });

  it('records "não atendeu" in three clicks', async () => {
    const second = queue.items[1];
    await today.recordButton(second.name).click(); // 1
    const dialog = today.outcomeDialog();
    await dialog.dialog.waitFor();
    await screenshot(page, 'today-03-outcome-dialog');
    await expectAccessible(page, 'Hoje, registrar resultado');
    await dialog.outcome('Não atendeu').click(); // 2
    await dialog.saveButton.click(); // 3
    await dialog.dialog.waitFor({ state: 'hidden' });
    await today.callItem(second.name).getByText('Registrado: Não atendeu').waitFor();
    // Called today (one attempt a day): the backend leaves the customer out of a new list.
    const again = await api(page, 'queue.build', {});
    expect(again.items.map((i: any) => i.customerId)).not.toContain(second.customerId);
  });

  it('records a promise with its day and amount, refusing a day in the past next to the field', async () => {
    const first = queue.items[0];
    await today.recordButton(first.name).click();
    const dialog = today.outcomeDialog();
    await dialog.dialog.waitFor();
    await dialog.outcome('Prometeu pagar').click();
    const day = dialog.field('Dia combinado');
    await day.pressSequentially('20112026');
    expect(await day.inputValue()).toBe('20/11/2026');
    const amount = dialog.field('Valor combinado');
    expect(await amount.inputValue()).toBe(formatBRL(first.overdueCents));
    await amount.click();
    await amount.pressSequentially('15000');
    expect(await amount.inputValue()).toBe('R$ 150,00');
    await page.keyboard.press('F10');
    await dialog.dialog.getByText('O dia combinado não pode ser antes de hoje (23/11/2026).').waitFor();
    expect(await dialog.errorOf(day)).toContain('não pode ser antes de hoje');
    await screenshot(page, 'today-04-promise-error');
    await expectAccessible(page, 'Hoje, promessa com erro');

    await day.fill('');
    await day.pressSequentially('30112026');
    await page.keyboard.press('F10');
    await dialog.dialog.waitFor({ state: 'hidden' });
    await today.callItem(first.name).getByText('Registrado: Prometeu R$ 150,00 para 30/11').waitFor();
    const again = await api(page, 'queue.build', { asOf: '2026-11-30' });
    // On the promised day the promise shows apart, with its amount.
    const due = again.promisesDueToday.find((p: any) => p.customerId === first.customerId);
    expect(due).toMatchObject({ date: '2026-11-30', amountCents: 15000 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'today-05-recorded');
    await expectAccessible(page, 'Hoje, resultados registrados');
  });

  it('prints the folha curta on A4 with F9: store, date, each customer with phone, amount, days late, reasons and a blank', async () => {
    await page.evaluate(() => {
      (window as any).__prints = 0;
      window.print = () => {
        (window as any).__prints++;
      };
    });
    await page.keyboard.press('F9');
    const view = today.printView();
    await view.waitFor();
    const sheets = today.printSheets();
    expect(await sheets.count()).toBe(Math.ceil(queue.items.length / 7));
    const sheet = await sheets.first().innerText();
    expect(sheet).toContain('Magazine Boa Vista');
    expect(sheet).toContain('segunda-feira, 23 de novembro de 2026');
    const first = queue.items[0];
    expect(sheet).toContain(first.name);
    expect(sheet).toContain(formatPhone(first.phone.number));
    expect(sheet).toContain(formatBRL(first.overdueCents));
    expect(sheet).toContain(`${first.daysLate} dias em atraso`);
    expect(sheet).toContain(first.reasons[0]);
    expect(sheet).toContain('Resultado');
    expect(sheet).toContain('Combinado: R$');
    expect(sheet).not.toMatch(UUID);
    // Every row fits on its sheet: nothing is cut at the bottom of the A4.
    expect(await sheets.evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length)).toBe(0);
    await screenshot(page, 'today-06-folha-curta');
    await expectAccessible(page, 'Hoje, folha curta');

    await view.getByRole('button', { name: 'Imprimir (F9)' }).click();
    await page.keyboard.press('F9');
    await expect.poll(() => page.evaluate(() => (window as any).__prints)).toBe(2);

    // On paper: only the sheets, one A4 page each.
    const pdfPath = join(SCREENSHOT_DIR, 'folha-curta.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const pdf = readFileSync(pdfPath).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length).toBe(await sheets.count());
    expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);

    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'hidden' });
    await today.heading.waitFor();
  });

  it('checks a promise due today in Receber, on that customer, and comes back with F4', async () => {
    const pending = (queue.promisesDueToday as any[]).find((p) => p.status === 'pending');
    expect(pending, 'a promise due today still unpaid').toBeTruthy();
    await today.tab('Promessas').click();
    await today.promisesToday.getByRole('button', { name: `Receber de ${pending.name}` }).click();
    const receive = new ReceivePage(page);
    await receive.table.waitFor();
    await page.getByText(pending.name).first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page, 'Receber, a partir de uma promessa');
    await page.keyboard.press('F4');
    await today.callList.waitFor();
  });

  it('lists the Hoje keys in the F1 help', async () => {
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Atalhos do teclado' });
    await help.waitFor();
    expect(await help.getByText('Imprimir a folha curta').isVisible()).toBe(true);
    await expectAccessible(page, 'Ajuda (F1) em Hoje');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('never showed an error in the console', () => {
    expect(problems).toEqual([]);
  });
});

// The same store before the calling window opens and on a feriado: the list waits (or is empty) and says why.
describe.skipIf(!process.env.EMDIA_CHROME)('Hoje outside the calling hours (browser mode, Chromium)', () => {
  let store: StoreFile;
  let app: WebApp | undefined;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  const open = async (clock: { now?: string; today?: string }) => {
    await page?.context().close();
    await app?.stop();
    app = await startWebApp({ dbFile: store.dbFile, ...clock });
    ({ page, problems } = await openApp(browser, app.url));
    const login = new LoginPage(page);
    await login.pickUser('Júlia Santos');
    await login.typePinAndEnter('3333');
    await new AppShellPage(page).nav.waitFor();
    await page.keyboard.press('F4');
    await new TodayPage(page).heading.waitFor();
  };

  beforeAll(async () => {
    store = newStoreFile();
    execFileSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', store.dbFile, '--customers', '300', '--today', TODAY], { stdio: 'ignore' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('at 07:30 shows the list with "Ligações liberadas a partir de 08:00" and no call button that dials', async () => {
    await open({ now: `${TODAY}T07:30` });
    const today = new TodayPage(page);
    await today.callList.waitFor();
    expect(await today.callingStatus.innerText()).toContain('Ligações liberadas a partir de 08:00');
    const first = today.callItems().first();
    const call = first.getByRole('button', { name: /^Ligar para / });
    expect(await call.getAttribute('aria-disabled')).toBe('true');
    expect(await first.getByRole('link', { name: /^Ligar para / }).count()).toBe(0);
    // The folha curta can be printed ahead of the window.
    expect(await today.printButton.isEnabled()).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'today-07-before-8');
    await expectAccessible(page, 'Hoje, antes das 08:00');
    expect(problems).toEqual([]);
  });

  it('on 20/11 (Consciência Negra) says that nobody is called today, and what to do instead', async () => {
    await open({ today: '2026-11-20' });
    const today = new TodayPage(page);
    await page.getByText('Hoje não ligamos para clientes.').waitFor();
    expect(await today.callingStatus.innerText()).toMatch(/Hoje é feriado \(.+\): não ligamos para clientes/);
    expect(await today.callList.count()).toBe(0);
    expect(await today.printButton.isDisabled()).toBe(true);
    await screenshot(page, 'today-08-feriado');
    await expectAccessible(page, 'Hoje, feriado');
    expect(problems).toEqual([]);
  });
});
