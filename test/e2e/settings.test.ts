import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp, expectAccessible } from './support/web-app';
import { TodayPage } from './pages/today-page';
import { CallPage } from './pages/call-page';
import { PROFILE_LABELS } from '../../shared/ui-format/profile';
import { FirstStartPage } from './pages/first-start-page';
import { LoginPage } from './pages/login-page';
import { AppShellPage } from './pages/app-shell-page';
import { SettingsPage } from './pages/settings-page';

// The owner sets up the store's identity, policy, margins, régua, e-mail account and people in Configurações;
// then a clerk sees the same settings read-only, and the backend refuses a change from the clerk whatever the
// screen shows. A second part, on the demo store: a margin the owner lowers is what the clerk's offers obey.
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
    await settings.openTab('Margens');
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

  it('edits the régua: the text is checked as it is typed and previewed with a real customer, then saved', async () => {
    // A customer with a parcela due 13/10, so the preview shows real data: R$ 150,00 + multa 3,00 + juros 2,05 today.
    const c = (await settings.callApi('customers.create', { name: 'ANA PAULA SOUZA', cpf: '52998224725', phones: [{ number: '11987654321', whatsapp: true }] })) as unknown as { id: string };
    await settings.callApi('sales.create', { customerId: c.id, date: '2026-09-20', description: 'Geladeira duplex', totalCents: 15000, installmentCount: 1, firstDueDate: '2026-10-13' });

    await settings.openTab('Régua de cobrança');
    const regua = settings.form('Régua de cobrança');
    await regua.waitFor();
    const steps = regua.getByRole('list', { name: 'Passos da régua' });
    expect(await steps.getByRole('listitem').count()).toBe(6);
    await steps.getByRole('button', { name: /^10 dias depois/ }).click();
    const template = regua.getByRole('textbox', { name: 'Modelo', exact: true });
    const original = await template.inputValue();
    const preview = page.getByRole('status', { name: 'Texto da prévia' });
    await expect.poll(() => preview.innerText()).toContain('Oi, Ana. A parcela 1/1, que venceu terça-feira, 13/10, segue em aberto: hoje são R$ 155,05.');
    expect(await preview.innerText()).toContain('CNPJ 11.222.333/0001-81');
    expect(await page.locator('input').and(page.getByLabel('Cliente da prévia')).inputValue()).toBe('ANA PAULA SOUZA');

    // A typo in a variable and a forbidden phrase: flagged as typed, and the save is refused on the field.
    await template.fill(original.replace('{valor}', '{valr}') + '\nÚltimo aviso antes de avisar seu chefe.');
    await regua.getByText(/\{valr\}, que não existe/).waitFor();
    await regua.getByText(/O texto tem o que uma cobrança não pode dizer/).waitFor();
    await expect.poll(() => preview.innerText()).toContain('{valr}');
    await page.getByRole('region', { name: 'Prévia da mensagem' }).scrollIntoViewIfNeeded();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-08-regua-problems');
    await expectAccessible(page, 'settings-08-regua-problems');
    await page.keyboard.press('F10');
    await expect.poll(() => settings.errorOf(template)).toMatch(/que não existe/);
    expect(await template.getAttribute('aria-invalid')).toBe('true');
    const unchanged = (await settings.callApi('settings.get', {})) as unknown as { regua: { steps: { id: string; template: string }[] } };
    expect(unchanged.regua.steps.find((x) => x.id === 'depois-10')!.template).toBe(original);

    // Fixed: a warmer line, seen in the preview as it is typed.
    await template.fill(original.replace('Imprevistos acontecem', 'Imprevistos acontecem com todo mundo'));
    await regua.getByText(/^O texto segue as regras/).waitFor();
    await expect.poll(() => preview.innerText()).toContain('Imprevistos acontecem com todo mundo');

    // A new step: an SMS on the due date, for crônico customers only.
    await regua.getByRole('button', { name: 'Novo passo' }).click();
    const label = regua.getByRole('textbox', { name: /^Nome do passo/ });
    await label.fill('No dia do vencimento');
    await regua.locator('input[aria-label="Antes, no dia ou depois"]').click();
    await page.getByRole('option', { name: 'no dia' }).click();
    await regua.locator('input').and(regua.getByLabel('Canal')).click();
    await page.getByRole('option', { name: 'SMS' }).click();
    await regua.locator('label').filter({ hasText: /^crônico$/ }).click();
    expect(await regua.getByRole('checkbox', { name: 'crônico' }).isChecked()).toBe(true);
    await steps.getByRole('button', { name: /^No dia do vencimento/ }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-09-regua');
    await expectAccessible(page, 'settings-09-regua');

    await settings.save();
    await settings.expectNotice('Régua de cobrança salva.');
    const saved = (await settings.callApi('settings.get', {})) as unknown as { regua: { steps: { id: string; label: string; offsetDays: number; channel: string; profiles?: string[]; template: string }[] } };
    expect(saved.regua.steps).toHaveLength(7);
    expect(saved.regua.steps.find((x) => x.id === 'depois-10')!.template).toContain('Imprevistos acontecem com todo mundo');
    expect(saved.regua.steps[6]).toMatchObject({ id: 'passo-1', label: 'No dia do vencimento', offsetDays: 0, channel: 'sms', profiles: ['cronico'] });

    // …and removed again.
    await regua.getByRole('button', { name: 'Remover este passo' }).click();
    expect(await steps.getByRole('listitem').count()).toBe(6);
    await settings.save();
    await settings.expectNotice('Régua de cobrança salva.');
    const after = (await settings.callApi('settings.get', {})) as unknown as { regua: { steps: unknown[] } };
    expect(after.regua.steps).toHaveLength(6);
  });

  it('saves the store e-mail account and "Enviar teste" reaches a real SMTP server', async () => {
    const received: { to: string[]; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _s, cb) => (auth.username === 'loja' && auth.password === 's3nh@' ? cb(null, { user: 'loja' }) : cb(new Error('Invalid username or password'))),
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (ch: Buffer) => (data += ch.toString('utf8')));
        stream.on('end', () => (received.push({ to: session.envelope.rcptTo.map((r) => r.address), data }), cb()));
      },
    });
    const port = await new Promise<number>((ok) => smtp.listen(0, '127.0.0.1', () => ok((smtp.server.address() as { port: number }).port)));
    try {
      await settings.openTab('E-mail');
      const email = settings.form('E-mail da loja');
      await email.waitFor();
      const testButton = email.getByRole('button', { name: 'Enviar teste' });
      expect(await testButton.isDisabled()).toBe(true);
      await email.getByRole('switch', { name: 'Enviar lembretes por e-mail' }).check({ force: true });
      await email.getByRole('textbox', { name: /^Servidor SMTP/ }).fill('127.0.0.1');
      await email.getByRole('textbox', { name: /^Porta/ }).fill(String(port));
      await email.getByLabel('Usuário').fill('loja');
      await email.getByLabel('Senha', { exact: true }).fill('s3nh@');
      await email.getByRole('textbox', { name: /^Remetente/ }).fill('Loja Boa Vista <loja@exemplo.com.br>');
      expect(await email.getByRole('textbox', { name: /^Porta/ }).inputValue()).toBe(String(port));
      expect(await email.getByText('Salve a conta de e-mail antes de testar.').isVisible()).toBe(true);
      await settings.save();
      await settings.expectNotice('Conta de e-mail salva.');

      await email.getByLabel('Enviar para').fill('dona.maria@');
      await testButton.click();
      expect(await settings.errorOf(email.getByLabel('Enviar para'))).toContain('Confira o endereço de destino');
      await email.getByLabel('Enviar para').fill('dona.maria@example.com');
      await testButton.click();
      await email.getByText('Teste enviado', { exact: true }).waitFor();
      expect(await email.getByRole('status').innerText()).toContain('E-mail de teste enviado para dona.maria@example.com');
      expect(received).toHaveLength(1);
      expect(received[0].to).toEqual(['dona.maria@example.com']);
      // The saved password never comes back to the screen: the field holds the mask.
      expect(await email.getByText('Senha guardada. Para trocar, apague e digite a nova.').isVisible()).toBe(true);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await screenshot(page, 'settings-10-email');
      await expectAccessible(page, 'settings-10-email');
      const saved = (await settings.callApi('settings.get', {})) as unknown as { smtp: Record<string, unknown> };
      expect(saved.smtp).toMatchObject({ host: '127.0.0.1', port, user: 'loja', password: '••••••••', from: 'Loja Boa Vista <loja@exemplo.com.br>' });
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
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

  it('manages people: deactivates a clerk, keeps the last owner, unlocks and gives a new PIN', async () => {
    const table = page.getByRole('table', { name: 'Usuários' });
    const form = settings.form('Novo usuário');
    await form.getByLabel('Nome').fill('Beatriz Lima');
    await form.getByLabel(/^PIN/).fill('9753');
    await form.getByLabel(/^Confirme o PIN/).fill('9753');
    await page.keyboard.press('F10');
    await settings.expectNotice('Beatriz Lima já pode entrar no EmDia como atendente.');

    // Deactivate Beatriz: she leaves the login list, her row stays with "Reativar".
    await table.getByRole('button', { name: 'Desativar Beatriz Lima' }).click();
    const confirm = page.getByRole('dialog', { name: 'Desativar Beatriz Lima?' });
    await confirm.waitFor();
    await expectAccessible(page, 'settings-users-deactivate-dialog');
    await confirm.getByRole('button', { name: 'Desativar' }).click();
    await settings.expectNotice('Beatriz Lima não entra mais no EmDia.');
    await table.getByRole('button', { name: 'Reativar Beatriz Lima' }).waitFor();
    const loginList = (await settings.callApi('session.users', {})) as unknown as { items: { name: string }[] };
    expect(loginList.items.map((u) => u.name)).toEqual(['Carlos', 'Dona Maria Souza']);

    // The only owner cannot be deactivated: said in plain words, nothing changes.
    await table.getByRole('button', { name: 'Desativar Dona Maria Souza' }).click();
    await page.getByRole('dialog', { name: 'Desativar Dona Maria Souza?' }).getByRole('button', { name: 'Desativar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dona Maria Souza é o único dono ativo' }).waitFor();
    expect(await table.getByRole('button', { name: 'Desativar Dona Maria Souza' }).isVisible()).toBe(true);

    // Carlos gets locked by wrong PINs (from another counter); the owner unlocks him.
    const all = (await settings.callApi('users.listAll', {})) as unknown as { items: { id: string; name: string }[] };
    const carlos = all.items.find((u) => u.name === 'Carlos')!;
    for (let i = 0; i < 5; i++) await settings.callApi('session.login', { userId: carlos.id, pin: '0000' });
    await settings.openTab('Impressão');
    await settings.openTab('Usuários');
    await table.getByRole('row', { name: /Carlos/ }).getByText('Bloqueado').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-11-users-manage');
    await expectAccessible(page, 'settings-11-users-manage');
    await table.getByRole('button', { name: 'Desbloquear Carlos' }).click();
    await settings.expectNotice('Carlos pode tentar o PIN de novo.');
    await table.getByRole('row', { name: /Carlos/ }).getByText('Ativo').waitFor();

    // Carlos forgot his PIN: a new one.
    await table.getByRole('button', { name: 'Novo PIN para Carlos' }).click();
    const dialog = page.getByRole('dialog', { name: 'Novo PIN para Carlos' });
    await dialog.locator('#settings-newpin-pin').fill('8642');
    await dialog.getByLabel(/^Confirme o PIN/).fill('8624');
    await dialog.getByRole('button', { name: 'Trocar o PIN' }).click();
    expect(await settings.errorOf(dialog.getByLabel(/^Confirme o PIN/))).toContain('Os dois PINs não conferem');
    await dialog.getByLabel(/^Confirme o PIN/).fill('8642');
    await screenshot(page, 'settings-12-new-pin');
    await expectAccessible(page, 'settings-12-new-pin');
    await dialog.getByRole('button', { name: 'Trocar o PIN' }).click();
    await settings.expectNotice('PIN de Carlos trocado. Avise a pessoa do PIN novo.');
  });

  it('lets Carlos read Configurações but not change them, and the backend refuses him', async () => {
    const shell = new AppShellPage(page);
    await shell.logout();
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Carlos');
    await expectAccessible(page, 'settings-login-carlos');
    await login.typePinAndEnter('8642');
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

    // The régua: every step with its text, nothing to edit; no e-mail account, no people.
    expect(await settings.tab('E-mail').count()).toBe(0);
    await settings.openTab('Régua de cobrança');
    const regua = settings.form('Régua de cobrança');
    await regua.getByRole('article', { name: '10 dias depois' }).waitFor();
    expect(await regua.getByRole('article', { name: '10 dias depois' }).innerText()).toContain('Imprevistos acontecem com todo mundo');
    expect(await regua.getByRole('button').count()).toBe(0);
    expect(await regua.getByRole('textbox').count()).toBe(0);
    await screenshot(page, 'settings-13-clerk-regua');
    await expectAccessible(page, 'settings-13-clerk-regua');
    await settings.openTab('Margens');
    expect(await settings.form('Margens de negociação').getByLabel('Máximo de parcelas', { exact: true }).isDisabled()).toBe(true);
    expect(await settings.saveButton.count()).toBe(0);

    const all = (await settings.callApi('session.users', {})) as unknown as { items: { id: string; name: string }[] };
    const owner = all.items.find((u) => u.name === 'Dona Maria Souza')!;
    for (const [method, input] of [
      ['users.update', { id: owner.id, pin: '0000' }],
      ['users.listAll', {}],
      ['reminders.preview', { template: 'Oi, {primeiroNome}', channel: 'phone' }],
      ['mail.test', { email: 'carlos@example.com' }],
    ] as const) {
      const r = await settings.callApi(method, input);
      expect(r.error, method).toMatchObject({ kind: 'forbidden', message: 'Somente o dono da loja pode fazer isto.' });
    }

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

// The margins are the clerk's limits (DOMAIN.md "Margins"): on the demo store the owner lowers, for the
// profile of the first customer on today's list, the most parcelas to 2 and the discount on charges to 0;
// on the call screen the clerk's offers now keep to it — anything longer needs the owner's PIN.
describe.skipIf(!process.env.EMDIA_CHROME)('A margin lowered in Configurações is what the call screen offers (demo store, Chromium)', () => {
  const TODAY = '2026-11-23';
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let settings: SettingsPage;
  let first: { customerId: string; name: string; profile: string };
  let capacityCents = 0;

  beforeAll(async () => {
    store = newStoreFile();
    execFileSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', store.dbFile, '--customers', '300', '--today', TODAY], { stdio: 'ignore' });
    app = await startWebApp({ dbFile: store.dbFile, today: TODAY });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    page.context().on('page', (p) => void p.close().catch(() => undefined));
    settings = new SettingsPage(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  type Offer = { label: string; installmentCount: number; withinLimits: boolean; kind: string };
  const plansOf = (offers: Offer[]) => offers.filter((o) => o.kind === 'installments');

  it('the owner lowers the margins of one profile in Configurações', async () => {
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Helena Prado');
    await login.typePinAndEnter('1111');
    const shell = new AppShellPage(page);
    await shell.nav.waitFor();

    const queue = (await settings.callApi('queue.build', {})) as unknown as { items: { customerId: string; name: string; profile: string }[] };
    first = queue.items[0];
    // Before: plans of 3 or more parcelas are within the margins (the default allows 6).
    const before = (await settings.callApi('offers.compute', { customerId: first.customerId })) as unknown as { options: (Offer & { totalCents: number })[] };
    expect(plansOf(before.options).some((o) => o.withinLimits && o.installmentCount > 2)).toBe(true);
    expect(before.options.some((o) => /desconto nos encargos/.test(o.label))).toBe(true);
    // What the customer can pay a month: about a quarter of the debt, so a plan of 3 or 4 fits, and one of 2 does not.
    capacityCents = Math.ceil(before.options[0].totalCents / 4);

    await page.keyboard.press('F8');
    await settings.heading.waitFor();
    await settings.openTab('Margens');
    const margins = settings.form('Margens de negociação');
    await margins.waitFor();
    const label = PROFILE_LABELS[first.profile as keyof typeof PROFILE_LABELS];
    await margins.getByLabel(`Máximo de parcelas, perfil ${label} (em branco: usa o padrão)`).fill('2');
    await margins.getByLabel(`Desconto nos encargos, perfil ${label} (em branco: usa o padrão)`).fill('0');
    // A discount above 100% is refused next to the cell, and nothing is saved.
    const principal = margins.getByLabel(`Desconto no principal, perfil ${label} (em branco: usa o padrão)`);
    await principal.fill('120');
    await page.keyboard.press('F10');
    await expect.poll(() => settings.errorOf(principal)).toBe('O máximo é 100%.');
    await principal.fill('');
    await principal.scrollIntoViewIfNeeded();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-14-margins-lowered');
    await expectAccessible(page, 'settings-14-margins-lowered');
    await settings.save();
    await settings.expectNotice('Margens de negociação salvas.');
    const saved = (await settings.callApi('settings.get', {})) as unknown as { margins: { byProfile: Record<string, Record<string, number>> } };
    expect(saved.margins.byProfile[first.profile]).toMatchObject({ maxInstallments: 2, maxChargesDiscountPct: 0 });
    await shell.logout();
  });

  it('on the call screen, the clerk’s offers keep to the new limits', async () => {
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Marcos Silva');
    await login.typePinAndEnter('2222');
    await new AppShellPage(page).nav.waitFor();
    await page.keyboard.press('F4');
    await new TodayPage(page).callList.waitFor();
    await page.getByRole('button', { name: 'Iniciar ligações' }).click();
    const call = new CallPage(page);
    await call.heading.waitFor();
    await expect.poll(() => call.customerName()).toBe(first.name);

    await call.objection(/^Sem dinheiro agora/).click();
    await call.offers.waitFor();
    const capacity = call.offers.getByRole('textbox', { name: 'Quanto consegue pagar por mês?' });
    await capacity.click();
    await capacity.pressSequentially(String(capacityCents));
    await call.offers.getByRole('button', { name: 'Calcular' }).click();
    await call.offers.getByText('fora da margem: precisa do PIN do dono').first().waitFor();

    const texts = await call.offers.locator('.mantine-Radio-root').allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    // No discount on charges for this profile any more.
    expect(texts.join('\n')).not.toMatch(/desconto nos encargos/);
    let beyond = 0;
    for (const t of texts) {
      const n = /\+ (\d+)x de/.exec(t);
      if (!n) continue;
      if (Number(n[1]) > 2) {
        beyond++;
        expect(t, t).toContain('fora da margem');
      } else expect(t, t).toContain('dentro da margem');
    }
    // A quarter of the debt a month fits no plan of 2: the plan that fits is shown beyond the margin, for the owner's PIN.
    expect(beyond).toBeGreaterThan(0);
    const offers = (await settings.callApi('offers.compute', { customerId: first.customerId, capacityCents })) as unknown as { options: Offer[] };
    for (const o of plansOf(offers.options)) expect(o.withinLimits, o.label).toBe(o.installmentCount <= 2);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'settings-15-offers-after-margin');
    await expectAccessible(page, 'settings-15-offers-after-margin');
  });

  it('never shows an error in the console', () => {
    expect(problems).toEqual([]);
  });
});
