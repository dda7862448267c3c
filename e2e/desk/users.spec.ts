// User administration: accounts made by an admin, sessions that end when an admin says so,
// a person's own password, and sign-in throttling. New accounts each time (the seeded demo
// sessions in e2e/.auth are shared with other journeys and must stay valid).
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type Page } from "@playwright/test";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";
import { SignInPage } from "../pages/SignInPage";
import { UsersPage } from "../pages/UsersPage";

const m = messages.en;

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

const unique = (what: string) => `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@copydesk.test`;

/** The admin creates an account and reads its temporary password off the page. */
async function createAccount(admin: Page, name: string, role: "editor" | "journalist") {
  const users = new UsersPage(admin);
  await users.goto();
  const email = unique(role);
  await users.create(name, email, role);
  await expect(users.createStatus).toContainText(m.users.created.replace("{name}", name));
  const password = (await users.temporaryPassword(users.createStatus).textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
  await expect(users.row(email)).toBeVisible();
  return { email, password };
}

/** Signs in in a fresh browser context (another person's computer). */
async function signInElsewhere(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, password);
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

test("a new journalist signs in with the temporary password and changes it on the profile page", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const { email, password } = await createAccount(admin, `Jana Neu ${Date.now()}`, "journalist");
  // Shown once: after a reload the password is gone from the page.
  await admin.reload();
  await expect(admin.getByText(password)).toHaveCount(0);

  const jana = await signInElsewhere(browser, email, password);
  await jana.goto("/desk/profile");
  const form = jana.getByRole("region", { name: m.profile.passwordHeading });
  await form.getByLabel(m.profile.currentPassword, { exact: true }).fill("falsch-falsch");
  await form.getByLabel(m.profile.newPassword, { exact: true }).fill("mein neues passwort");
  await form.getByLabel(m.profile.repeatPassword, { exact: true }).fill("mein neues passwort");
  await form.getByRole("button", { name: m.profile.changePassword }).click();
  await expect(form.getByText(m.validation.currentPasswordWrong)).toBeVisible();

  await form.getByLabel(m.profile.currentPassword, { exact: true }).fill(password);
  await form.getByLabel(m.profile.newPassword, { exact: true }).fill("mein neues passwort");
  await form.getByLabel(m.profile.repeatPassword, { exact: true }).fill("mein neues passwort");
  await form.getByRole("button", { name: m.profile.changePassword }).click();
  await expect(form.getByRole("status")).toHaveText(m.profile.passwordChanged);
  // This session carries on with the new session version…
  await jana.goto("/desk/profile");
  await expect(jana).toHaveURL(/\/desk\/profile$/);
  // …the new password signs in elsewhere, the temporary one no longer does.
  await (await signInElsewhere(browser, email, "mein neues passwort")).context().close();
  const old = await (await browser.newContext()).newPage();
  await new SignInPage(old).goto();
  await new SignInPage(old).signIn(email, password);
  await expect(old.locator("form [role=alert]")).toHaveText(m.signin.wrongCredentials);
});

test("a deactivated editor is signed out on their next request", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const name = `Edda Weg ${Date.now()}`;
  const { email, password } = await createAccount(admin, name, "editor");
  const edda = await signInElsewhere(browser, email, password);
  await edda.goto("/desk/media");
  await expect(edda.getByRole("heading", { level: 1 })).toHaveText(m.media.title);

  const users = new UsersPage(admin);
  await users.row(email).getByRole("button", { name: m.users.deactivate }).click();
  await expect(users.row(email).getByRole("status")).toHaveText(m.users.deactivated.replace("{name}", name));
  await expect(users.row(email).getByRole("button", { name: m.users.reactivate })).toBeVisible();

  await edda.goto("/desk");
  await expect(edda).toHaveURL(/\/signin/);
  // And she cannot sign in again while deactivated.
  const again = new SignInPage(edda);
  await again.signIn(email, password);
  await expect(edda.locator("form [role=alert]")).toHaveText(m.signin.wrongCredentials);
});

