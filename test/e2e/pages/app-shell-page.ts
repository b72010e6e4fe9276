import type { Locator, Page } from 'playwright-core';

/** The sidebar after login: store name, areas with their shortcuts, the person and "Sair". */
export class AppShellPage {
  readonly nav: Locator;
  readonly logoutButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Áreas' });
    this.logoutButton = page.getByRole('button', { name: 'Sair' });
  }

  area(label: string): Locator {
    return this.nav.getByRole('button', { name: new RegExp(`^${label} \\(F\\d+\\)$`) });
  }

  async open(label: string): Promise<void> {
    await this.area(label).click();
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
  }
}
