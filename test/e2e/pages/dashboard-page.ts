import type { Download, Locator, Page } from 'playwright-core';

/** Painel (F7), owner only: tabs, the period, the summary, the charts and tables, the detail list. */
export class DashboardPage {
  readonly heading: Locator;
  readonly tabs: Locator;
  readonly summary: Locator;
  readonly period: Locator;
  readonly printButton: Locator;
  readonly drill: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Painel', exact: true, level: 2 });
    this.tabs = page.getByRole('tablist', { name: 'Partes do painel' });
    this.summary = page.getByRole('list', { name: 'Resumo do período' });
    this.period = page.getByRole('radiogroup', { name: 'Período' });
    this.printButton = page.getByRole('button', { name: 'Imprimir / salvar PDF (F9)' });
    this.drill = page.getByRole('dialog');
  }

  tab(name: 'Semana a semana' | 'Cobrança formal' | 'Auditoria'): Locator {
    return this.tabs.getByRole('tab', { name });
  }

  /** A section by its title ("Recebido por semana"). */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The bars of a chart section, left (oldest week) to right. */
  bars(title: string): Locator {
    return this.section(title).locator('.recharts-bar-rectangle path');
  }

  /** The summary card whose label starts with `label`: its value and comparison line. */
  kpi(label: string | RegExp): Locator {
    return this.summary.getByRole('listitem').filter({ hasText: label });
  }

  async choosePeriod(label: string): Promise<void> {
    await this.period.getByText(label, { exact: true }).click();
  }

  /** Clicks "Exportar CSV" of a section (or of the detail list) and waits for the file. */
  async exportCsv(title: string, scope: Locator | Page = this.page): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await scope.getByRole('button', { name: `Exportar CSV: ${title}` }).click();
    return download;
  }

  drillRows(): Locator {
    return this.drill.getByRole('button', { name: /: abrir a ficha$/ });
  }
}
