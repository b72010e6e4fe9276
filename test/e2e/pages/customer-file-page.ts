import type { Locator, Page } from 'playwright-core';

/** The customer's page in Clientes (Enter on the list): the file from calls.context and the actions. */
export class CustomerFilePage {
  readonly title: Locator;
  readonly actions: Locator;
  readonly who: Locator;
  readonly overdue: Locator;
  readonly contacts: Locator;
  readonly callNow: Locator;
  readonly receive: Locator;
  readonly account: Locator;
  readonly edit: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator('#customer-page-title');
    this.actions = page.getByRole('group', { name: 'O que fazer com este cliente' });
    this.who = page.getByRole('region', { name: 'Quem é' });
    this.overdue = page.getByRole('region', { name: 'Em atraso e promessas' });
    this.contacts = page.getByRole('region', { name: 'Ligar e contatos' });
    this.callNow = this.actions.getByRole('button', { name: 'Ligar agora (Alt+L)' });
    this.receive = this.actions.getByRole('button', { name: 'Receber (F6)' });
    this.account = this.actions.getByRole('button', { name: 'Extrato (Alt+X)' });
    this.edit = this.actions.getByRole('button', { name: 'Editar cadastro (Alt+E)' });
    this.back = page.getByRole('button', { name: '← Clientes (Esc)' });
  }

  name(): Promise<string> {
    return this.title.innerText();
  }
}
