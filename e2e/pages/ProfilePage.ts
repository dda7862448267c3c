import type { Locator, Page } from "@playwright/test";
import { messages } from "../i18n";

/** The profile page's two-factor panel and passkey panel (/desk/profile). */
export class ProfilePage {
  readonly m = messages.en.profile;
  readonly factorPanel: Locator;
  readonly passkeyPanel: Locator;

  constructor(private readonly page: Page) {
    this.factorPanel = page.getByRole("region", { name: this.m.factorHeading });
    this.passkeyPanel = page.getByRole("region", { name: this.m.passkeyHeading, exact: true });
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

  /** The recovery codes shown once after enrolment (or after making new ones), in either panel. */
  recoveryCodes(panel = this.factorPanel): Locator {
    return panel.getByRole("list", { name: this.m.recoveryHeading }).getByRole("listitem");
  }

  async keptRecoveryCodes(panel = this.factorPanel) {
    await panel.getByRole("button", { name: this.m.recoveryDone }).click();
  }

  /** Names a new passkey and starts the browser's ceremony (a virtual authenticator answers in tests). */
  async addPasskey(name: string) {
    await this.passkeyPanel.getByLabel(this.m.passkeyName, { exact: true }).fill(name);
    await this.passkeyPanel.getByRole("button", { name: this.m.addPasskey }).click();
  }

  /** The person's passkeys as listed (name, added, last used). */
  passkeys(): Locator {
    return this.passkeyPanel.getByRole("list", { name: this.m.passkeyList }).getByRole("listitem");
  }

  async removePasskey(name: string, proof: string) {
    await this.passkeyPanel.getByLabel(this.m.passkeyProof, { exact: true }).fill(proof);
    await this.passkeyPanel.getByRole("button", { name: this.m.removePasskeyNamed.replace("{name}", name) }).click();
  }

  async removeTotp(proof: string) {
    await this.factorPanel.getByLabel(this.m.factorProof, { exact: true }).fill(proof);
    await this.factorPanel.getByRole("button", { name: this.m.removeTotp }).click();
  }
}
