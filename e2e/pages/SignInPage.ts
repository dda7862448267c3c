import type { Page } from "@playwright/test";

export const DEMO_PASSWORD = "copydesk-demo";
export const ACCOUNTS = {
  admin: "admin@copydesk.test",
  editor: "editor@copydesk.test",
  journalist: "journalist@copydesk.test",
} as const;
export type Role = keyof typeof ACCOUNTS;

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}
