import type { Locator, Page } from 'playwright-core';

/** Pick your name, type your PIN, Enter. */
export class LoginPage {
  readonly prompt: Locator;
  readonly pinInput: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByText(/Quem está no balcão\?|Digite o seu PIN/);
    this.pinInput = page.getByLabel('PIN', { exact: true });
  }

  userButton(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(name) });
  }

  async pickUser(name: string): Promise<void> {
    // With a single user the screen goes straight to the PIN.
    await this.userButton(name).or(this.pinInput).first().waitFor();
    if (await this.pinInput.isVisible()) return;
    await this.userButton(name).click();
  }

  async typePinAndEnter(pin: string): Promise<void> {
    await this.pinInput.fill(pin);
    await this.pinInput.press('Enter');
  }

  error(): Locator {
    return this.page.getByText(/PIN errado|bloqueado/);
  }
}
