import { expect, type Browser, type Page } from "@playwright/test";
import { messages } from "../i18n";

export const DEMO_PASSWORD = "copydesk-demo";
export const ACCOUNTS = {
  admin: "admin@copydesk.test",
  editor: "editor@copydesk.test",
  journalist: "journalist@copydesk.test",
} as const;
export type Role = keyof typeof ACCOUNTS;

export class SignInPage {
  private readonly m;

  constructor(
    private readonly page: Page,
    ui: "de" | "en" = "en",
  ) {
    this.m = messages[ui].signin;
  }

  async goto() {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel(this.m.email, { exact: true }).fill(email);
    await this.page.getByLabel(this.m.password, { exact: true }).fill(password);
    await this.page.getByRole("button", { name: this.m.submit, exact: true }).click();
  }

  /** The second step, for an account with a second factor: an app code or a recovery code. */
  async enterCode(code: string) {
    await this.page.getByLabel(this.m.code, { exact: true }).fill(code);
    await this.page.getByRole("button", { name: this.m.codeSubmit }).click();
  }

  /** The second step of an account without an app: only a recovery code can be typed. */
  async enterRecoveryCode(code: string) {
    await this.page.getByLabel(this.m.recoveryCode, { exact: true }).fill(code);
    await this.page.getByRole("button", { name: this.m.codeSubmit }).click();
  }

  /** The second step's passkey button: the browser's authenticator answers. */
  async usePasskey() {
    await this.page.getByRole("button", { name: this.m.usePasskey }).click();
  }

  codeStep() {
    return this.page.getByRole("heading", { name: this.m.codeTitle });
  }
}

/**
 * A browser context of its own, signed in with the password of an account without a second
 * factor: at the dashboard. `baseURL`: another server than the shared one; `timeout`: for the
 * first sign-in on a server just started (argon2 and first renders on a busy machine).
 */
export async function signedInWithPassword(browser: Browser, email: string, password: string, options: { baseURL?: string; timeout?: number } = {}) {
  const context = await browser.newContext(options.baseURL ? { baseURL: options.baseURL } : {});
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, password);
  await expect(page).toHaveURL(/\/desk$/, { timeout: options.timeout });
  return { context, page, signIn };
}

/** Signs out with the desk header's button; at the sign-in page. */
export async function signOut(page: Page, ui: "de" | "en" = "en") {
  await page.getByRole("button", { name: messages[ui].desk.signOut, exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
}
