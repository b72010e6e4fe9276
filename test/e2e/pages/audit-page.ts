import type { Download, Locator, Page } from 'playwright-core';

/** Painel → Auditoria: the quick kinds, the filters, the (virtualized) table, "Exportar CSV". */
export class AuditPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly kinds: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Auditoria', level: 2 });
    this.table = page.getByRole('table', { name: 'Registros da auditoria' });
    this.kinds = page.getByRole('radiogroup', { name: 'Mostrar' });
    this.count = page.getByText(/registros?, do mais novo ao mais antigo|Nenhum registro com estes filtros/);
  }

  rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  async kind(label: string): Promise<void> {
    await this.kinds.getByText(label, { exact: true }).click();
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Exportar CSV' }).click();
    return download;
  }
}
