import type { Locator, Page } from 'playwright-core';

/** Importar planilha (the dialog opened from Clientes): file, column mapping, dry run, import. */
export class ImportPage {
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly columns: Locator;
  readonly mappingProblems: Locator;
  readonly firstRows: Locator;
  readonly totals: Locator;
  readonly badLines: Locator;
  readonly warnings: Locator;
  readonly checkButton: Locator;
  readonly importButton: Locator;
  readonly saveAs: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Importar planilha' });
    this.fileInput = this.dialog.locator('input[type=file]');
    this.columns = this.dialog.getByRole('table', { name: 'Colunas da planilha' });
    this.mappingProblems = this.dialog.getByTestId('mapping-problems');
    this.firstRows = this.dialog.getByRole('table', { name: 'Primeiras linhas' });
    this.totals = this.dialog.getByTestId('import-totals');
    this.badLines = this.dialog.getByRole('table', { name: 'Linhas com problema' });
    this.warnings = this.dialog.getByRole('table', { name: 'Avisos' });
    this.checkButton = this.dialog.getByRole('button', { name: 'Conferir sem gravar (F9)' });
    this.importButton = this.dialog.getByRole('button', { name: 'Importar (F10)' });
    this.saveAs = this.dialog.getByLabel('Guardar estas colunas com o nome');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Importar planilha' }).click();
    await this.dialog.waitFor();
  }

  async choose(name: string, buffer: Buffer): Promise<void> {
    const mimeType = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    await this.fileInput.setInputFiles({ name, mimeType, buffer });
  }

  /** The Select of one column, by its Excel letter. */
  fieldOf(letter: string): Locator {
    return this.dialog.getByLabel(new RegExp(`^Campo da coluna ${letter} \\(`));
  }

  async mapColumn(letter: string, fieldLabel: string): Promise<void> {
    await this.fieldOf(letter).click();
    await this.page.getByRole('option', { name: fieldLabel, exact: true }).click();
  }

  /** A figure of the dry run's totals ("Clientes", "Em aberto"…) as shown. */
  async total(label: string): Promise<string> {
    return (await this.totals.getByLabel(label, { exact: true }).innerText()).replace(label, '').trim();
  }
}
