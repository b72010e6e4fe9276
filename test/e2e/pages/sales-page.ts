import type { Locator, Page } from 'playwright-core';

/** Vendas: "Nova venda no crediário" with its live carnê, the success screen and the carnê's print view. */
export class SalesPage {
  readonly form: Locator;
  readonly heading: Locator;
  readonly customer: Locator;
  readonly description: Locator;
  readonly total: Locator;
  readonly downPayment: Locator;
  readonly installmentCount: Locator;
  readonly firstDueDate: Locator;
  readonly withInterest: Locator;
  readonly rate: Locator;
  readonly preview: Locator;
  readonly previewSummary: Locator;
  readonly confirmButton: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Nova venda no crediário' });
    this.heading = page.getByRole('heading', { name: 'Nova venda no crediário' });
    this.customer = this.form.getByLabel(/^Cliente/);
    this.description = this.form.getByLabel('Descrição');
    this.total = this.form.getByLabel('Valor total');
    this.downPayment = this.form.getByLabel('Entrada');
    this.installmentCount = this.form.getByLabel('Número de parcelas');
    this.firstDueDate = this.form.getByLabel('Primeiro vencimento');
    this.withInterest = this.form.getByRole('switch', { name: 'Com juros' });
    this.rate = this.form.getByLabel('Taxa ao mês (%)');
    this.preview = page.getByRole('region', { name: 'Prévia do carnê' });
    this.previewSummary = page.getByTestId('preview-summary');
    this.confirmButton = this.form.getByRole('button', { name: 'Confirmar venda (F10)' });
  }

  /** Types part of the name in the customer field and picks the customer from the list. */
  async pickCustomer(search: string, name: string | RegExp): Promise<void> {
    await this.customer.click();
    await this.customer.pressSequentially(search);
    await this.page.getByRole('option', { name: name instanceof RegExp ? name : new RegExp(name) }).click();
  }

  /** Money fills from the right: the digits as a person types them (`120000` → R$ 1.200,00). */
  async typeMoney(field: Locator, digits: string): Promise<void> {
    await field.click();
    await field.pressSequentially(digits);
  }

  /** The error Mantine links to a field with aria-describedby. */
  async errorOf(field: Locator): Promise<string> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => this.page.locator(`[id="${id}"]`).innerText().catch(() => '')));
    return texts.join(' ').trim();
  }

  previewRows(): Locator {
    return this.preview.getByRole('table', { name: 'Parcelas do carnê' }).locator('tbody tr');
  }

  // --- after confirming ---
  get doneHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Venda registrada' });
  }

  get carneNumber(): Locator {
    return this.page.getByTestId('carne-number');
  }

  get printButton(): Locator {
    return this.page.getByRole('button', { name: 'Imprimir carnê (F9)' });
  }

  get newSaleButton(): Locator {
    return this.page.getByRole('button', { name: 'Nova venda (F5)' });
  }

  // --- print view ---
  printView(number: string): Locator {
    return this.page.getByRole('dialog', { name: `Carnê ${number}` });
  }

  coupons(): Locator {
    return this.page.getByTestId('carne-coupon');
  }

  qrCodes(): Locator {
    return this.page.getByTestId('pix-qr');
  }
}
