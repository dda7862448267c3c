import type { Locator, Page } from "@playwright/test";
import { messages } from "../i18n";

/** The profile page's two-factor panel (/desk/profile). */
export class ProfilePage {
  readonly m = messages.en.profile;
  readonly factorPanel: Locator;

  constructor(private readonly page: Page) {
    this.factorPanel = page.getByRole("region", { name: this.m.factorHeading });
  }

  async goto() {
    await this.page.goto("/desk/profile");
  }

  /** Starts adding an authenticator app; returns the key shown for typing in (spaces removed). */
  async beginTotp(): Promise<string> {
    await this.factorPanel.getByRole("button", { name: this.m.addTotp }).click();
    const key = this.factorPanel.getByLabel(this.m.totpKey, { exact: true });
    return ((await key.textContent()) ?? "").replace(/\s/g, "");
  }

  async confirmTotp(code: string) {
    await this.factorPanel.getByLabel(this.m.totpCode, { exact: true }).fill(code);
    await this.factorPanel.getByRole("button", { name: this.m.totpConfirm }).click();
  }

  /** The recovery codes shown once after enrolment (or after making new ones). */
  recoveryCodes(): Locator {
    return this.factorPanel.getByRole("list", { name: this.m.recoveryHeading }).getByRole("listitem");
  }

  async keptRecoveryCodes() {
    await this.factorPanel.getByRole("button", { name: this.m.recoveryDone }).click();
  }

  async removeTotp(proof: string) {
    await this.factorPanel.getByLabel(this.m.factorProof, { exact: true }).fill(proof);
    await this.factorPanel.getByRole("button", { name: this.m.removeTotp }).click();
  }
}
