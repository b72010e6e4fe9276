import type { Download, Locator, Page } from 'playwright-core';

/** Painel → Cobrança formal: candidates, the notice dialog and print, the record dialog, the records. */
export class FormalPage {
  readonly heading: Locator;
  readonly candidates: Locator;
  readonly records: Locator;
  readonly dialog: Locator;
  readonly printView: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Cobrança formal', level: 2 });
    this.candidates = page.getByRole('table', { name: 'Clientes para a cobrança formal' });
    this.records = page.getByRole('table', { name: 'Registros no birô' });
    this.dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: /Gerar e imprimir|Confirmar registro/ }) });
    this.printView = page.getByRole('dialog', { name: /^Notificação a / });
  }

  candidate(name: string): Locator {
    return this.candidates.getByRole('row').filter({ hasText: name });
  }

  record(name: string): Locator {
    return this.records.getByRole('row').filter({ hasText: name });
  }

  async exportCsv(label: 'registros' | 'prontos para registrar'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Exportar CSV: ${label}` }).click();
    return download;
  }
}
