import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp } from './support/web-app';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { TodayPage } from './pages/today-page';
import { CallPage } from './pages/call-page';
import { methods } from '../../shared/contract/methods';
import { isValidPixPayload } from '../../shared/pix';
import { OBJECTIONS } from '../../shared/collection/objections';
import { api, expectCleanScreen, UUID } from './support/in-page';

/** Calls the backend from inside the page, with the launch token and the session the app keeps (renderer/api.ts). */

const TODAY = '2026-11-23'; // a Monday: calls allowed 08:00–20:00; the app's clock is frozen at noon

// The guided call on the demo store, as the clerk Marcos lives it: from Hoje he starts the session, reads the
// customer's file and the talking points, hears "sem dinheiro agora", offers a plan that fits R$ 80,00 a month,
// makes the agreement, prints the term, and goes on to the next customer; at the end, the session's summary.
describe.skipIf(!process.env.EMDIA_CHROME)('The guided call on the demo store (browser mode, Chromium)', () => {
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let call: CallPage;
  let queue: any;
  let first: string;

  beforeAll(async () => {
    store = newStoreFile();
    execFileSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', store.dbFile, '--customers', '300', '--today', TODAY], { stdio: 'ignore' });
    app = await startWebApp({ dbFile: store.dbFile, today: TODAY });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    // tel: links open nothing here: the popup is closed as soon as it appears.
    page.context().on('page', (p) => void p.close().catch(() => undefined));
    call = new CallPage(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('logs in as Marcos and starts the calling session from Hoje', async () => {
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Marcos Silva');
    await login.pinInput.waitFor();
    await login.typePinAndEnter('2222');
    await new AppShellPage(page).nav.waitFor();
    await page.keyboard.press('F4');
    const today = new TodayPage(page);
    await today.callList.waitFor();
    queue = await api(page, 'queue.build', {});
    expect(queue.items.length).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Iniciar ligações' }).click();
    await call.heading.waitFor();
    await page.getByText(`Cliente 1 de ${queue.items.length}`).waitFor();
  });

  it('shows the customer file and the talking points', async () => {
    await call.file.waitFor();
    first = await call.customerName();
    expect(first).toBe(queue.items[0].name);
    const ctx = await api(page, 'calls.context', { customerId: queue.items[0].customerId });
    const file = await call.file.innerText();
    expect(file).toContain('Cliente desde');
    expect(file).toContain('Em atraso hoje');
    expect(file).toContain('Pode ligar agora');
    expect(file).toContain(ctx.phoneToUse.label);
    // The talking points of the first stage, and the tabs of all ten.
    const prepare = ctx.talkingPoints.find((p: any) => p.stage === 'prepare');
    await page.getByText(prepare.text, { exact: true }).waitFor();
    for (const tab of ['Preparar', 'Abrir', 'Motivo', 'Ouvir', 'Propor', 'Objeções', 'Compromisso', 'Recapitular', 'Encerrar', 'Registrar']) await call.stageTab(new RegExp(`\\d+\\. ${tab}$`)).waitFor();
    await call.stageTab(/Abrir$/).click();
    const open = ctx.talkingPoints.find((p: any) => p.stage === 'open');
    await page.getByText(open.text, { exact: true }).waitFor();
    expect(await call.objections.getByRole('button').count()).toBe(11);
    await page.getByRole('region', { name: 'Evitar' }).waitFor();
    // Ligar is a tel: link and starts the timer.
    expect(await call.callLink.getAttribute('href')).toBe(`tel:+55${ctx.phoneToUse.number}`);
    await call.callLink.click();
    await call.timer.waitFor();
    await expectCleanScreen(page);
    await screenshot(page, 'call-01-file');
    await expectAccessible(page, 'Ligação: ficha e roteiro');
  });

  it('"sem dinheiro agora" → capacity R$ 80,00 → offers within the margins → agreement → the term prints', async () => {
    await call.objection(/^Sem dinheiro agora/).click();
    await call.responses.waitFor();
    expect(await call.responses.innerText()).toContain('Próximo passo');
    await call.offers.waitFor();
    const capacity = call.offers.getByRole('textbox', { name: 'Quanto consegue pagar por mês?' });
    await capacity.click();
    await capacity.pressSequentially('8000');
    expect(await capacity.inputValue()).toBe('R$ 80,00');
    await call.offers.getByRole('button', { name: 'Calcular' }).click();
    const suggested = call.offers.getByRole('radiogroup', { name: 'Propostas sugeridas' });
    await suggested.waitFor();
    const options = suggested.getByRole('radio');
    expect(await options.count()).toBeGreaterThan(0);
    expect(await options.count()).toBeLessThanOrEqual(2);
    expect(await suggested.innerText()).toMatch(/dentro da margem|fora da margem/);
    await screenshot(page, 'call-02-offers');
    await expectAccessible(page, 'Ligação: propostas');

    // The plan that fits R$ 80,00, within the margins.
    const inside = suggested.locator('.mantine-Radio-root').filter({ hasText: 'dentro da margem' }).filter({ hasText: /Entrada de/ });
    await inside.first().getByRole('radio').check();
    await page.evaluate(() => {
      (window as any).__prints = 0;
      window.print = () => {
        (window as any).__prints++;
      };
    });
    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    const term = call.termView();
    await term.waitFor();
    await term.getByRole('article').waitFor();
    const text = await term.innerText();
    expect(text).toContain('Termo de acordo de pagamento');
    expect(text).toContain(first);
    expect(text).toMatch(/CNPJ \d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}/);
    expect(text).toContain('Multa');
    expect(text).toContain('Juros');
    expect(text).toContain('Desconto');
    expect(text).toContain('Entrada');
    const payload = await term.locator('code').innerText();
    expect(isValidPixPayload(payload)).toBe(true);
    await term.getByRole('img', { name: /^QR Code PIX/ }).waitFor();
    await screenshot(page, 'call-03-term');
    await expectAccessible(page, 'Ligação: termo do acordo');
    await term.getByRole('button', { name: 'Imprimir (F9)' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__prints)).toBe(1);
    await term.getByRole('button', { name: 'Voltar (Esc)' }).click();
    await term.waitFor({ state: 'hidden' });
    // "Como foi o atendimento?" after the agreement: one click, kept by feedback.record.
    await page.getByRole('group', { name: 'Como foi o atendimento?' }).getByRole('button', { name: 'Nota 5 de 5' }).click();
    await page.getByText('Nota do atendimento guardada: 5 de 5').waitFor();
  });

  it('records the outcome with the objection heard, and shows the recap to send', async () => {
    await page.getByRole('status').filter({ hasText: /^Registrado: Fez acordo/ }).waitFor();
    await call.agreementDone.waitFor();
    const recap = await call.agreementDone.getByRole('region', { name: 'Resumo do combinado' }).innerText();
    expect(recap).toMatch(/Como combinamos no acordo/);
    expect(recap).toMatch(/CNPJ/);
    const ctx = await api(page, 'calls.context', { customerId: queue.items[0].customerId });
    expect(ctx.contacts[0].outcome).toBe('agreement');
    expect(ctx.contacts[0].objectionIds).toEqual(['sem-dinheiro']);
    await expectCleanScreen(page);
    await screenshot(page, 'call-04-recorded');
    await expectAccessible(page, 'Ligação: acordo registrado');
  });

  it('"Próximo" (F8) opens the next customer, whose outcome takes three actions', async () => {
    await page.keyboard.press('F8');
    await page.getByText(`Cliente 2 de ${queue.items.length}`).waitFor();
    await expect.poll(() => call.customerName()).toBe(queue.items[1].name);
    await call.outcomeButton('Não atendeu').click();
    await call.registerButton.click();
    await page.getByRole('status').filter({ hasText: 'Registrado: Não atendeu' }).waitFor();
  });

  it('a promise heard as an objection: the date and amount, Registrar — and the recap to read and send', async () => {
    await page.keyboard.press('F8');
    await page.getByText(`Cliente 3 de ${queue.items.length}`).waitFor();
    await expect.poll(() => call.customerName()).toBe(queue.items[2].name);
    await call.objection('Pago semana que vem').click();
    // The objection picked the outcome: only the date is left (the amount starts at what is late today).
    expect(await call.outcomeButton('Prometeu pagar').getAttribute('aria-checked')).toBe('true');
    await call.outcome.getByRole('textbox', { name: 'Dia combinado' }).fill('27112026');
    await page.keyboard.press('F10');
    await page.getByRole('status').filter({ hasText: /^Registrado: Prometeu R\$ [\d.,]+ para 27\/11\/2026$/ }).waitFor();
    const recap = await page.getByRole('region', { name: 'Resumo do combinado' }).innerText();
    expect(recap).toContain('27/11');
    const ctx = await api(page, 'calls.context', { customerId: queue.items[2].customerId });
    expect(ctx.promises[0]).toMatchObject({ date: '2026-11-27', amountCents: queue.items[2].overdueCents });
    expect(ctx.contacts[0].objectionIds).toEqual(['pago-semana-que-vem']);
    await screenshot(page, 'call-05-promise');
    await expectAccessible(page, 'Ligação: promessa registrada');
  });

  it('beyond the margins the owner types the PIN right there, and the term says who approved it', async () => {
    await page.keyboard.press('F8');
    await page.getByText(`Cliente 4 de ${queue.items.length}`).waitFor();
    await expect.poll(() => call.customerName()).toBe(queue.items[3].name);
    // "O carnê não chegou": make paying easy now, a PIX copia e cola for today's amount with its QR.
    await call.objection(/^O carnê não chegou/).click();
    const pix = page.getByRole('region', { name: 'Pagar agora' });
    await pix.getByRole('img', { name: /^QR Code PIX de R\$/ }).waitFor();
    const payload = await pix.getByText(/^000201/).innerText();
    expect(isValidPixPayload(payload)).toBe(true);
    await call.objection(/^Sem dinheiro agora/).click();
    const capacity = call.offers.getByRole('textbox', { name: 'Quanto consegue pagar por mês?' });
    await capacity.click();
    await capacity.pressSequentially('1000');
    await page.keyboard.press('Enter');
    const beyond = call.offers.locator('.mantine-Radio-root').filter({ hasText: 'fora da margem' });
    await beyond.first().waitFor();
    await beyond.first().getByRole('radio').check();
    const pin = call.offers.getByLabel('PIN do dono');
    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    await call.offers.getByText('Fora da margem: o dono precisa digitar o PIN.').waitFor();
    await pin.fill('9999');
    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    await call.offers.getByText(/PIN do dono não confere/).first().waitFor();
    await screenshot(page, 'call-06-pin');
    await expectAccessible(page, 'Ligação: PIN do dono');
    await pin.fill('1111');
    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    const term = call.termView();
    await term.getByRole('article').waitFor();
    expect(await term.innerText()).toContain('Condição aprovada por Helena Prado');
    await page.keyboard.press('Escape');
    await term.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: /^Registrado: Fez acordo/ }).waitFor();
  });

  it('ends the session and shows its summary', async () => {
    await call.endButton.click();
    await call.summary.waitFor();
    const text = await call.summary.innerText();
    expect(text).toMatch(/Ligações\s*4/);
    expect(text).toMatch(/Conversas\s*3/);
    expect(text).toMatch(/Promessas\s*1/);
    expect(text).toMatch(/Acordos\s*2/);
    expect(text).toContain('Descontos concedidos');
    await expectCleanScreen(page);
    await screenshot(page, 'call-07-summary');
    await expectAccessible(page, 'Ligações: resumo');
    await page.getByRole('button', { name: 'Voltar para Hoje (Esc)' }).click();
    await new TodayPage(page).callList.waitFor();
  });

  it('Treino: a simulated customer raises objections and nothing that writes is called', async () => {
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call')) sent.push(JSON.parse(r.postData() ?? '{}').method);
    });
    const before = await api(page, 'calls.context', { customerId: queue.items[5].customerId });
    sent.length = 0;
    await page.getByRole('button', { name: 'Treino' }).click();
    await page.getByRole('heading', { name: 'Treino de ligação' }).waitFor();
    await page.getByRole('textbox', { name: 'Perfil do cliente' }).or(page.getByRole('combobox', { name: 'Perfil do cliente' })).first().click();
    await page.getByRole('option', { name: 'mau pagador' }).click();
    await page.getByRole('heading', { name: /\(treino\)$/ }).waitFor();
    await page.getByRole('button', { name: /^Começar: o cliente fala/ }).click();
    const line = page.getByTestId('practice-line');
    expect((await line.innerText()).length).toBeGreaterThan(10);
    // Answer with the objection the customer raised.
    const raisedId = await line.getAttribute('data-objection');
    const raised = OBJECTIONS.find((o) => o.id === raisedId)!;
    await call.objections.getByRole('button', { name: raised.label, exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Isso mesmo' }).waitFor();
    await call.responses.waitFor();
    await page.getByRole('button', { name: 'Próxima objeção (F8)' }).click();
    await expectCleanScreen(page);
    await screenshot(page, 'call-08-practice');
    await expectAccessible(page, 'Treino');
    await page.getByRole('button', { name: 'Sair do treino (Esc)' }).click();
    await new TodayPage(page).callList.waitFor();
    // No method that writes was called during the rehearsal, and nothing changed for a real customer.
    const writes = sent.filter((m) => (methods as Record<string, { write: boolean }>)[m]?.write);
    expect(writes).toEqual([]);
    const after = await api(page, 'calls.context', { customerId: queue.items[5].customerId });
    expect(after.contacts.length).toBe(before.contacts.length);
    expect(after.promises.length).toBe(before.promises.length);
  });

  it('had no page errors', () => {
    expect(problems).toEqual([]);
  });
});
