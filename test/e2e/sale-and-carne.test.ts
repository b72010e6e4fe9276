import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOT_DIR, hasHorizontalScroll, launchBrowser, openApp, screenshot, startWebApp, type WebApp, expectAccessible } from './support/web-app';
import { FirstStartPage } from './pages/first-start-page';
import { AppShellPage } from './pages/app-shell-page';
import { CustomersPage } from './pages/customers-page';
import { SalesPage } from './pages/sales-page';
import { isValidPixPayload } from '../../shared/pix';
import { api } from './support/in-page';

/** Calls the backend from inside the page, with the launch token and the session the app keeps (renderer/api.ts). */

const which = (cmd: string): boolean => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

// A crediário sale at the counter, as the owner lives it in browser mode: R$ 1.200,00 with R$ 200,00 down in
// 5x at 3% a.m. (DOMAIN.md: PV 100000, n 5, 3% → 5 × 21835), then the A4 carnê with its PIX codes.
describe.skipIf(!process.env.EMDIA_CHROME)('a sale in the crediário and its carnê (browser mode, Chromium)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let sales: SalesPage;
  let customerId = '';
  let carneNumber = '';

  beforeAll(async () => {
    app = await startWebApp({ today: '2026-11-23' });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    sales = new SalesPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sets up the store, its address and PIX key, and a customer', async () => {
    const first = new FirstStartPage(page);
    await first.heading.waitFor();
    const setup = await first.chooseConfigure();
    await setup.fill({ storeName: 'Loja Boa Vista', cnpj: '11222333000181', uf: 'SP', ownerName: 'Dona Maria Souza', pin: '2468' });
    await setup.submit();
    const shell = new AppShellPage(page);
    await shell.nav.waitFor();

    // The address, city and PIX key go on every coupon (CDC art. 42-A); set through the API like a script would.
    const updated = await api(page, 'settings.update', { store: { address: 'Rua Direita, 45 - Centro', city: 'Campinas', pixKey: '11222333000181' } });
    expect(updated.store.pixKey).toBe('11222333000181');

    await shell.open('Clientes');
    const form = await new CustomersPage(page).newCustomer();
    await form.name.fill('Conceição Araújo');
    await form.cpf.pressSequentially('52998224725');
    await form.phone(1).pressSequentially('11987654321');
    await form.save();
    await page.getByText('Cliente salvo.').waitFor();
    const found = await api(page, 'customers.search', { query: 'araujo' });
    customerId = found.items[0].id;
  });

  it('opens Vendas with F5 and the cursor in the customer field', async () => {
    await page.keyboard.press('F5');
    await sales.heading.waitFor();
    expect(await sales.firstDueDate.inputValue()).toBe('23/12/2026');
    await page.waitForFunction(() => document.activeElement?.id === 'sale-field-customerId');
    await page.getByText('Informe o valor total, o número de parcelas e o primeiro vencimento').waitFor();
  });

  it('shows the carnê as the clerk types: 5 × R$ 218,35 with 3% a.m.', async () => {
    await sales.pickCustomer('concei', 'Conceição Araújo');
    await page.getByTestId('picked-customer').getByText('CPF 529.982.247-25').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sale-field-description');
    await sales.description.fill('Geladeira Frost Free 375L');

    await sales.typeMoney(sales.total, '1');
    expect(await sales.total.inputValue()).toBe('R$ 0,01');
    await sales.total.pressSequentially('20000');
    expect(await sales.total.inputValue()).toBe('R$ 1.200,00');
    await sales.typeMoney(sales.downPayment, '20000');
    expect(await sales.downPayment.inputValue()).toBe('R$ 200,00');

    // A mistake shows next to its field, in pt-BR, before anything is sent.
    await sales.installmentCount.fill('30');
    await page.getByText('De 1 a 24 parcelas.').waitFor();
    expect(await sales.errorOf(sales.installmentCount)).toContain('De 1 a 24 parcelas.');
    await sales.installmentCount.fill('5');
    await sales.previewSummary.getByText('5 × R$ 200,00').waitFor();

    await sales.withInterest.check();
    await page.waitForFunction(() => document.activeElement?.id === 'sale-field-monthlyRatePct');
    await page.keyboard.type('3');
    await sales.previewSummary.getByText('5 × R$ 218,35').waitFor();
    expect(await sales.previewRows().count()).toBe(5);
    const rows = await sales.previewRows().allInnerTexts();
    expect(rows[0]).toContain('1/5');
    expect(rows[0]).toContain('23/12/2026');
    expect(rows[0]).toContain('R$ 218,35');
    const previewText = await sales.preview.innerText();
    expect(previewText).toContain('R$ 1.000,00'); // financiado
    expect(previewText).toContain('R$ 1.291,75'); // total a pagar: 200 + 5 × 218,35
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'sale-01-form-preview');
    await expectAccessible(page, 'sale-01-form-preview');
  });

  it('moves a due date on a feriado and says why', async () => {
    await sales.firstDueDate.fill('');
    await sales.firstDueDate.pressSequentially('25122026');
    await sales.previewRows().first().getByText('25/12 → 26/12/2026').waitFor();
    expect(await sales.previewRows().first().innerText()).toContain('(Natal)');
    await screenshot(page, 'sale-02-preview-feriado');
    await expectAccessible(page, 'sale-02-preview-feriado');
    await sales.firstDueDate.fill('');
    await sales.firstDueDate.pressSequentially('23122026');
    await sales.previewRows().first().getByText('23/12/2026').waitFor();
  });

  it('confirms once even on a double click, and shows the carnê number', async () => {
    await sales.confirmButton.dblclick();
    await sales.doneHeading.waitFor();
    carneNumber = (await sales.carneNumber.innerText()).trim();
    expect(carneNumber).toMatch(/^A-\d{6}$/);
    await page.getByText('Venda registrada. Carnê nº').first().waitFor();
    const statement = await api(page, 'accounts.statement', { customerId });
    expect(statement.installments).toHaveLength(5);
    expect(await sales.printButton.isVisible()).toBe(true);
    expect(await sales.newSaleButton.isVisible()).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'sale-03-success');
    await expectAccessible(page, 'sale-03-success');
  });

  it('prints the A4 carnê: 5 coupons with the store, the after-due rule and the PIX codes', async () => {
    await page.keyboard.press('F9');
    const view = sales.printView(carneNumber);
    await view.waitFor();
    await sales.qrCodes().nth(4).waitFor();
    expect(await sales.coupons().count()).toBe(5);
    expect(await sales.qrCodes().count()).toBe(5);
    const first = await sales.coupons().first().innerText();
    expect(first).toContain('Loja Boa Vista');
    expect(first).toContain('CNPJ 11.222.333/0001-81');
    expect(first).toContain('Rua Direita, 45 - Centro · Campinas/SP');
    expect(first).toContain('Conceição Araújo');
    expect(first).toContain('529.982.247-25');
    expect(first).toContain(carneNumber);
    expect(first).toContain('1/5');
    expect(first).toContain('23/12/2026');
    expect(first).toContain('R$ 218,35');
    expect(first).toContain('Após o vencimento: multa de 2% e juros de 1% ao mês.');
    expect(first).toContain('Pague na loja ou por PIX.');
    expect(first).toContain('Após o vencimento, pague na loja.');
    expect(await view.getByText('5/5').first().isVisible()).toBe(true);
    // No warning about the store's identification: address and CNPJ are there.
    expect(await page.getByText(/Falta .* da loja no carnê/).count()).toBe(0);
    expect(await view.getByRole('button', { name: 'Imprimir (F9)' }).isVisible()).toBe(true);
    expect(await view.getByRole('button', { name: 'Voltar (Esc)' }).isVisible()).toBe(true);
    await screenshot(page, 'sale-04-carne-print-view');
    await expectAccessible(page, 'sale-04-carne-print-view');

    // The QR codes are valid BR Codes with the face value (checked with the same shared/pix the app uses).
    const src = await sales.qrCodes().first().getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    const { pixPayload } = await import('../../shared/pix');
    const payload = pixPayload({ key: '11222333000181', merchantName: 'Loja Boa Vista', merchantCity: 'Campinas', amountCents: 21835, txid: `${carneNumber.replace('-', '')}P01` });
    expect(isValidPixPayload(payload)).toBe(true);
    expect(payload).toContain('5406218.35');
  });

  it('prints to PDF on 2 A4 sheets (3 coupons per sheet), toolbar left out', async () => {
    const pdfPath = join(SCREENSHOT_DIR, 'carne.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const pdf = readFileSync(pdfPath).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBe(2);
    // A4 in points: 595 × 842.
    expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
    if (which('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, join(SCREENSHOT_DIR, 'carne-pdf')]);
      expect(existsSync(join(SCREENSHOT_DIR, 'carne-pdf-1.png'))).toBe(true);
    }
  });

  it('goes back with Esc, and F5 starts a new sale', async () => {
    await page.keyboard.press('Escape');
    await sales.printView(carneNumber).waitFor({ state: 'hidden' });
    await sales.doneHeading.waitFor();
    await page.keyboard.press('F5');
    await sales.heading.waitFor();
    expect(await sales.description.inputValue()).toBe('');
    expect(await sales.total.inputValue()).toBe('R$ 0,00');
  });

  // The spreadsheet import (mapping, dry run, import) has its own end-to-end test: import-book.test.ts.

  it('never showed an error in the console', () => {
    expect(problems).toEqual([]);
  });
});
