import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp } from './support/web-app';
import { AppShellPage } from './pages/app-shell-page';
import { LoginPage } from './pages/login-page';
import { DashboardPage } from './pages/dashboard-page';
import { FormalPage } from './pages/formal-page';
import { AuditPage } from './pages/audit-page';

/**
 * The formal path in Chromium (issue 8 §6 and §4). The store and a customer 106 days late are made with the CLI
 * (`emdia call`, which acts as the owner); then the owner, in the browser on 15/10/2026, generates the written
 * notice and prints it; on 27/10/2026 (a later `--today`, after the deadline) registers the record at the
 * bureau, sees the audit trail and exports both CSVs; after the payoff on 17/11, Hoje shows the removal to ask
 * for, due 25/11 (5 business days over the 20/11 feriado), until it is marked done.
 */
describe.skipIf(!process.env.EMDIA_CHROME)('the formal path and the audit trail (browser mode, Chromium)', () => {
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const seen: string[] = [];
  const cli = (method: string, input: unknown, today: string) =>
    JSON.parse(execFileSync(process.execPath, ['bin/emdia.mjs', 'call', method, JSON.stringify(input), '--db', store.dbFile, '--today', today], { encoding: 'utf8' }));

  /** Launches the app on `today` and logs the owner in. */
  async function launch(today: string) {
    if (page) {
      seen.push(...problems);
      await page.context().close();
      await app.stop();
    }
    app = await startWebApp({ dbFile: store.dbFile, today });
    ({ page, problems } = await openApp(browser, app.url));
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await login.pickUser('Dona Maria Souza');
    await login.typePinAndEnter('2468');
    await new AppShellPage(page).nav.waitFor();
  }

  async function openTab(tab: 'Cobrança formal' | 'Auditoria') {
    await new AppShellPage(page).open('Painel');
    const painel = new DashboardPage(page);
    await painel.tab(tab).click();
  }

  beforeAll(async () => {
    store = newStoreFile();
    cli('setup.store', { storeName: 'Loja Boa Vista', cnpj: '11222333000181', state: 'SP', address: 'Rua das Flores, 100 - Centro', city: 'Campinas', ownerName: 'Dona Maria Souza', ownerPin: '2468' }, '2026-06-01');
    cli('settings.update', { store: { pixKey: 'loja@exemplo.com.br' } }, '2026-06-01');
    const ana = cli('customers.create', { name: 'Conceição Araújo', cpf: '52998224725', phones: [{ number: '11987654321' }], address: 'Rua Ipê, 45 - Jardim Paulista' }, '2026-06-01').id;
    cli('sales.create', { customerId: ana, date: '2026-06-01', description: 'Geladeira frost free', totalCents: 45000, installmentCount: 3, firstDueDate: '2026-07-01' }, '2026-06-01');
    browser = await launchBrowser();
    await launch('2026-10-15');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('lists the customer 106 days late as a candidate, with why', async () => {
    await openTab('Cobrança formal');
    const formal = new FormalPage(page);
    await formal.heading.waitFor();
    const row = formal.candidate('Conceição Araújo');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('CPF 529.982.247-25');
    expect(text).toContain('R$ 450,00');
    expect(text).toContain('3 parcelas');
    expect(text).toMatch(/01\/07\/2026|Mau pagador/);
    expect(text).toContain('Ainda não notificado');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'formal-01-candidatos');
    await expectAccessible(page, 'Cobrança formal: candidatos');
  });

  it('generates the written notice and prints it: store identification, breakdown, deadline, ways to pay', async () => {
    const formal = new FormalPage(page);
    await formal.candidate('Conceição Araújo').getByRole('button', { name: 'Gerar notificação para Conceição Araújo' }).click();
    await formal.dialog.waitFor();
    await formal.dialog.getByText('enviada hoje (15/10/2026)').waitFor();
    // A deadline under 10 days is refused next to its field.
    await formal.dialog.getByLabel('Prazo para pagar').pressSequentially('20102026');
    await formal.dialog.getByRole('button', { name: 'Gerar e imprimir' }).click();
    await formal.dialog.getByText(/Prazo: dê pelo menos 10 dias/).waitFor();
    await screenshot(page, 'formal-02-notificacao-prazo-curto');
    await expectAccessible(page, 'Cobrança formal: prazo curto');
    await formal.dialog.getByLabel('Prazo para pagar').fill('');
    await page.evaluate(() => {
      (window as any).__prints = 0;
      window.print = () => {
        (window as any).__prints++;
      };
    });
    await formal.dialog.getByRole('button', { name: 'Gerar e imprimir' }).click();
    const view = formal.printView;
    await view.waitFor();
    const sheet = view.getByRole('article', { name: 'Notificação a Conceição Araújo' });
    await sheet.waitFor();
    await view.getByRole('img', { name: 'QR Code PIX da loja' }).waitFor();
    const letter = (await sheet.innerText()).replace(/\s+/g, ' ');
    expect(letter).toContain('Loja Boa Vista');
    expect(letter).toContain('CNPJ 11.222.333/0001-81');
    expect(letter).toContain('Rua das Flores, 100 - Centro – Campinas/SP');
    expect(letter).toContain('Conceição Araújo');
    expect(letter).toContain('CPF 529.982.247-25');
    expect(letter).toContain('Comunicado de pendência e prazo para regularizar');
    expect(letter).toMatch(/Parcelas \(principal\) R\$ 450,00/);
    expect(letter).toMatch(/Multa R\$ 9,00/);
    expect(letter).toMatch(/Juros de mora R\$ \d+,\d\d/);
    expect(letter).toContain('até segunda-feira, 26/10/2026');
    expect(letter).toContain('loja@exemplo.com.br');
    expect(letter).toContain('art. 43 §2');
    expect(letter).toContain('5 dias úteis (STJ, Súmula 548)');
    expect(letter).not.toMatch(/devedor|inadimplente|último aviso/i);
    await screenshot(page, 'formal-03-notificacao-impressa');
    await view.getByRole('region', { name: /^Prévia: / }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'formal-03b-notificacao-fim');
    await expectAccessible(page, 'Cobrança formal: notificação');
    await view.getByRole('button', { name: 'Imprimir (F9)' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__prints)).toBe(1);
    await view.getByRole('button', { name: 'Voltar (Esc)' }).click();
    await view.waitFor({ state: 'hidden' });
    const row = await formal.candidate('Conceição Araújo').innerText();
    expect(row).toContain('Enviada em 15/10/2026');
    expect(row).toContain('Prazo até 26/10/2026');
    expect(await formal.candidate('Conceição Araújo').getByRole('button', { name: 'Registrar no birô: Conceição Araújo' }).isDisabled()).toBe(true);
  });

  it('on 27/10/2026, after the deadline, registers the record at the bureau', async () => {
    await launch('2026-10-27');
    await openTab('Cobrança formal');
    const formal = new FormalPage(page);
    await formal.candidate('Conceição Araújo').getByText('Prazo encerrado em 26/10/2026').waitFor();
    await formal.candidate('Conceição Araújo').getByRole('button', { name: 'Registrar no birô: Conceição Araújo' }).click();
    await formal.dialog.waitFor();
    await formal.dialog.getByLabel('Birô').fill('Serasa');
    await screenshot(page, 'formal-04-registrar');
    await expectAccessible(page, 'Cobrança formal: registrar');
    await formal.dialog.getByRole('button', { name: 'Confirmar registro' }).click();
    await page.getByText('Registro de Conceição Araújo anotado.').waitFor();
    const rec = formal.record('Conceição Araújo');
    await rec.waitFor();
    const text = await rec.innerText();
    expect(text).toContain('Serasa');
    expect(text).toContain('27/10/2026');
    expect(text).toContain('Registrado');
    expect(await formal.candidates.isVisible()).toBe(false);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'formal-05-registros');
    await expectAccessible(page, 'Cobrança formal: registros');

    const download = await formal.exportCsv('registros');
    expect(download.suggestedFilename()).toBe('registros-biro-2026-10-27.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Nome;CPF;Endereço;Valor da dívida;Vencimento da dívida mais antiga;Contrato (carnê);CNPJ da loja;Notificado em;Birô;Registrado em');
    expect(lines[1]).toMatch(/^Conceição Araújo;529\.982\.247-25;Rua Ipê, 45 - Jardim Paulista;\d+,\d\d;01\/07\/2026;A-000001;11\.222\.333\/0001-81;15\/10\/2026;Serasa;27\/10\/2026$/);
  });

  it('sees the notice and the record in the audit trail, finds the settings change, and exports the CSV', async () => {
    await openTab('Auditoria');
    const audit = new AuditPage(page);
    await audit.heading.waitFor();
    await audit.count.waitFor();
    const first = audit.rows().first();
    await first.waitFor();
    const newest = await first.innerText();
    expect(newest).toContain('27/10/2026');
    expect(newest).toContain('Dona Maria Souza');
    expect(newest).toContain('Registrar no birô');
    expect(newest).toContain('Cliente: Conceição Araújo');
    expect(newest).toContain('Birô: Serasa');
    expect(await audit.table.innerText()).toContain('Gerar notificação por escrito');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'formal-06-auditoria');
    await expectAccessible(page, 'Auditoria');

    await audit.kind('Configurações e usuários');
    await expect.poll(async () => (await audit.rows().allInnerTexts()).join('|')).toMatch(/Alterar configurações/);
    const settings = await audit.rows().allInnerTexts();
    expect(settings).toHaveLength(1);
    expect(settings[0]).toContain('Chave PIX: loja@exemplo.com.br');
    expect(settings[0]).toContain('Linha de comando');
    await screenshot(page, 'formal-07-auditoria-configuracoes');
    await expectAccessible(page, 'Auditoria: configurações');

    await audit.kind('Tudo');
    await page.getByLabel('De').pressSequentially('27102026');
    await page.getByLabel('Até').pressSequentially('27102026');
    await expect.poll(async () => (await audit.rows().allInnerTexts()).length).toBe(1);
    const download = await audit.exportCsv();
    expect(download.suggestedFilename()).toBe('auditoria-2026-10-27.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Data;Hora;Pessoa;Ação;Detalhes;Destaque;Aprovado por;Por onde');
    expect(lines[1]).toBe('27/10/2026;12:00;Dona Maria Souza;Registrar no birô;Cliente: Conceição Araújo · Birô: Serasa;;;Tela');
    expect(lines[2]).toBe('');
  });

  it('after the payoff on 17/11, Hoje shows the removal due 25/11 until it is marked done', async () => {
    const customerId = cli('customers.search', { query: 'conceicao' }, '2026-11-17').items[0].id;
    const q = cli('payments.quote', { customerId }, '2026-11-17');
    cli('payments.receive', { customerId, amountCents: q.totalCents, method: 'pix' }, '2026-11-17');
    await launch('2026-11-18');
    const task = page.getByRole('list', { name: 'Baixas no birô a pedir' });
    await task.waitFor();
    const text = await task.innerText();
    expect(text).toContain('Conceição Araújo');
    expect(text).toContain('quitado em 17/11/2026');
    expect(text).toContain('pedir até 25/11/2026');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'formal-08-hoje-baixa');
    await expectAccessible(page, 'Hoje: baixa no birô');
    await task.getByRole('button', { name: 'Baixa feita: Conceição Araújo' }).click();
    await page.getByText('Baixa de Conceição Araújo anotada.').waitFor();
    await task.waitFor({ state: 'hidden' });
    await openTab('Cobrança formal');
    await new FormalPage(page).record('Conceição Araújo').getByText('Baixa feita em 18/11/2026').waitFor();
    expect([...seen, ...problems]).toEqual([]);
  });
});
