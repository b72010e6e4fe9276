import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, hasHorizontalScroll, launchBrowser, openApp, screenshot, startWebApp, type WebApp } from './support/web-app';
import { FirstStartPage } from './pages/first-start-page';
import { AppShellPage } from './pages/app-shell-page';
import { CustomersPage } from './pages/customers-page';
import { ImportPage } from './pages/import-page';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

// The owner brings in the store's hand-kept workbook (issue 11): EmDia guesses the columns, the owner maps the
// one it could not guess, the dry run shows the totals and the two rows typed wrong, the corrected copy goes
// in all at once, and the customers are in Clientes with the profiles their real record gives them.
describe.skipIf(!process.env.EMDIA_CHROME)('importing the store’s own workbook (browser mode, Chromium)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let imp: ImportPage;

  beforeAll(async () => {
    app = await startWebApp({ today: '2026-11-23' });
    browser = await launchBrowser();
    ({ page, problems } = await openApp(browser, app.url));
    imp = new ImportPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sets up the store and opens Importar planilha from Clientes', async () => {
    const first = new FirstStartPage(page);
    await first.heading.waitFor();
    const setup = await first.chooseConfigure();
    await setup.fill({ storeName: 'Loja Bom Preço', uf: 'SP', ownerName: 'Dona Lúcia Ramos', pin: '2468' });
    await setup.submit();
    await new AppShellPage(page).nav.waitFor();
    await new AppShellPage(page).open('Clientes');
    await new CustomersPage(page).heading.waitFor();
    await imp.open();
    await imp.dialog.getByRole('button', { name: 'Escolher planilha' }).waitFor();
    await screenshot(page, 'import-book-01-start');
  });

  it('reads the workbook under its title rows and guesses the columns; one is left for the owner', async () => {
    await imp.choose('caderno-da-loja.xlsx', fixture('caderno-da-loja.xlsx'));
    await imp.columns.waitFor();
    expect(await imp.dialog.getByTestId('import-file-name').innerText()).toBe('caderno-da-loja.xlsx');
    expect(await imp.dialog.getByText('cabeçalho na linha 4').isVisible()).toBe(true);
    expect(await imp.fieldOf('A').inputValue()).toBe('Nome do cliente');
    expect(await imp.fieldOf('F').inputValue()).toBe('Nº da parcela');
    expect(await imp.fieldOf('G').inputValue()).toBe('Vencimento');
    expect(await imp.fieldOf('J').inputValue()).toBe('Não importar');
    await imp.firstRows.waitFor();
    expect(await imp.firstRows.innerText()).toContain('15/04/2026');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'import-book-02-mapping');
    await expectAccessible(page, 'Importar planilha, colunas');
  });

  it('names a required field left without a column, and waits for it', async () => {
    await imp.mapColumn('B', 'Não importar');
    await imp.mappingProblems.waitFor();
    expect(await imp.mappingProblems.innerText()).toContain('Falta escolher a coluna de: CPF.');
    expect(await imp.checkButton.isDisabled()).toBe(true);
    await imp.mapColumn('B', 'CPF');
    await imp.mappingProblems.waitFor({ state: 'hidden' });
  });

  it('the owner maps "Quitada em" to the payment date; the dry run shows the totals and the two bad rows', async () => {
    await imp.mapColumn('J', 'Data do pagamento');
    expect(await imp.fieldOf('J').inputValue()).toBe('Data do pagamento');
    await page.keyboard.press('F9');
    await imp.badLines.waitFor();
    const bad = await imp.badLines.innerText();
    expect(bad).toContain('Vencimento ilegível na coluna “Vencto”: “15/13/2026”');
    expect(bad).toContain('CPF inválido na coluna “CPF/CNPJ”: “456.123.789-00”');
    expect(await imp.badLines.locator('tbody tr').count()).toBe(2);
    expect(await imp.dialog.getByText('2 linhas precisam de correção').isVisible()).toBe(true);
    expect(await imp.total('Clientes')).toMatch(/^5\b/); // Pedro's only row is one of the two bad ones
    expect(await imp.warnings.innerText()).toContain('lido como 012.345.678-90');
    expect(await imp.importButton.isDisabled()).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'import-book-03-bad-lines');
    await expectAccessible(page, 'Importar planilha, linhas com problema');
  });

  it('the corrected copy keeps the chosen columns; all good, then F10 imports it all with progress', async () => {
    await imp.choose('caderno-da-loja-corrigido.xlsx', fixture('caderno-da-loja-corrigido.xlsx'));
    await imp.columns.waitFor();
    expect(await imp.fieldOf('J').inputValue()).toBe('Data do pagamento');
    await imp.saveAs.fill('Caderno da loja');
    await imp.checkButton.click();
    await imp.dialog.getByText('Tudo certo com a planilha').waitFor();
    expect(await imp.total('Clientes')).toMatch(/^6\b/);
    expect(await imp.total('Vendas (carnês)')).toBe('7');
    expect(await imp.total('Parcelas')).toMatch(/^43\s+23 já pagas/);
    expect(await imp.total('Vencido')).toMatch(/R\$\s2\.478,70/);
    await screenshot(page, 'import-book-04-ready');
    await page.keyboard.press('F10');
    await page.getByText('Importação concluída').waitFor();
    await imp.dialog.waitFor({ state: 'hidden' });
  });

  it('the customers are in Clientes with the profiles their record gives them', async () => {
    const customers = new CustomersPage(page);
    await customers.searchFor('jose carlos');
    const jose = customers.row(/José Carlos Pereira/);
    await jose.waitFor();
    expect(await jose.innerText()).toContain('mau pagador');
    await customers.searchFor('francisco');
    await customers.row(/Francisco de Assis Lima/).waitFor();
    expect(await customers.row(/Francisco de Assis Lima/).innerText()).toContain('crônico');
    await customers.searchFor('');
    await page.getByText('Conceição Araújo').first().waitFor();
    await screenshot(page, 'import-book-05-clientes');
  });

  it('next time, the saved columns are offered by name', async () => {
    await imp.open();
    await imp.choose('caderno-da-loja-corrigido.xlsx', fixture('caderno-da-loja-corrigido.xlsx'));
    await imp.dialog.getByText('Usamos as colunas salvas em “Caderno da loja”').waitFor();
    expect(await imp.fieldOf('J').inputValue()).toBe('Data do pagamento');
    await page.keyboard.press('Escape');
    await imp.dialog.waitFor({ state: 'hidden' });
  });

  it('never showed an error in the console', () => {
    expect(problems).toEqual([]);
  });
});
