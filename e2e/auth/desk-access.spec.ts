import { expect, test } from "../fixtures";
import { ACCOUNTS, SignInPage } from "../pages/SignInPage";
import { messages } from "../i18n";

test("an anonymous visitor to the desk is sent to sign in, and comes back after", async ({ page }) => {
  await page.goto("/desk/articles/new");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: messages.en.signin.title })).toBeVisible();

  await new SignInPage(page).signIn(ACCOUNTS.journalist);
  await expect(page).toHaveURL(/\/desk\/articles\/new$/);
  await expect(page.getByRole("heading", { name: messages.en.desk.newTitle })).toBeVisible();
});

test("a wrong password is refused with a clear message and the email kept", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(ACCOUNTS.editor, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: messages.en.signin.wrongCredentials })).toBeVisible();
  await expect(page.getByLabel(messages.en.signin.email, { exact: true })).toHaveValue(ACCOUNTS.editor);
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out ends access to the desk", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(ACCOUNTS.editor);
  await expect(page.getByRole("heading", { name: messages.en.desk.dashboard })).toBeVisible();
  await page.getByRole("button", { name: messages.en.desk.signOut }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin/);
});
