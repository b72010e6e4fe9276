import type { Locator, Page } from 'playwright-core';

/** Novo cliente / Editar cliente. */
export class CustomerFormPage {
  readonly form: Locator;
  readonly name: Locator;
  readonly cpf: Locator;
  readonly birthDate: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: /Novo cliente|Editar cliente/ });
    this.name = this.form.getByLabel('Nome completo');
    this.cpf = this.form.getByLabel('CPF');
    this.birthDate = this.form.getByLabel('Data de nascimento');
    this.saveButton = this.form.getByRole('button', { name: 'Salvar (F10)' });
  }

  phone(n: number): Locator {
    return this.form.getByRole('textbox', { name: `Telefone ${n}` });
  }

  whatsapp(n: number): Locator {
    return this.form.getByRole('checkbox', { name: 'Aceita lembretes por WhatsApp' }).nth(n - 1);
  }

  /** The error text Mantine puts under a field, linked to it by aria-describedby. */
  async errorOf(field: Locator): Promise<string> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => this.page.locator(`[id="${id}"]`).innerText().catch(() => '')));
    return texts.join(' ').trim();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}
