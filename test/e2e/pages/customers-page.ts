import type { Locator, Page } from 'playwright-core';
import { CustomerFormPage } from './customer-form-page';

/** Clientes: the search field, the results list and "Novo cliente (F3)". */
export class CustomersPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly results: Locator;
  readonly newButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Clientes', level: 2 });
    this.search = page.getByRole('combobox', { name: /Buscar cliente/ });
    this.results = page.getByRole('listbox', { name: 'Clientes encontrados' });
    this.newButton = page.getByRole('button', { name: 'Novo cliente (F3)' }).first();
  }

  async newCustomer(): Promise<CustomerFormPage> {
    await this.newButton.click();
    return new CustomerFormPage(this.page);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  row(name: string | RegExp): Locator {
    return this.results.getByRole('option', { name: name instanceof RegExp ? name : new RegExp(name) });
  }
}
