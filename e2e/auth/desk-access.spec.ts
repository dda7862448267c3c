import { expect, test } from "@playwright/test";
import { ACCOUNTS, SignInPage } from "../pages/SignInPage";

test("an anonymous visitor to the desk is sent to sign in, and comes back after", async ({ page }) => {
  await page.goto("/desk/articles/new");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Copydesk newsroom" })).toBeVisible();

  await new SignInPage(page).signIn(ACCOUNTS.journalist);
  await expect(page).toHaveURL(/\/desk\/articles\/new$/);
  await expect(page.getByRole("heading", { name: "New article" })).toBeVisible();
});

test("a wrong password is refused with a clear message and the email kept", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(ACCOUNTS.editor, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toHaveText("The email address or password is not right.");
  await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.editor);
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out ends access to the desk", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(ACCOUNTS.editor);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin/);
});
