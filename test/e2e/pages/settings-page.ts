import type { Locator, Page } from 'playwright-core';

/** Configurações (F8): the tabs, each section's form with "Salvar (F10)", and the clerk's read-only note. */
export class SettingsPage {
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly readOnlyNote: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Configurações', level: 2 });
    this.saveButton = page.getByRole('button', { name: 'Salvar (F10)' });
    this.readOnlyNote = page.getByRole('alert').filter({ hasText: 'Somente para consulta' }).or(page.getByText('Somente para consulta'));
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
  }

  /** A section's form by its accessible name ("Dados da loja", "Regras de cobrança", "Novo usuário"). */
  form(name: string): Locator {
    return this.page.getByRole('form', { name });
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** A success notification ("Dados da loja salvos."). */
  notice(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }

  /** Waits for the success notification, then for it to go away (so the next picture shows the screen itself). */
  async expectNotice(text: string): Promise<void> {
    await this.notice(text).waitFor();
    await this.notice(text).waitFor({ state: 'detached', timeout: 8_000 });
  }

  /** The error text Mantine puts under a field, linked to it by aria-describedby. */
  async errorOf(field: Locator): Promise<string> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => this.page.locator(`[id="${id}"]`).innerText().catch(() => '')));
    return texts.join(' ').trim();
  }

  /**
   * Calls the backend with this tab's own login, as the screen would: proves what the backend allows to the
   * person logged in, whatever the screen shows.
   */
  callApi(method: string, input: unknown): Promise<{ error?: { kind: string; message: string; issues?: { path: string; message: string }[] } } & Record<string, unknown>> {
    return this.page.evaluate(
      async ({ method, input }) => {
        const headers: Record<string, string> = {
          Authorization: `Bearer ${sessionStorage.getItem('emdia.token') ?? ''}`,
          'Content-Type': 'application/json',
          'X-EmDia-Session': sessionStorage.getItem('emdia.session') ?? '',
        };
        const res = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify({ method, input }) });
        return res.json();
      },
      { method, input },
    );
  }
}
