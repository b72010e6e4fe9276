import type { Locator, Page } from 'playwright-core';

/** Extrato: totals, parcelas with status, the history, and the estorno dialog. */
export class AccountPage {
  readonly heading: Locator;
  readonly asOf: Locator;
  readonly installments: Locator;
  readonly timeline: Locator;
  readonly overdueTotal: Locator;
  readonly openTotal: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByText('Extrato', { exact: true });
    this.asOf = page.getByLabel('Posição em');
    this.installments = page.getByRole('table', { name: 'Parcelas do cliente' }).locator('tbody tr');
    this.timeline = page.getByTestId('timeline-event');
    this.overdueTotal = page.getByTestId('overdue-total');
    this.openTotal = page.getByTestId('open-total');
  }

  event(kind: 'sale' | 'payment' | 'reversal'): Locator {
    return this.page.locator(`[data-testid="timeline-event"][data-kind="${kind}"]`);
  }

  reverseDialog(receiptNumber: string): ReverseDialog {
    return new ReverseDialog(this.page, receiptNumber);
  }
}

export class ReverseDialog {
  readonly dialog: Locator;
  readonly reason: Locator;
  readonly pin: Locator;
  readonly ownerName: Locator;
  readonly confirmButton: Locator;

  constructor(readonly page: Page, receiptNumber: string) {
    this.dialog = page.getByRole('dialog', { name: `Estornar o recibo ${receiptNumber}` });
    this.reason = this.dialog.getByLabel('Motivo do estorno');
    this.pin = this.dialog.getByLabel('PIN do dono');
    this.ownerName = this.dialog.getByTestId('owner-name');
    this.confirmButton = this.dialog.getByRole('button', { name: 'Estornar (F10)' });
  }

  /** The error Mantine links to a field with aria-describedby. */
  async errorOf(field: Locator): Promise<string> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => this.page.locator(`[id="${id}"]`).innerText().catch(() => '')));
    return texts.join(' ').trim();
  }
}