test("a promoted journalist gets the editor's Publish button after the change", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const { email, password } = await createAccount(admin, `Paul Auf ${Date.now()}`, "journalist");
  const paul = await signInElsewhere(browser, email, password);
  const draft = new ArticleEditorPage(paul);
  await draft.gotoNew();
  await draft.headline.fill(`Beförderung ${Date.now()}`);
  await draft.section.selectOption({ label: "Wirtschaft" });
  await draft.clickBody();
  await paul.keyboard.type("Ein Entwurf vor der Beförderung.");
  await draft.saved();
  await expect(draft.saveStatus).toHaveText(/^Saved/, { timeout: 15_000 });
  const articleUrl = paul.url();
  await expect(draft.button(m.editor.publish)).toHaveCount(0);

  const users = new UsersPage(admin);
  await users.changeRole(email, "editor");
  await expect(users.row(email).getByRole("status")).toContainText(m.roles.editor);
  await expect(users.row(email).getByRole("cell", { name: m.roles.editor, exact: true })).toBeVisible();

  // The next request ends the journalist's session; signed in again, Paul is an editor.
  await paul.goto(articleUrl);
  await expect(paul).toHaveURL(/\/signin/);
  await new SignInPage(paul).signIn(email, password);
  await expect(paul).toHaveURL(/\/desk$/);
  await paul.goto(articleUrl);
  await expect(new ArticleEditorPage(paul).button(m.editor.publish)).toBeVisible();
});

test("sign-in says the same for an unknown address and a wrong password, then asks to wait — but not the owner's known browser", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const { email, password } = await createAccount(admin, `Theo Sperre ${Date.now()}`, "journalist");
  // The owner signed in from this browser before (it keeps a device cookie), then the session ended.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await new SignInPage(owner).goto();
  await new SignInPage(owner).signIn(email, password);
  await expect(owner).toHaveURL(/\/desk$/);
  await ownerContext.clearCookies({ name: /authjs\.session-token/ });

  const page = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(unique("niemand"), "irgendein passwort");
  await expect(page.locator("form [role=alert]")).toHaveText(m.signin.wrongCredentials);
  for (let i = 0; i < 5; i++) {
    await signIn.signIn(email, `falsch ${i}`);
    await expect(page.locator("form [role=alert]")).toHaveText(m.signin.wrongCredentials);
    await expect(page.getByRole("button", { name: m.signin.submit, exact: true })).toBeEnabled();
  }
  // Locked: even the right password is refused, with a message to wait.
  await signIn.signIn(email, password);
  await expect(page.locator("form [role=alert]")).toHaveText(m.signin.throttled.replace("{minutes}", "15"));
  await expect(page).toHaveURL(/\/signin/);
  // The stranger's failures do not lock the owner out of the browser they signed in with before.
  await new SignInPage(owner).goto();
  await new SignInPage(owner).signIn(email, password);
  await expect(owner).toHaveURL(/\/desk$/);

  // An admin's password reset lifts the lock.
  const users = new UsersPage(admin);
  await users.goto();
  await users.row(email).getByRole("button", { name: m.users.resetPassword }).click();
  const status = users.row(email).getByRole("status");
  await expect(status).toContainText(m.users.temporaryPassword);
  const fresh = (await users.temporaryPassword(status).textContent())!.trim();
  await signIn.signIn(email, fresh);
  await expect(page).toHaveURL(/\/desk$/);
});

test("axe finds no serious or critical violation on the user and profile pages", async ({ browser }) => {
  test.slow(); // five axe runs
  const admin = await pageAs(browser, "admin");
  const users = new UsersPage(admin);
  await users.goto();
  expect(await seriousViolations(admin)).toEqual([]);
  // With a field error, then with a temporary password on show.
  await users.create(" ", "kein-email", "journalist");
  await expect(admin.getByText(m.validation.emailInvalid)).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
  await createAccount(admin, `Axel Axe ${Date.now()}`, "journalist");
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.screenshot({ path: "test-results/users-page.png", fullPage: true });

  await admin.goto("/desk/profile");
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.screenshot({ path: "test-results/profile-page.png", fullPage: true });
});

test("editors get a not-allowed page instead of the user list", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  await editor.goto("/desk/users");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(m.users.notAllowedTitle);
  await expect(editor.getByRole("table")).toHaveCount(0);
});
