import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasHorizontalScroll, launchBrowser, newStoreFile, openApp, screenshot, startWebApp, type StoreFile, type WebApp, expectAccessible } from './support/web-app';
import { FirstStartPage } from './pages/first-start-page';
import { AppShellPage } from './pages/app-shell-page';
import { CustomersPage } from './pages/customers-page';
import { LoginPage } from './pages/login-page';
import { SalesPage } from './pages/sales-page';
import { ReceivePage } from './pages/receive-page';
import { AccountPage } from './pages/account-page';

/**
 * A customer comes to the counter 41 days late (DOMAIN.md's example: R$ 150,00 due 13/10/2026, paid
 * 23/11/2026 → multa R$ 3,00, juros R$ 2,05, total R$ 155,05), pays in cash with R$ 200,00, takes the receipt;
 * then the owner reverses the payment from the extrato with a reason and the PIN.
 *
 * Time passes the honest way: the store is set up and the sale is made through the Vendas screen with the app
 * launched on 13/09/2026; then the app is closed and launched again on the same store file on 23/11/2026 —
 * a new launch token, so a new login with the owner's PIN — and the payment is received there.
 */
describe.skipIf(!process.env.EMDIA_CHROME)('receiving a late parcela and reversing it (browser mode, Chromium)', () => {
  let store: StoreFile;
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** what the first launch's tab saw go wrong, checked again at the end */
  let firstLaunchProblems: string[] = [];
  const receive = () => new ReceivePage(page);
  const account = () => new AccountPage(page);

  beforeAll(async () => {
    store = newStoreFile();
    app = await startWebApp({ dbFile: store.dbFile, today: '2026-09-13' });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    store?.remove();
  });

  it('sets up the store with its address on 13/09/2026, and registers the customer', async () => {
    const first = new FirstStartPage(page);
    await first.heading.waitFor();
    const setup = await first.chooseConfigure();
    await setup.fill({ storeName: 'Loja Boa Vista', cnpj: '11222333000181', uf: 'SP', ownerName: 'Dona Maria Souza', pin: '2468' });
    await setup.form.getByLabel('Endereço').fill('Rua das Flores, 100 - Centro');
    await setup.form.getByLabel('Cidade').fill('Campinas');
    await setup.submit();
    const shell = new AppShellPage(page);
    await shell.nav.waitFor();

    await shell.open('Clientes');
    const form = await new CustomersPage(page).newCustomer();
    await form.name.fill('Conceição Araújo');
    await form.cpf.pressSequentially('52998224725');
    await form.phone(1).pressSequentially('11987654321');
    await form.save();
    await page.getByText('Cliente salvo.').waitFor();
    await page.getByText('Cliente salvo.').waitFor({ state: 'hidden' });
  });

  it('sells R$ 150,00 in 1x through Vendas (F5) on 13/09/2026, first due 13/10/2026', async () => {
    const sales = new SalesPage(page);
    await page.keyboard.press('F5');
    await sales.heading.waitFor();
    await page.getByText('Data da venda: 13/09/2026.').waitFor();
    expect(await sales.firstDueDate.inputValue()).toBe('13/10/2026');

    await sales.pickCustomer('concei', 'Conceição Araújo');
    await page.getByTestId('picked-customer').getByText('CPF 529.982.247-25').waitFor();
    await sales.description.fill('Ventilador de coluna');
    await sales.typeMoney(sales.total, '15000');
    expect(await sales.total.inputValue()).toBe('R$ 150,00');
    await sales.installmentCount.fill('1');
    await sales.firstDueDate.fill('');
    await sales.firstDueDate.pressSequentially('13102026');
    expect(await sales.firstDueDate.inputValue()).toBe('13/10/2026');

    await sales.previewSummary.getByText('1 × R$ 150,00').waitFor();
    await sales.previewRows().first().getByText('13/10/2026').waitFor();
    expect(await sales.previewRows().count()).toBe(1);
    const row = await sales.previewRows().first().innerText();
    expect(row).toContain('1/1');
    expect(row).toContain('R$ 150,00');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '18-venda-crediario');
    await expectAccessible(page, '18-venda-crediario');

    await page.keyboard.press('F10');
    await sales.doneHeading.waitFor();
    expect((await sales.carneNumber.innerText()).trim()).toBe('A-000001');
    const done = (await page.getByRole('table').filter({ hasText: 'Vencimentos' }).innerText()).replace(/\s+/g, ' ');
    expect(done).toContain('R$ 150,00');
    expect(done).toContain('1 × R$ 150,00');
    expect(done).toContain('13/10/2026');
  });

  it('closes the app, and on 23/11/2026 opens it again on the same store and logs in with the PIN', async () => {
    firstLaunchProblems = [...problems];
    await page.context().close();
    await app.stop();

    app = await startWebApp({ dbFile: store.dbFile, today: '2026-11-23' });
    ({ page, problems } = await openApp(browser, app.url));
    const login = new LoginPage(page);
    await login.prompt.waitFor();
    await expectAccessible(page, 'receive-login-after-restart');
    await login.pickUser('Dona Maria Souza');
    await login.typePinAndEnter('2468');
    const shell = new AppShellPage(page);
    await shell.nav.waitFor();
    expect(await page.getByText('Loja Boa Vista').first().isVisible()).toBe(true);
  });

  it('finds the customer by the carnê number and shows the late parcela with multa and juros', async () => {
    await page.keyboard.press('F6');
    const r = receive();
    await r.search.waitFor();
    expect(await r.search.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, '19-receber-vazio');
    await expectAccessible(page, '19-receber-vazio');
    await r.search.fill('A-000001');
    await r.results.getByRole('option', { name: /Conceição Araújo/ }).waitFor();
    expect(await r.results.getByRole('option').count()).toBe(1);
    await screenshot(page, '19-receber-busca-carne');
    await expectAccessible(page, '19-receber-busca-carne');
    await r.search.press('Enter');
    await r.table.waitFor();

    const row = r.row('1/1', 'A-000001');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    // checkbox, carnê, parcela, vencimento, dias em atraso, valor, multa, juros, desconto, total
    expect(cells.slice(1).map((c) => c.split('\n')[0].trim())).toEqual(['A-000001', '1/1', '13/10/2026', '41 dias', 'R$ 150,00', 'R$ 3,00', 'R$ 2,05', 'R$ 0,00', 'R$ 155,05']);
    expect(await r.totalToPay.innerText()).toBe('R$ 155,05');
    expect(await r.amount.inputValue()).toBe('R$ 155,05');
    expect(await r.method('Dinheiro').isChecked()).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '20-receber-com-encargos');
    await expectAccessible(page, '20-receber-com-encargos');
  });

  it('unticking the parcela leaves nothing to pay; ticking it again asks the backend again', async () => {
    const r = receive();
    await r.row('1/1', 'A-000001').getByRole('checkbox').uncheck();
    await page.getByText('Marque ao menos uma parcela.').waitFor();
    expect(await r.totalToPay.innerText()).toBe('R$ 0,00');
    expect(await r.confirmButton.isDisabled()).toBe(true);
    await r.row('1/1', 'A-000001').getByRole('checkbox').check();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-to-pay"]')?.textContent === 'R$ 155,05');
    // The amount follows the total until the clerk types another one.
    await page.waitForFunction(() => (document.querySelector('input[inputmode="numeric"]') as HTMLInputElement | null)?.value === 'R$ 155,05');
    expect(await r.amount.inputValue()).toBe('R$ 155,05');
    expect(await r.confirmButton.isEnabled()).toBe(true);
  });

  it('explains a partial payment, then computes the troco for R$ 200,00 handed over', async () => {
    const r = receive();
    await r.amount.click();
    await r.amount.pressSequentially('10000');
    expect(await r.amount.inputValue()).toBe('R$ 100,00');
    await page.getByText('A parcela continua em aberto com o saldo restante').waitFor();
    expect(await page.getByText(/Pagamento parcial: ficam faltando R\$ 55,05/).isVisible()).toBe(true);

    await r.amount.click();
    await r.amount.pressSequentially('15505');
    expect(await r.amount.inputValue()).toBe('R$ 155,05');
    await r.amount.press('Enter');
    expect(await r.handed.evaluate((el) => el === document.activeElement)).toBe(true);
    await r.handed.pressSequentially('20000');
    expect(await r.handed.inputValue()).toBe('R$ 200,00');
    expect(await r.change.innerText()).toBe('R$ 44,95');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '21-receber-troco');
    await expectAccessible(page, '21-receber-troco');
  });

  it('confirms with F10 and shows the receipt number and the troco', async () => {
    const r = receive();
    await page.keyboard.press('F10');
    await r.done.waitFor();
    expect(await r.done.innerText()).toContain('Recibo nº A-000001');
    expect(await page.getByTestId('done-change').innerText()).toBe('R$ 44,95');
    expect(await r.printButton('80 mm').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Novo recebimento (F6)' }).isVisible()).toBe(true);
    await screenshot(page, '22-recebimento-confirmado');
    await expectAccessible(page, '22-recebimento-confirmado');
  });

  it('prints the A4 receipt with the breakdown and the amount in words', async () => {
    const r = receive();
    await r.printButton('A4').click();
    const receipt = r.receipt('A-000001');
    await receipt.waitFor();
    const sheet = receipt.getByRole('article', { name: 'Recibo A-000001, folha A4' });
    await sheet.waitFor();
    const text = (await sheet.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Loja Boa Vista');
    expect(text).toContain('CNPJ 11.222.333/0001-81');
    expect(text).toContain('Rua das Flores, 100 - Centro');
    expect(text).toContain('Nº A-000001');
    expect(text).toContain('Conceição Araújo, CPF 529.982.247-25');
    expect(text).toContain('R$ 155,05 (cento e cinquenta e cinco reais e cinco centavos), em dinheiro');
    expect(text).toMatch(/A-000001 1\/1 13\/10\/2026 R\$ 150,00 R\$ 3,00 R\$ 2,05 R\$ 0,00 R\$ 155,05/);
    expect(text).toContain('Campinas/SP, 23/11/2026');
    expect(text).toContain('Dona Maria Souza');
    expect(await receipt.locator('style').innerText()).toContain('size: A4');
    await receipt.getByRole('button', { name: 'Imprimir (F9)' }).and(page.locator(':not([data-loading])')).waitFor();
    await screenshot(page, '23-recibo-a4');
    await expectAccessible(page, '23-recibo-a4');
    await page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'hidden' });
  });

  it('prints the 80 mm receipt in 48 columns on an 80 mm page (F9)', async () => {
    const r = receive();
    await page.keyboard.press('F9');
    const receipt = r.receipt('A-000001');
    const sheet = receipt.getByRole('article', { name: 'Recibo A-000001, bobina de 80 mm' });
    await sheet.waitFor();
    const lines = (await sheet.locator('pre').innerText()).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(48);
    expect(lines).toContain('TOTAL PAGO'.padEnd(48 - 9) + 'R$ 155,05');
    expect(lines.some((l) => /^ {2}Multa +R\$ 3,00$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}Juros +R\$ 2,05$/.test(l))).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('cento e cinquenta e cinco reais e cinco centavos');
    expect(await receipt.locator('style').innerText()).toContain('size: 80mm auto');
    // Every line fits the sheet: no character is cut at the right edge.
    const fits = await sheet.locator('pre').evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits).toBe(true);
    await screenshot(page, '24-recibo-80mm');
    await expectAccessible(page, '24-recibo-80mm');
    await page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'hidden' });
  });

  it('opens the extrato: the parcela is paid and the history shows the payment', async () => {
    await page.getByRole('button', { name: 'Ver extrato' }).click();
    const a = account();
    await a.heading.waitFor();
    await a.installments.first().waitFor();
    expect(await a.installments.count()).toBe(1);
    const row = await a.installments.first().innerText();
    expect(row).toContain('A-000001');
    expect(row).toContain('paga');
    expect(await a.overdueTotal.innerText()).toBe('R$ 0,00');
    expect(await a.asOf.inputValue()).toBe('23/11/2026');
    expect(await a.event('payment').innerText()).toContain('recibo A-000001');
    expect(await a.event('sale').innerText()).toContain('Venda A-000001');
    // The sale keeps the day it was made in the first launch; the payment has the day of the second.
    expect(await a.event('sale').innerText()).toContain('13/09/2026');
    expect(await a.event('payment').innerText()).toContain('23/11/2026');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '25-extrato');
    await expectAccessible(page, '25-extrato');
  });

  it('refuses the estorno with a wrong PIN next to the field, then reverses with the owner PIN', async () => {
    const a = account();
    await a.event('payment').getByRole('button', { name: 'Estornar' }).click();
    const d = a.reverseDialog('A-000001');
    await d.dialog.waitFor();
    expect(await d.ownerName.innerText()).toBe('Dona Maria Souza');
    expect(await d.reason.evaluate((el) => el === document.activeElement)).toBe(true);

    // Both fields are required, and say so next to themselves.
    await d.confirmButton.click();
    expect(await d.errorOf(d.reason)).toContain('Escreva o motivo do estorno');

    await d.reason.fill('Valor lançado na cliente errada');
    await d.pin.fill('1111');
    await d.confirmButton.click();
    await d.dialog.getByText('PIN do dono não confere.').waitFor();
    expect(await d.errorOf(d.pin)).toContain('PIN do dono não confere.');

    await d.pin.fill('2468');
    await screenshot(page, '26-estorno-dialogo');
    await expectAccessible(page, '26-estorno-dialogo');
    await page.keyboard.press('F10');
    await page.getByText('Recibo A-000001 estornado. As parcelas voltaram a ficar em aberto.').waitFor();
    await d.dialog.waitFor({ state: 'hidden' });
  });

  it('shows the parcela open again with R$ 155,05 and the estorno in the history', async () => {
    const a = account();
    await a.event('reversal').waitFor();
    const row = await a.installments.first().innerText();
    expect(row).toContain('vencida');
    expect(row).toContain('R$ 155,05');
    expect(row).toContain('41 dias');
    expect(await a.overdueTotal.innerText()).toBe('R$ 155,05');
    expect(await a.event('reversal').innerText()).toContain('Estorno do recibo A-000001: Valor lançado na cliente errada');
    expect(await a.event('payment').getByText('estornado').isVisible()).toBe(true);
    expect(await a.event('payment').getByRole('button', { name: 'Estornar' }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, '27-extrato-apos-estorno');
    await expectAccessible(page, '27-extrato-apos-estorno');
  });

  it('shows the account as it was on the due date with "Posição em"', async () => {
    const a = account();
    await a.asOf.fill('');
    await a.asOf.pressSequentially('13102026');
    expect(await a.asOf.inputValue()).toBe('13/10/2026');
    await page.getByText('Mostrando a conta como estava em 13/10/2026').waitFor();
    await a.event('reversal').waitFor({ state: 'detached' });
    const row = await a.installments.first().innerText();
    expect(row).toContain('em aberto');
    expect(row).toContain('R$ 150,00');
    expect(await a.overdueTotal.innerText()).toBe('R$ 0,00');
    expect(await a.timeline.count()).toBe(1);
    await page.getByRole('button', { name: 'Voltar para hoje' }).click();
    await a.event('reversal').waitFor();
    expect(await a.asOf.inputValue()).toBe('23/11/2026');
  });

  it('the reversed receipt says so, and Receber quotes R$ 155,05 again', async () => {
    const a = account();
    await a.event('payment').getByRole('button', { name: 'Ver recibo' }).click();
    const receipt = receive().receipt('A-000001');
    await receipt.getByText('ESTORNADO em 23/11/2026').waitFor();
    expect((await receipt.innerText()).replace(/\s+/g, ' ')).toContain('Motivo: Valor lançado na cliente errada');
    await page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Receber', exact: true }).click();
    const r = receive();
    await r.table.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-to-pay"]')?.textContent === 'R$ 155,05');
    expect(firstLaunchProblems).toEqual([]);
    expect(problems).toEqual([]);
  });
});
