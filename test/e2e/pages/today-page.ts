import type { Locator, Page } from 'playwright-core';

/** Hoje (F4): the calling status, the short list, promises of the day, reminders and thank-yous, the folha curta. */
export class TodayPage {
  readonly heading: Locator;
  readonly callingStatus: Locator;
  readonly callList: Locator;
  readonly sidePanel: Locator;
  readonly reminders: Locator;
  readonly thankYous: Locator;
  readonly promisesToday: Locator;
  readonly printButton: Locator;
  readonly refreshButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Hoje', exact: true });
    this.callingStatus = page.getByRole('status').filter({ hasText: /Ligações|não ligamos|horário de ligações/ }).first();
    this.callList = page.getByRole('list', { name: 'Clientes para ligar hoje' });
    this.sidePanel = page.getByRole('complementary', { name: 'Promessas e lembretes' });
    this.reminders = page.getByRole('list', { name: 'Lembretes de hoje' });
    this.thankYous = page.getByRole('list', { name: 'Agradecimentos a enviar' });
    this.promisesToday = page.getByRole('list', { name: 'Promessas que vencem hoje' });
    this.printButton = page.getByRole('button', { name: 'Imprimir folha curta (F9)' });
    this.refreshButton = page.getByRole('button', { name: 'Atualizar a lista (F4)' });
  }

  /** A tab of the right column: "Lembretes", "Promessas", "Agradecer" (the label carries its count). */
  tab(label: 'Lembretes' | 'Promessas' | 'Agradecer'): Locator {
    return this.sidePanel.getByRole('tab', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
  }

  /** The customers on the short list, in order. */
  callItems(): Locator {
    return this.callList.locator(':scope > li');
  }

  callItem(name: string): Locator {
    return this.callItems().filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async callNames(): Promise<string[]> {
    return this.callList.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  reminderCards(): Locator {
    return this.reminders.locator(':scope > li');
  }

  /** "Abrir no WhatsApp" of the reminder (its accessible name carries the customer's name). */
  whatsappButton(scope: Locator): Locator {
    return scope.getByRole('link', { name: /^Abrir no WhatsApp: / });
  }

  recordButton(name: string): Locator {
    return this.callItem(name).getByRole('button', { name: new RegExp(`^Registrar (outro )?resultado para ${escape(name)}$`) });
  }

  /** The "Registrar resultado" dialog. */
  outcomeDialog(): OutcomeDialogPage {
    return new OutcomeDialogPage(this.page);
  }

  /** The folha curta over the app (PrintFrame). */
  printView(): Locator {
    return this.page.getByRole('dialog', { name: /^Folha curta \d{2}\/\d{2}\/\d{4}$/ });
  }

  printSheets(): Locator {
    return this.printView().getByRole('article');
  }
}

export class OutcomeDialogPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Resultado da ligação — / });
  }

  outcome(label: string): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true });
  }

  field(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label });
  }

  errorOf(field: Locator): Promise<string> {
    return field.evaluate((el) => {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    });
  }

  get saveButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Registrar (F10)' });
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
