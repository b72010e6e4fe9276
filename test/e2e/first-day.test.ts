import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasHorizontalScroll, launchBrowser, openApp, screenshot, startWebApp, type WebApp, expectAccessible } from './support/web-app';
import { FirstStartPage } from './pages/first-start-page';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { CustomersPage } from './pages/customers-page';
import { SalesPage } from './pages/sales-page';
import { CustomerFormPage } from './pages/customer-form-page';

// The first day of a new store, as its owner lives it in browser mode: set up the store, log in, register
// the first customer (tripping over a mistyped CPF on the way) and find her again without typing accents.
describe.skipIf(!process.env.EMDIA_CHROME)('first day at a new store (browser mode, Chromium)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startWebApp({ today: '2026-11-23' });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('takes the launch token out of the address bar', async () => {
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).not.toContain('token=');
  });

  it('sets up the store on first start', async () => {
    const first = new FirstStartPage(page);
    await first.heading.waitFor();
    await expect(first.demoButton.isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'first-day-welcome');
    const setup = await first.chooseConfigure();
    await setup.fill({ storeName: 'Loja Boa Vista', cnpj: '11222333000181', uf: 'SP', ownerName: 'Dona Maria Souza', pin: '2468' });
    await expect(setup.form.getByLabel('CNPJ').inputValue()).resolves.toBe('11.222.333/0001-81');
    await screenshot(page, '01-setup');
    await expectAccessible(page, '01-setup');
    await setup.submit();
  });

  it('logs out and back in by picking the owner and typing the PIN', async () => {
    const shell = new AppShellPage(page);
    await shell.logoutButton.waitFor();
    await shell.logout();

    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Dona Maria Souza');
    await login.typePinAndEnter('1111');
    await login.error().waitFor();
    expect(await login.error().innerText()).toMatch(/PIN errado\. Restam 4 tentativa/);
    await screenshot(page, '02-login');
    await expectAccessible(page, '02-login');

    await login.typePinAndEnter('2468');
    await shell.nav.waitFor();
    expect(await page.getByText('Loja Boa Vista').first().isVisible()).toBe(true);
    for (const area of ['Hoje', 'Clientes', 'Vendas', 'Receber', 'Painel', 'Configurações']) {
      expect(await shell.area(area).isVisible(), area).toBe(true);
    }
  });

  it('shows an empty customer list that says what to do', async () => {
    await new AppShellPage(page).open('Clientes');
    const customers = new CustomersPage(page);
    await customers.heading.waitFor();
    await page.getByText('Nenhum cliente ainda.').waitFor();
    expect(await page.getByText('Cadastre o primeiro em Novo cliente (F3).').isVisible()).toBe(true);
    expect(await customers.search.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, '03-customers-empty');
    await expectAccessible(page, '03-customers-empty');
  });

  it('refuses an invalid CPF next to the field, then saves the customer', async () => {
    const form = await new CustomersPage(page).newCustomer();
    await form.name.waitFor();
    await form.name.fill('Conceição Araújo');
    await form.cpf.pressSequentially('52998224700');
    expect(await form.cpf.inputValue()).toBe('529.982.247-00');
    await page.getByText('CPF inválido: confira os 11 dígitos.').waitFor();
    expect(await form.errorOf(form.cpf)).toContain('CPF inválido: confira os 11 dígitos.');
    expect(await form.cpf.getAttribute('aria-invalid')).toBe('true');

    await form.phone(1).pressSequentially('11987654321');
    expect(await form.phone(1).inputValue()).toBe('(11) 98765-4321');
    await form.whatsapp(1).check();
    await form.birthDate.pressSequentially('25031980');
    expect(await form.birthDate.inputValue()).toBe('25/03/1980');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '04-customer-form-cpf-error');
    await expectAccessible(page, '04-customer-form-cpf-error');

    // Saving with the wrong CPF is refused on the spot, without reaching the backend.
    await form.save();
    expect(await form.errorOf(form.cpf)).toContain('CPF inválido');

    await form.cpf.fill('');
    await form.cpf.pressSequentially('529.982.247-25');
    expect(await form.cpf.inputValue()).toBe('529.982.247-25');
    expect(await form.errorOf(form.cpf)).toBe('');
    await form.cpf.press('Enter');

    await page.getByText('Cliente salvo.').waitFor();
    await new CustomersPage(page).heading.waitFor();
  });

  it('finds the customer typing part of the name without accents', async () => {
    const customers = new CustomersPage(page);
    await customers.searchFor('araujo');
    await page.getByText('1 cliente encontrado').waitFor();
    const row = customers.row('Conceição Araújo');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('529.982.247-25');
    expect(text).toContain('(11) 98765-4321');
    expect(text).toContain('R$ 0,00');
    expect(text).toContain('novo');
    expect(await customers.results.getByRole('option').count()).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '05-search-result');
    await expectAccessible(page, '05-search-result');
  });

  it('opens the customer with Enter and goes back with Esc', async () => {
    const customers = new CustomersPage(page);
    await customers.search.press('Enter');
    // Enter opens the customer's page (their file); "Editar cadastro" opens the form, Esc comes back to the page.
    await page.getByRole('heading', { name: 'Conceição Araújo', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Editar cadastro (Alt+E)' }).click();
    const form = new CustomerFormPage(page);
    await page.getByRole('heading', { name: 'Editar cliente' }).waitFor();
    expect(await form.cpf.inputValue()).toBe('529.982.247-25');
    expect(await form.birthDate.inputValue()).toBe('25/03/1980');
    expect(await form.whatsapp(1).isChecked()).toBe(true);
    await expectAccessible(page, 'first-day-edit-customer');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Conceição Araújo', level: 2 }).waitFor();
    await page.keyboard.press('Escape');
    await customers.heading.waitFor();
    expect(await customers.search.inputValue()).toBe('araujo');
  });

  it('starts a crediário sale from the customer, with the customer already chosen', async () => {
    const customers = new CustomersPage(page);
    // The list answers again after coming back; Enter opens the highlighted row once it is there.
    await page.getByText('Conceição Araújo', { exact: true }).first().waitFor();
    await customers.search.press('Enter');
    await page.getByRole('heading', { name: 'Conceição Araújo', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Nova venda (F5)' }).click();
    const sales = new SalesPage(page);
    await sales.heading.waitFor();
    await expect.poll(() => sales.customer.inputValue()).toContain('Conceição Araújo');
    await expectAccessible(page, 'first-day-sale-from-customer');
    await page.keyboard.press('F2');
    await customers.heading.waitFor();
  });

  it('shows every shortcut with F1', async () => {
    await page.keyboard.press('F1');
    const dialog = page.getByRole('dialog', { name: 'Atalhos do teclado' });
    await dialog.waitFor();
    expect(await dialog.getByText('Novo cliente', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, '06-help');
    await expectAccessible(page, '06-help');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('keeps the login on reload and never shows an error in the console', async () => {
    await page.reload();
    await new AppShellPage(page).nav.waitFor();
    expect(problems).toEqual([]);
  });
});
