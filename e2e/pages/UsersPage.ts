import type { Locator, Page } from "@playwright/test";
import { messages } from "../i18n";
import type { Role } from "./SignInPage";

/** The admin's user page (/desk/users). */
export class UsersPage {
  readonly m = messages.en.users;
  readonly createStatus: Locator;

  constructor(private readonly page: Page) {
    this.createStatus = page.getByRole("region", { name: this.m.createHeading }).getByRole("status");
  }

  async goto() {
    await this.page.goto("/desk/users");
  }

  /** Fills and sends the create form; the temporary password appears in `createStatus`. */
  async create(name: string, email: string, role: Role) {
    const form = this.page.getByRole("region", { name: this.m.createHeading });
    await form.getByLabel(this.m.name, { exact: true }).fill(name);
    await form.getByLabel(this.m.email, { exact: true }).fill(email);
    await form.getByLabel(this.m.role, { exact: true }).selectOption(role);
    await form.getByRole("button", { name: this.m.create }).click();
  }

  /** The table row of the account with this email. */
  row(email: string): Locator {
    return this.page.getByRole("row").filter({ hasText: email });
  }

  temporaryPassword(scope: Locator): Locator {
    return scope.locator("code");
  }

  async changeRole(email: string, role: Role) {
    const row = this.row(email);
    await row.getByRole("combobox").selectOption(role);
    await row.getByRole("button", { name: this.m.changeRole }).click();
  }
}
