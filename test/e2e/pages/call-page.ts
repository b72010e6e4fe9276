import type { Locator, Page } from 'playwright-core';

/** The guided call (Hoje → "Iniciar ligações"): the file, the talking points, objections, offers, outcome. */
export class CallPage {
  readonly heading: Locator;
  readonly file: Locator;
  readonly talking: Locator;
  readonly objections: Locator;
  readonly responses: Locator;
  readonly offers: Locator;
  readonly nextButton: Locator;
  readonly endButton: Locator;
  readonly callLink: Locator;
  readonly timer: Locator;
  readonly outcome: Locator;
  readonly agreementDone: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Ligações de hoje', exact: true });
    this.file = page.locator('section[aria-labelledby="call-file-title"]');
    this.talking = page.getByRole('region', { name: 'O que dizer' }).or(page.locator('section[aria-label="O que dizer"]'));
    this.objections = page.getByRole('group', { name: 'O cliente disse…' });
    this.responses = page.getByRole('region', { name: 'Como responder' });
    this.offers = page.getByRole('region', { name: 'Propostas de acordo' });
    this.nextButton = page.getByRole('button', { name: /^(Próximo|Terminar) \(F8\)$/ });
    this.endButton = page.getByRole('button', { name: 'Encerrar ligações' });
    this.callLink = page.getByRole('link', { name: /^Ligar para / });
    this.timer = page.getByRole('timer', { name: 'Tempo de ligação' });
    this.outcome = page.getByRole('region', { name: 'Registrar resultado' });
    this.agreementDone = page.getByRole('region', { name: 'Acordo feito' });
    this.summary = page.getByRole('region', { name: 'Resumo das ligações' }).or(page.locator('section[aria-label="Resumo das ligações"]'));
  }

  customerName(): Promise<string> {
    return this.page.locator('#call-file-title').innerText();
  }

  objection(label: RegExp | string): Locator {
    return this.objections.getByRole('button', { name: label });
  }

  stageTab(label: RegExp | string): Locator {
    return this.page.getByRole('tab', { name: label });
  }

  /** The term of the agreement over the app (PrintFrame). */
  termView(): Locator {
    return this.page.getByRole('dialog', { name: /^Termo do acordo / });
  }

  outcomeButton(label: string): Locator {
    return this.outcome.getByRole('radio', { name: label, exact: true });
  }

  get registerButton(): Locator {
    return this.outcome.getByRole('button', { name: 'Registrar (F10)' });
  }
}
