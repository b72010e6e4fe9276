import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp } from './support/web-app';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { CustomersPage } from './pages/customers-page';
import { CustomerFilePage } from './pages/customer-file-page';
import { CustomerFormPage } from './pages/customer-form-page';
import { AccountPage } from './pages/account-page';
import { ReceivePage } from './pages/receive-page';
import { CallPage } from './pages/call-page';
import { formatCpf } from '../../shared/cpf';
import { formatBRL } from '../../shared/money';
import { addDays, formatDateBR } from '../../shared/dates';
import { adjustOffer, type AdjustDraft } from '../../renderer/screens/call/offer-adjust';
import { api, expectCleanScreen, UUID } from './support/in-page';

/** Calls the backend from inside the page, with the launch token and the session the app keeps (renderer/api.ts). */

const TODAY = '2026-11-23'; // a Monday: calls allowed 08:00–20:00; the app's clock is frozen at noon

// The customer's page in Clientes on the demo store: Marcos searches a customer who is late, reads the file
// (profile and why, what is late with today's charges, past contacts and promises, whether to call now), edits
// the record and comes back, opens the extrato and Receber, and starts the guided call from the page; there he
// adjusts an offer by hand — within the margins it goes through, beyond them the owner's PIN is asked right there.
describe.skipIf(!process.env.EMDIA_CHROME)("The customer's page in Clientes, and adjusting an offer in the call opened from it (browser mode, Chromium)", () => {
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let customers: CustomersPage;
  let file: CustomerFilePage;
  let ctx: any;

  beforeAll(async () => {
    store = newStoreFile();
    execFileSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', store.dbFile, '--customers', '300', '--today', TODAY], { stdio: 'ignore' });
    app = await startWebApp({ dbFile: store.dbFile, today: TODAY });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    page.context().on('page', (p) => void p.close().catch(() => undefined));
    customers = new CustomersPage(page);
    file = new CustomerFilePage(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('logs in as Marcos and picks, from the day list, a late customer with contacts and promises', async () => {
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Marcos Silva');
    await login.pinInput.waitFor();
    await login.typePinAndEnter('2222');
    await new AppShellPage(page).nav.waitFor();
    const queue = await api(page, 'queue.build', {});
    for (const item of queue.items) {
      const c = await api(page, 'calls.context', { customerId: item.customerId });
      if (c.installments.length && c.contacts.length && c.promises.length && c.profile.reasons.length) {
        ctx = c;
        break;
      }
    }
    expect(ctx).toBeTruthy();
  });

  it('Enter on the list opens the file: profile and reasons, overdue with charges, contacts, promises, calling now', async () => {
    await page.keyboard.press('F2');
    await customers.heading.waitFor();
    await customers.searchFor(ctx.customer.cpf);
    await customers.row(ctx.customer.name).waitFor();
    await customers.search.press('Enter');
    await file.title.waitFor();
    expect(await file.name()).toBe(ctx.customer.name);
    const body = await page.locator('body').innerText();
    expect(body).toContain(`CPF ${formatCpf(ctx.customer.cpf)}`);

    const who = await file.who.innerText();
    expect(who).toContain(`Perfil ${ctx.profile.label}`);
    for (const r of ctx.profile.reasons) expect(who).toContain(r);
    expect(who).toContain('Cliente desde');
    for (const p of ctx.purchases) expect(who).toContain(p.description);

    const overdue = await file.overdue.innerText();
    expect(overdue).toContain(`Em atraso hoje: ${formatBRL(ctx.facts.overdueCents)}`);
    expect(await file.overdue.getByRole('list', { name: 'Parcelas em atraso' }).getByRole('listitem').count()).toBe(ctx.installments.length);
    for (const i of ctx.installments) expect(overdue).toContain(formatBRL(i.totalDueCents));

    const contacts = await file.contacts.innerText();
    expect(contacts).toContain(ctx.calling.allowed ? 'Pode ligar agora' : 'Não ligue agora');
    if (ctx.phoneToUse) expect(contacts).toContain(ctx.phoneToUse.label);
    for (const p of ctx.phones.filter((x: any) => x.wrongNumber)) expect(contacts).toContain(p.label);
    expect(await file.contacts.getByRole('list', { name: 'Últimos contatos' }).getByRole('listitem').count()).toBe(Math.min(10, ctx.contacts.length));
    expect(contacts).toContain(ctx.contacts[0].outcomeLabel);
    expect(await file.overdue.getByRole('list', { name: 'Promessas' }).getByRole('listitem').count()).toBe(Math.min(10, ctx.promises.length));
    expect(overdue).toContain(ctx.promises[0].statusLabel);

    await expectCleanScreen(page);
    await screenshot(page, 'customer-file-01-page');
    await expectAccessible(page, 'Clientes: ficha do cliente');
  });

  it('"Editar cadastro" (Alt+E) opens the form; Esc comes back to the file, Esc again to the list with the search kept', async () => {
    await page.keyboard.press('Alt+E');
    await page.getByRole('heading', { name: 'Editar cliente' }).waitFor();
    expect(await new CustomerFormPage(page).name.inputValue()).toBe(ctx.customer.name);
    await page.keyboard.press('Escape');
    await file.title.waitFor();
    await page.keyboard.press('Escape');
    await customers.heading.waitFor();
    expect(await customers.search.inputValue()).toBe(ctx.customer.cpf);
  });

  it('F10 still saves the form, and saving comes back to the file', async () => {
    await customers.row(ctx.customer.name).click();
    await file.edit.click();
    const form = new CustomerFormPage(page);
    await form.name.waitFor();
    await page.keyboard.press('F10');
    await page.getByText('Cliente salvo.').waitFor();
    await file.title.waitFor();
  });

  it('"Extrato" opens the account and its Esc comes back to the file', async () => {
    await file.account.click();
    const account = new AccountPage(page);
    await account.heading.waitFor();
    await account.installments.first().waitFor();
    await page.keyboard.press('Escape');
    await file.title.waitFor();
    expect(await file.name()).toBe(ctx.customer.name);
  });

  it('"Receber" opens the counter for this customer', async () => {
    await file.receive.click();
    const r = new ReceivePage(page);
    await r.table.waitFor();
    await page.getByText(ctx.customer.name).first().waitFor();
    await page.keyboard.press('F2');
    await customers.heading.waitFor();
  });

  it('"Ligar agora" opens the guided call for this customer', async () => {
    await customers.row(ctx.customer.name).waitFor();
    await customers.search.press('Enter');
    await file.callNow.click();
    const call = new CallPage(page);
    await call.heading.waitFor();
    await page.getByText('Cliente 1 de 1').waitFor();
    await expect.poll(() => call.customerName()).toBe(ctx.customer.name);
    await call.file.waitFor();
    expect(await call.file.innerText()).toContain('Em atraso hoje');
  });

  /** The option the offers panel starts on (OffersPanel: the suggested plan, else the suggested one). */
  const startOption = (r: any) => r.options.find((o: any) => o.suggested && o.kind === 'installments') ?? r.options.find((o: any) => o.suggested);

  /** Proposes an agreement with capacity R$ 80,00 and opens "Ajustar esta proposta" on the option picked. */
  async function openAdjuster(call: CallPage) {
    await page.getByRole('button', { name: 'Propor acordo' }).click();
    const capacity = call.offers.getByRole('textbox', { name: 'Quanto consegue pagar por mês?' });
    await capacity.click();
    await capacity.pressSequentially('8000');
    await call.offers.getByRole('button', { name: 'Calcular' }).click();
    await call.offers.getByRole('radiogroup', { name: 'Propostas sugeridas' }).waitFor();
    await call.offers.getByRole('button', { name: 'Ajustar esta proposta' }).click();
    const adjuster = call.offers.getByRole('group', { name: 'Ajustar a proposta' });
    await adjuster.waitFor();
    return adjuster;
  }

  /** Types the draft into the adjuster like the clerk: parcelas first (the entrada is editable once there are any). */
  async function typeDraft(adjuster: ReturnType<Page['locator']>, d: AdjustDraft) {
    await adjuster.getByRole('textbox', { name: 'Parcelas' }).fill(String(d.installmentCount));
    for (const [label, cents] of [['Entrada', d.downPaymentCents], ['Desconto', d.discountCents]] as const) {
      const box = adjuster.getByRole('textbox', { name: label });
      await box.click();
      await box.press('Control+A');
      await box.pressSequentially(String(cents));
      expect(await box.inputValue()).toBe(formatBRL(cents));
    }
    if (d.firstDueDate) await adjuster.getByRole('textbox', { name: '1º vencimento' }).fill(formatDateBR(d.firstDueDate));
  }

  it('adjusting the offer by hand within the margins recomputes the parcela, and confirming makes the agreement', async () => {
    const call = new CallPage(page);
    const offers = await api(page, 'offers.compute', { customerId: ctx.customer.id, capacityCents: 8000 });
    const base = startOption(offers);
    // A hand-made plan the options do not have, within the margins: another count, entrada or first due date.
    let draft: AdjustDraft | null = null;
    let expected: ReturnType<typeof adjustOffer> | null = null;
    search: for (const days of [7, 10, 14, 20, 1]) {
      for (let n = 1; n <= offers.margins.maxInstallments; n++) {
        for (const entrada of [0, Math.round(offers.debt.totalCents / (n + 1)), Math.round(offers.debt.totalCents / 4)]) {
          const d = { downPaymentCents: entrada, installmentCount: n, firstDueDate: addDays(offers.asOf, days), discountCents: 0 };
          const a = adjustOffer(offers, base, d);
          const known = offers.options.some((o: any) => o.installmentCount === n && o.downPaymentCents === entrada && o.firstDueDate === d.firstDueDate);
          if (a.withinLimits && !a.invalid.length && !known) {
            draft = d;
            expected = a;
            break search;
          }
        }
      }
    }
    expect(draft).toBeTruthy();
    const adjuster = await openAdjuster(call);
    await typeDraft(adjuster, draft!);
    const line = adjuster.getByTestId('adjusted-offer');
    await expect.poll(() => line.innerText()).toContain(`${draft!.installmentCount}x de ${formatBRL(expected!.installmentCents)} · total ${formatBRL(expected!.totalCents)}`);
    expect(await line.innerText()).toContain('dentro da margem');
    expect(await call.offers.getByLabel('PIN do dono').count()).toBe(0);
    await line.scrollIntoViewIfNeeded();
    await expectCleanScreen(page);
    await screenshot(page, 'customer-file-02-adjust-within');
    await expectAccessible(page, 'Ligação: ajustar a proposta');

    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    const term = call.termView();
    await term.getByRole('article').waitFor();
    expect(await term.innerText()).toContain(formatBRL(expected!.installmentCents));
    await page.keyboard.press('Escape');
    await term.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: /^Registrado: Fez acordo/ }).waitFor();
    // The ledger has the agreement's parcelas as typed: n Price parcelas of the recomputed value.
    const st = await api(page, 'accounts.statement', { customerId: ctx.customer.id });
    expect(st.installments.filter((i: any) => i.amountCents === expected!.installmentCents && i.status !== 'renegotiated').length).toBeGreaterThanOrEqual(draft!.installmentCount);
    const after = await api(page, 'calls.context', { customerId: ctx.customer.id });
    expect(after.installments).toEqual([]);
  });

  it('beyond the margins confirming asks for the owner PIN: a wrong PIN is refused, the right one records the agreement', async () => {
    const call = new CallPage(page);
    await call.nextButton.click(); // "Terminar": the one-customer session ends with its summary
    await call.summary.waitFor();
    await page.getByRole('button', { name: 'Voltar para Hoje (Esc)' }).click();
    // Another late customer, from Clientes again.
    const queue = await api(page, 'queue.build', {});
    const other = queue.items.find((i: any) => i.customerId !== ctx.customer.id)!;
    const cpf = (await api(page, 'calls.context', { customerId: other.customerId })).customer.cpf;
    await page.keyboard.press('F2');
    await customers.heading.waitFor();
    await customers.searchFor(cpf);
    await customers.row(other.name).waitFor();
    await customers.search.press('Enter');
    await expect.poll(() => file.name()).toBe(other.name);
    await file.callNow.click();
    await expect.poll(() => call.customerName()).toBe(other.name);

    const offers = await api(page, 'offers.compute', { customerId: other.customerId, capacityCents: 8000 });
    const draft: AdjustDraft = { downPaymentCents: 0, installmentCount: offers.margins.maxInstallments + 1, firstDueDate: addDays(offers.asOf, 7), discountCents: 0 };
    const expected = adjustOffer(offers, startOption(offers), draft);
    expect(expected.invalid).toEqual([]);
    expect(expected.withinLimits).toBe(false);
    const adjuster = await openAdjuster(call);
    await typeDraft(adjuster, draft);
    const line = adjuster.getByTestId('adjusted-offer');
    await expect.poll(() => line.innerText()).toContain('fora da margem: precisa do PIN do dono');
    expect(await line.innerText()).toContain(`limite de ${offers.margins.maxInstallments} parcelas`);

    const pin = call.offers.getByLabel('PIN do dono');
    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    await call.offers.getByText('Fora da margem: o dono precisa digitar o PIN.').waitFor();
    await pin.fill('9999');
    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    await call.offers.getByText(/PIN do dono não confere/).first().waitFor();
    expect((await api(page, 'calls.context', { customerId: other.customerId })).installments.length).toBeGreaterThan(0); // nothing written
    await expectCleanScreen(page);
    await screenshot(page, 'customer-file-03-adjust-pin');
    await expectAccessible(page, 'Ligação: ajuste fora da margem');
    await pin.fill('1111');
    await call.offers.getByRole('button', { name: 'Fazer acordo (F10)' }).click();
    const term = call.termView();
    await term.getByRole('article').waitFor();
    const text = await term.innerText();
    expect(text).toContain('Condição aprovada por Helena Prado');
    expect(text).toContain(formatBRL(expected.installmentCents));
    await page.keyboard.press('Escape');
    await term.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: /^Registrado: Fez acordo/ }).waitFor();
    expect((await api(page, 'calls.context', { customerId: other.customerId })).installments).toEqual([]);
  });

  it('had no page errors', () => {
    expect(problems).toEqual([]);
  });
});
