// COPYDESK_PASSWORD_SIGNIN=off on a server of its own (the shared test server keeps passwords for
// every other journey): the sign-in page offers single sign-on only, and the password is refused
// on the server too — through the form's action called directly and through Auth.js's own
// credentials endpoint — for a demo account whose password is right.
import { expect, test } from "../fixtures";
import { request as playwrightRequest } from "@playwright/test";
import { messages } from "../i18n";
import { ACCOUNTS, DEMO_PASSWORD } from "../pages/SignInPage";
import { portsOf } from "../ports";
import { startOwnServer } from "../own-server";
import { callAction } from "../security/server-actions";

const m = messages.en;
const [port, nowhere] = portsOf("passwordOff");
const origin = `http://localhost:${port}`;
const env = {
  COPYDESK_PASSWORD_SIGNIN: "off",
  // A provider that is not there (sso.spec.ts's runs beside this journey on its own port).
  COPYDESK_OIDC_ISSUER: `http://localhost:${nowhere}`,
  COPYDESK_OIDC_CLIENT_ID: "copydesk-e2e",
  COPYDESK_OIDC_CLIENT_SECRET: "not-used-here",
  COPYDESK_OIDC_LABEL: "Newsroom ID",
};
let stop: () => Promise<void> = async () => {};

// A newsroom of its own: the shared test server keeps password sign-in for everyone else.
test.beforeAll(async () => {
  test.setTimeout(240_000);
  stop = await startOwnServer("password-off", port, env);
});

test.afterAll(async () => stop());

test("with password sign-in off, the page offers single sign-on only and the server refuses passwords", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with Newsroom ID" })).toBeVisible();
  await expect(page.getByLabel(m.signin.password, { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: m.signin.submit, exact: true })).toHaveCount(0);
  await expect(page.getByText(m.signin.ssoOr)).toHaveCount(0);
  // This server's provider is not there: the button comes back with a message, not a server error.
  await page.getByRole("button", { name: "Sign in with Newsroom ID" }).click();
  await expect(page).toHaveURL(/\/signin\?error=/);
  const failed = m.signin.ssoFailed.replace("{name}", "Newsroom ID");
  await expect(page.getByRole("alert").filter({ hasText: failed })).toHaveText(failed);
  await page.screenshot({ path: "test-results/sso-password-off-unreachable.png", fullPage: true });

  const api = await playwrightRequest.newContext({ baseURL: origin });
  // The form's action, called directly with a right password: refused, no session.
  const call = await callAction(api, "signInAction", { form: { email: ACCOUNTS.admin, password: DEMO_PASSWORD, callbackUrl: "/desk" }, path: "/signin" });
  expect(call.status).toBe(200);
  // (In whichever language the bare request negotiates.)
  const said = /"error":"([^"]*)"/.exec(await call.response.text())?.[1];
  expect([m.signin.passwordOff, messages.de.signin.passwordOff]).toContain(said);
  // Auth.js's credentials endpoint, with its CSRF token: refused, no session.
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const direct = await api.post("/api/auth/callback/credentials", { form: { email: ACCOUNTS.admin, password: DEMO_PASSWORD, csrfToken }, maxRedirects: 0 });
  expect(direct.status()).toBe(302);
  expect(direct.headers().location).toContain("error=CredentialsSignin");
  expect((await api.storageState()).cookies.filter((c) => /authjs\.session-token/.test(c.name))).toEqual([]);
  const desk = await api.get("/desk", { maxRedirects: 0 });
  expect(desk.headers().location).toMatch(/^\/signin/);
  await Promise.all([api.dispose(), context.close()]);
});
