import type { Locator, Page } from 'playwright-core';

/** The first screen of a new store: choose, then "Configurar minha loja". */
export class FirstStartPage {
  readonly heading: Locator;
  readonly configureButton: Locator;
  readonly demoButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Bem-vindo! Como você quer começar?' });
    this.configureButton = page.getByRole('button', { name: /Configurar minha loja/ });
    this.demoButton = page.getByRole('button', { name: /Abrir a loja de demonstração/ });
  }

  async chooseConfigure(): Promise<StoreSetupForm> {
    await this.configureButton.click();
    return new StoreSetupForm(this.page);
  }
}

export class StoreSetupForm {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Configurar minha loja' });
  }

  async fill(data: { storeName: string; cnpj?: string; uf: string; ownerName: string; pin: string }): Promise<void> {
    await this.form.getByLabel('Nome da loja').fill(data.storeName);
    if (data.cnpj) await this.form.getByLabel('CNPJ').fill(data.cnpj);
    // Mantine's Select: type to filter, then pick the option like a person would.
    await this.form.getByRole('combobox', { name: 'UF' }).click();
    await this.form.getByRole('combobox', { name: 'UF' }).fill(data.uf);
    await this.page.getByRole('option', { name: new RegExp(`^${data.uf} —`) }).click();
    await this.form.getByLabel('Nome do dono').fill(data.ownerName);
    await this.form.getByLabel(/^PIN do dono/).fill(data.pin);
    await this.form.getByLabel(/^Confirme o PIN/).fill(data.pin);
  }

  async submit(): Promise<void> {
    await this.form.getByRole('button', { name: /Criar minha loja/ }).click();
  }
}
