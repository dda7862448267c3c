// Each person picks the desk's language for themselves; it overrides the browser's.
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";

test("a user switches the desk to German and back, whatever the browser says", async ({ browser }) => {
  const admin = await pageAs(browser, "admin", "en");
  await admin.goto("/desk");
  await expect(admin.getByRole("heading", { level: 1, name: messages.en.desk.dashboard })).toBeVisible();

  await admin.getByLabel(messages.en.desk.uiLanguage).selectOption("de");
  await expect(admin.getByRole("heading", { level: 1, name: messages.de.desk.dashboard })).toBeVisible();
  await expect(admin.locator("html")).toHaveAttribute("lang", "de");
  await expect(admin.getByRole("button", { name: messages.de.desk.signOut })).toBeVisible();

  // The choice belongs to the account: a fresh English browser session still gets German.
  const again = await pageAs(browser, "admin", "en");
  await again.goto("/desk/articles/new");
  await expect(again.getByLabel(messages.de.editor.headline, { exact: true })).toBeVisible();
  await expect(again.getByRole("button", { name: messages.de.editor.startWriting, exact: true })).toBeVisible();

  await again.getByLabel(messages.de.desk.uiLanguage).selectOption("en");
  await expect(again.getByLabel(messages.en.editor.headline, { exact: true })).toBeVisible();
});

test("a German browser gets a German sign-in page and German validation", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: messages.de.signin.title })).toBeVisible();
  await page.getByLabel(messages.de.signin.email, { exact: true }).fill("niemand@copydesk.test");
  await page.getByLabel(messages.de.signin.password, { exact: true }).fill("falsch-falsch");
  await page.getByRole("button", { name: messages.de.signin.submit, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: messages.de.signin.wrongCredentials })).toBeVisible();

  // A journalist with a German browser submitting an article without headline or section reads why,
  // in German. (A draft may start empty: it saves as it is; only submit and publish ask for more.)
  const journalist = await pageAs(browser, "journalist", "de");
  await journalist.goto("/desk/articles/new");
  await journalist.getByRole("button", { name: messages.de.editor.startWriting, exact: true }).click();
  await journalist.waitForURL(/\/desk\/articles\/\d+$/);
  await expect(journalist.getByRole("textbox", { name: messages.de.editor.articleText })).toBeEditable();
  await journalist.getByRole("button", { name: messages.de.editor.submit, exact: true }).click();
  await expect(journalist.getByText(messages.de.validation.headlineRequired)).toBeVisible();
  await expect(journalist.getByText(messages.de.validation.sectionRequired)).toBeVisible();
  await expect(journalist.getByRole("alert").filter({ hasText: messages.de.errors.invalid })).toBeVisible();
});
