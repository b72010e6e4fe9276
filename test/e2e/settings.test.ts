import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasHorizontalScroll, launchBrowser, openApp, screenshot, startWebApp, type WebApp, expectAccessible } from './support/web-app';
import { FirstStartPage } from './pages/first-start-page';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { SettingsPage } from './pages/settings-page';

// The owner sets up the store's identity, policy and people in Configurações; then a clerk sees the same
// settings read-only, and the backend refuses a change from the clerk whatever the screen shows.
describe.skipIf(!process.env.EMDIA_CHROME)('Configurações: the owner edits, the clerk only reads (browser mode, Chromium)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let settings: SettingsPage;

  beforeAll(async () => {
    app = await startWebApp({ today: '2026-11-23' });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    settings = new SettingsPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sets up the store with its address and city', async () => {
    const first = new FirstStartPage(page);
    await first.heading.waitFor();
    const setup = await first.chooseConfigure();
    await setup.fill({ storeName: 'Loja Boa Vista', uf: 'SP', ownerName: 'Dona Maria Souza', pin: '2468' });
    await setup.form.getByLabel('Endereço').fill('Rua das Flores, 120 - Centro');
    await setup.form.getByLabel('Cidade').fill('Campinas');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-01-setup');
    await expectAccessible(page, 'settings-01-setup');
    await setup.submit();
    await new AppShellPage(page).nav.waitFor();
  });

  it('opens Configurações with F8 and shows the address given at setup', async () => {
    await page.keyboard.press('F8');
    await settings.heading.waitFor();
    const store = settings.form('Dados da loja');
    await store.waitFor();
    expect(await store.getByLabel('Endereço').inputValue()).toBe('Rua das Flores, 120 - Centro');
    expect(await store.getByLabel('Cidade').inputValue()).toBe('Campinas');
    expect(await page.getByText(/Código de Defesa do Consumidor \(art\. 42-A\)/).isVisible()).toBe(true);
    expect(await settings.tab('Usuários').isVisible()).toBe(true);
  });

  it('masks and checks the CNPJ, normalizes the PIX key and saves the store', async () => {
    const store = settings.form('Dados da loja');
    const cnpj = store.getByLabel('CNPJ');
    await cnpj.pressSequentially('11222333000100');
    expect(await cnpj.inputValue()).toBe('11.222.333/0001-00');
    expect(await settings.errorOf(cnpj)).toContain('CNPJ inválido');
    await cnpj.fill('');
    await cnpj.pressSequentially('11222333000181');
    expect(await cnpj.inputValue()).toBe('11.222.333/0001-81');
    expect(await settings.errorOf(cnpj)).toBe('');

    const pix = store.getByLabel('Chave PIX');
    await pix.fill('+55 (11) 98765-4321');
    await pix.blur();
    expect(await pix.inputValue()).toBe('+5511987654321');
    expect(await settings.errorOf(pix)).not.toContain('inválid');

    await store.getByLabel('Endereço').fill('Rua das Flores, 125 - Centro');
    await settings.tab('Loja').filter({ hasText: 'alterações não salvas' }).waitFor();
    expect(await page.getByLabel('Prévia do cabeçalho').innerText()).toContain('CNPJ 11.222.333/0001-81');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-02-store');
    await expectAccessible(page, 'settings-02-store');

    await settings.save();
    await settings.expectNotice('Dados da loja salvos.');
    const saved = (await settings.callApi('settings.get', {})) as unknown as { store: Record<string, string> };
    expect(saved.store).toMatchObject({ cnpj: '11222333000181', pixKey: '+5511987654321', address: 'Rua das Flores, 125 - Centro', city: 'Campinas', state: 'SP' });
  });

  it('refuses a 3% late fine next to the field, saying why, then saves 2%', async () => {
    await settings.openTab('Cobrança');
    const policy = settings.form('Regras de cobrança');
    await policy.waitFor();
    const fine = policy.getByLabel('Multa por atraso');
    await fine.fill('3');
    await policy.getByLabel('Dias de tolerância').fill('5');
    await page.keyboard.press('F10');
    await page.getByText('A multa pode ser de no máximo 2% (CDC, art. 52 §1).').waitFor();
    expect(await policy.getByText(/não pode passar de 2% \(Código de Defesa do Consumidor, art\. 52 §1\)/).isVisible()).toBe(true);
    expect(await settings.errorOf(fine)).toContain('A multa pode ser de no máximo 2%');
    expect(await fine.getAttribute('aria-invalid')).toBe('true');
    expect(await fine.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-03-fine-error');
    await expectAccessible(page, 'settings-03-fine-error');

    await fine.fill('2');
    expect(await settings.errorOf(fine)).not.toContain('A multa pode');
    expect(await fine.getAttribute('aria-invalid')).not.toBe('true');
    await settings.save();
    await settings.expectNotice('Regras de cobrança salvas.');
    await policy.getByLabel('Tamanho da lista do dia').scrollIntoViewIfNeeded();
    expect(await policy.getByRole('checkbox', { name: 'Ligar no domingo' }).isChecked()).toBe(false);
    expect(await policy.getByLabel('Fim das ligações, sábado').inputValue()).toBe('14:00');
    await screenshot(page, 'settings-03b-call-windows');
    await expectAccessible(page, 'settings-03b-call-windows');
    const saved = (await settings.callApi('settings.get', {})) as unknown as { policy: { fineRatePct: number; graceDays: number } };
    expect(saved.policy).toMatchObject({ fineRatePct: 2, graceDays: 5 });
  });

  it('shows the negotiation margins with one line per profile', async () => {
    await settings.openTab('Margens de negociação');
    const margins = settings.form('Margens de negociação');
    await margins.waitFor();
    expect(await margins.getByRole('row').count()).toBe(7); // header + six profiles
    const cell = margins.getByLabel('Máximo de parcelas, perfil crônico (em branco: usa o padrão)');
    expect(await cell.inputValue()).toBe('');
    expect(await cell.getAttribute('placeholder')).toBe('6');
    await cell.fill('10');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-04-margins');
    await expectAccessible(page, 'settings-04-margins');
    await settings.save();
    await settings.expectNotice('Margens de negociação salvas.');
    const saved = (await settings.callApi('settings.get', {})) as unknown as { margins: { byProfile: Record<string, Record<string, number>> } };
    expect(saved.margins.byProfile.cronico.maxInstallments).toBe(10);
  });

  it('chooses a 42-column receipt', async () => {
    await settings.openTab('Impressão');
    const printing = settings.form('Impressão');
    await printing.waitFor();
    await printing.getByLabel('42 colunas').check();
    await printing.getByLabel('Imprimir sem acentos').check();
    expect(await page.getByLabel('Prévia do recibo com 42 colunas').innerText()).toContain('LOJA BOA VISTA');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-05-printing');
    await expectAccessible(page, 'settings-05-printing');
    await settings.save();
    await settings.expectNotice('Preferências de impressão salvas.');
  });

  it('creates the clerk Carlos with a PIN', async () => {
    await settings.openTab('Usuários');
    const form = settings.form('Novo usuário');
    await form.waitFor();
    await page.getByRole('table', { name: 'Usuários' }).getByText('Dona Maria Souza').waitFor();
    await form.getByLabel('Nome').fill('Carlos');
    await form.getByRole('radio', { name: 'Atendente' }).check();
    await form.getByLabel(/^PIN/).fill('1357');
    await form.getByLabel(/^Confirme o PIN/).fill('1375');
    await form.getByRole('button', { name: 'Cadastrar usuário (F10)' }).click();
    expect(await settings.errorOf(form.getByLabel(/^Confirme o PIN/))).toContain('Os dois PINs não conferem');
    await form.getByLabel(/^Confirme o PIN/).fill('1357');
    await page.keyboard.press('F10');
    await settings.expectNotice('Carlos já pode entrar no EmDia como atendente.');
    const row = page.getByRole('table', { name: 'Usuários' }).getByRole('row', { name: /Carlos/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Atendente');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-06-users');
    await expectAccessible(page, 'settings-06-users');
  });

  it('lets Carlos read Configurações but not change them, and the backend refuses him', async () => {
    const shell = new AppShellPage(page);
    await shell.logout();
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Carlos');
    await expectAccessible(page, 'settings-login-carlos');
    await login.typePinAndEnter('1357');
    await shell.nav.waitFor();

    await shell.open('Configurações');
    await settings.heading.waitFor();
    await settings.readOnlyNote.first().waitFor();
    await settings.openTab('Loja');
    const store = settings.form('Dados da loja');
    await store.waitFor();
    expect(await store.getByLabel('CNPJ').inputValue()).toBe('11.222.333/0001-81');
    expect(await store.getByLabel('CNPJ').isDisabled()).toBe(true);
    expect(await settings.saveButton.count()).toBe(0);
    expect(await settings.tab('Usuários').count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-07-clerk-read-only');
    await expectAccessible(page, 'settings-07-clerk-read-only');

    await settings.openTab('Cobrança');
    const policy = settings.form('Regras de cobrança');
    await policy.waitFor();
    expect(await policy.getByLabel('Multa por atraso').isDisabled()).toBe(true);
    await expectAccessible(page, 'settings-clerk-policy-read-only');
    expect(await settings.saveButton.count()).toBe(0);

    const refused = await settings.callApi('settings.update', { policy: { fineRatePct: 1 } });
    expect(refused.error).toMatchObject({ kind: 'forbidden', message: 'Somente o dono da loja pode fazer isto.' });
    const noUser = await settings.callApi('users.create', { name: 'Intruso', role: 'owner', pin: '0000' });
    expect(noUser.error?.kind).toBe('forbidden');
    const still = (await settings.callApi('settings.get', {})) as unknown as { policy: { fineRatePct: number } };
    expect(still.policy.fineRatePct).toBe(2);
  });

  it('never shows an error in the console', () => {
    expect(problems).toEqual([]);
  });
});
