// A role that requires a second factor cannot reach the desk without one: signed in with the
// password, every desk page leads to the profile's set-up and a direct server action is refused;
// after enrolling (an app, or a passkey), the desk opens. An admin's reset removes the factor and
// ends the sessions.
// On a server with a newsroom of its own (e2e/own-server.ts): the journey changes a newsroom-wide
// setting that would lock the shared e2e editor out of every journey running beside it.
import type { Browser, Page } from "@playwright/test";
import { generate } from "otplib";
import { expect, pageWith, test } from "../fixtures";
import { messages } from "../i18n";
import { startOwnServer } from "../own-server";
import { ProfilePage } from "../pages/ProfilePage";
import { ACCOUNTS, SignInPage } from "../pages/SignInPage";
import { UsersPage } from "../pages/UsersPage";
import { portsOf } from "../ports";
import { callAction } from "../security/server-actions";
import { virtualAuthenticator } from "../virtual-authenticator";

const m = messages.en;
const [port] = portsOf("requiredFactor");
const origin = `http://localhost:${port}`;
let stop: () => Promise<void> = async () => {};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  stop = await startOwnServer("required-factor", port);
});

test.afterAll(async () => stop());

/** A page on this journey's own server: signed in as `email`, or anonymous. */
async function pageOnOwnServer(browser: Browser, email?: string, password?: string): Promise<Page> {
  const page = await pageWith(browser, { baseURL: origin });
  if (email) {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, password);
    await expect(page).toHaveURL(/\/desk$/, { timeout: 30_000 });
  }
  return page;
}

/** A new account made by the admin on the users page; returns its temporary password. */
async function newAccount(users: UsersPage, name: string, email: string): Promise<string> {
  await users.goto();
  await users.create(name, email, "editor");
  return (await users.temporaryPassword(users.createStatus).textContent())!.trim();
}

async function requireFor(admin: Page, roles: string[]) {
  const users = new UsersPage(admin);
  await users.goto();
  const form = admin.getByRole("region", { name: m.users.factorHeading });
  for (const role of ["admin", "editor", "journalist"] as const) {
    await form.getByRole("checkbox", { name: m.roles[role] }).setChecked(roles.includes(role));
  }
  await form.getByRole("button", { name: m.users.factorSave }).click();
  await expect(form.getByRole("status")).not.toBeEmpty();
}

test("an editor without a second factor is sent to set one up; an admin's reset sends them back", async ({ browser }) => {
  const admin = await pageOnOwnServer(browser, ACCOUNTS.admin);
  const users = new UsersPage(admin);
  const email = `pflicht-${Date.now()}@copydesk.test`;
  const password = await newAccount(users, `Paula Pflicht ${Date.now()}`, email);
  await requireFor(admin, ["editor"]);
  await admin.screenshot({ path: "test-results/required-factor-setting.png", fullPage: true });

  try {
    const page = await pageOnOwnServer(browser);
    const context = page.context();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, password);
    // Straight to the set-up; any other desk page leads back there.
    await expect(page).toHaveURL(/\/desk\/profile$/);
    const profile = new ProfilePage(page);
    await expect(profile.factorPanel.getByRole("alert")).toHaveText(m.profile.factorRequired);
    await page.goto("/desk/articles/new");
    await expect(page).toHaveURL(/\/desk\/profile$/);
    // A desk action posted directly to its page is turned away before it runs (the data layer
    // refuses it too: db/second-factor/second-factor.test.ts).
    const call = await callAction(context.request, "createArticleAction", { args: [{ headline: "Ohne Faktor", standfirst: "", language: "de", body: { type: "doc", content: [] } }], path: "/desk/articles/new" });
    expect(call.status).toBe(307);
    expect(call.response.headers().location).toMatch(/\/desk\/profile$/);

    // Enrol: then the desk opens.
    const secret = await profile.beginTotp();
    await profile.confirmTotp(await generate({ secret }));
    await expect(profile.recoveryCodes()).toHaveCount(10);
    await profile.keptRecoveryCodes();
    await page.goto("/desk");
    await expect(page.getByRole("heading", { name: m.desk.dashboard })).toBeVisible();

    // The admin resets the factor: this session ends; signing in again leads to the set-up.
    await users.goto();
    const row = users.row(email);
    await row.getByRole("button", { name: m.users.resetFactor }).click();
    await expect(row.getByRole("status")).toContainText(m.users.factorReset.replace("{name}'s ", ""));
    await page.goto("/desk");
    await expect(page).toHaveURL(/\/signin/);
    await signIn.signIn(email, password);
    await expect(page).toHaveURL(/\/desk\/profile$/); // no code asked: the factor is gone
    await expect(profile.factorPanel.getByRole("alert")).toHaveText(m.profile.factorRequired);
    await context.close();
  } finally {
    await requireFor(admin, []); // the demo's setting, for the next journey on this server
  }
});

test("a passkey meets the requirement: an editor who must enrol adds one and reaches the desk", async ({ browser, runId }) => {
  const admin = await pageOnOwnServer(browser, ACCOUNTS.admin);
  const email = `pflicht-passkey-${runId}@copydesk.test`;
  const password = await newAccount(new UsersPage(admin), `Petra Passkey ${runId}`, email);
  await requireFor(admin, ["editor"]);
  try {
    const page = await pageOnOwnServer(browser);
    const context = page.context();
    await virtualAuthenticator(page);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, password);
    await expect(page).toHaveURL(/\/desk\/profile$/);
    const profile = new ProfilePage(page);
    await profile.addPasskey(`Laptop ${runId}`);
    await expect(profile.recoveryCodes(profile.passkeyPanel)).toHaveCount(10);
    await profile.keptRecoveryCodes(profile.passkeyPanel);
    await page.goto("/desk");
    await expect(page.getByRole("heading", { name: m.desk.dashboard })).toBeVisible();
    await context.close();
  } finally {
    await requireFor(admin, []);
  }
});
