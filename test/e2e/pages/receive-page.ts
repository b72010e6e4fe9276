import type { Locator, Page } from 'playwright-core';

/** Receber (F6): find the customer, the parcelas with their charges, the payment panel and the success panel. */
export class ReceivePage {
  readonly search: Locator;
  readonly results: Locator;
  readonly table: Locator;
  readonly totalToPay: Locator;
  readonly amount: Locator;
  readonly handed: Locator;
  readonly change: Locator;
  readonly confirmButton: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('combobox', { name: /Buscar cliente por nome, CPF, telefone ou número do carnê/ });
    this.results = page.getByRole('listbox', { name: 'Clientes encontrados' });
    this.table = page.getByRole('table', { name: 'Parcelas em aberto' });
    this.totalToPay = page.getByTestId('total-to-pay');
    this.amount = page.getByLabel('Valor recebido');
    this.handed = page.getByLabel('Valor entregue');
    this.change = page.getByTestId('change');
    this.confirmButton = page.getByRole('button', { name: 'Confirmar recebimento (F10)' });
    this.done = page.getByRole('status', { name: 'Recebimento confirmado' });
  }

  /** Types the search like a person and opens the first customer found with Enter. */
  async findAndOpen(query: string, name: string | RegExp): Promise<void> {
    await this.search.fill(query);
    await this.results.getByRole('option', { name: name instanceof RegExp ? name : new RegExp(name) }).waitFor();
    await this.search.press('Enter');
    await this.table.waitFor();
  }

  /** The table row of a parcela, by the accessible name of its checkbox ("Parcela 1/1 do carnê A-000001"). */
  row(parcela: string, carne: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('checkbox', { name: `Parcela ${parcela} do carnê ${carne}` }) });
  }

  method(label: 'Dinheiro' | 'PIX' | 'Cartão' | 'Transferência'): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${label}`) });
  }

  /** Money fills from the right: the digits as a person types them (`20000` → R$ 200,00). */
  async typeMoney(field: Locator, digits: string): Promise<void> {
    await field.click();
    await field.pressSequentially(digits);
  }

  printButton(format: 'A4' | '80 mm'): Locator {
    return this.page.getByRole('button', { name: format === 'A4' ? 'Imprimir recibo A4' : 'Imprimir recibo 80 mm (F9)' });
  }

  /** The receipt over the app (renderer/print/PrintFrame.tsx). */
  receipt(number: string): Locator {
    return this.page.getByRole('dialog', { name: `Recibo ${number}` });
  }
}
