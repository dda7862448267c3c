// Single sign-on against a real OpenID provider (oidc-provider, OpenID Certified) started here,
// on the port the test server's COPYDESK_OIDC_ISSUER names (playwright.config.ts). The whole
// redirect flow in the browser: "Sign in with …", the provider's own login and consent pages,
// back to the desk with the role the provider's groups map to; an address the provider has not
// verified is refused; an account's own Copydesk second factor is still asked for when the
// provider did not say it asked for one.
import type { Server } from "node:http";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import Provider from "oidc-provider";
import { generate } from "otplib";
import { expect, test } from "../fixtures";
import { messages } from "../i18n";
import { ProfilePage } from "../pages/ProfilePage";
import { SignInPage } from "../pages/SignInPage";
import { e2ePort, portsOf } from "../ports";

const m = messages.en;
const LABEL = "Newsroom ID"; // COPYDESK_OIDC_LABEL in playwright.config.ts
// Functions: a worker learns its engine's ports from its project after this file is loaded.
const app = () => `http://localhost:${e2ePort()}`;
const providerUrl = () => `http://localhost:${portsOf("oidc")[0]}`;
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The provider's people: login name → claims. Each run has new addresses (the test server's database lives through retries). */
const PEOPLE: Record<string, Record<string, unknown>> = {
  sven: { email: `sven-${run}@sso.copydesk.test`, email_verified: true, name: `Sven Single ${run}`, groups: ["staff", "copydesk-editors"] },
  uwe: { email: `uwe-${run}@sso.copydesk.test`, email_verified: false, name: `Uwe Unverified ${run}`, groups: ["copydesk-admins"] },
  tara: { email: `tara-${run}@sso.copydesk.test`, email_verified: true, name: `Tara Totp ${run}`, groups: ["staff"] },
};

let server: Server;

test.beforeAll(async () => {
  const [port] = portsOf("oidc");
  const provider = new Provider(providerUrl(), {
    clients: [
      {
        client_id: "copydesk-e2e",
        client_secret: process.env.COPYDESK_E2E_OIDC_SECRET!,
        redirect_uris: [`${app()}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // The claims a newsroom's provider would send in the ID token (Keycloak with a groups mapper, say).
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => (PEOPLE[sub] ? { accountId: sub, claims: () => ({ sub, ...PEOPLE[sub] }) } : undefined),
    // Its development login page: any login name, any password — the people above are who it knows.
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [`e2e-${run}`] },
  });
  // Its warnings about development keys and interactions are expected here.
  provider.on("server_error", (_ctx, error) => console.error("[oidc-provider]", error));
  server = provider.listen(port);
  await new Promise<void>((resolve) => server.once("listening", resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Serious or critical accessibility problems axe finds on the page. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

/**
 * Through the provider's pages as `login`, after "Sign in with …" was pressed: its login page
 * (unless this browser is still signed in there) and its consent page (the first time), until
 * the browser is back at Copydesk.
 */
async function throughProvider(page: Page, login: string, from: string) {
  let previous = from;
  for (let step = 0; step < 4; step++) {
    await page.waitForURL((url) => url.href !== previous && !url.pathname.startsWith("/api/auth"));
    previous = page.url();
    if (previous.startsWith(app())) return;
    expect(previous.startsWith(`${providerUrl()}/interaction/`)).toBe(true);
    const name = page.getByPlaceholder("Enter any login");
    if (await name.count()) {
      await name.fill(login);
      await page.getByPlaceholder("and password").fill("anything");
      await page.getByRole("button", { name: "Sign-in" }).click();
    } else {
      await page.getByRole("button", { name: "Continue" }).click();
    }
  }
  throw new Error(`still at the provider: ${page.url()}`);
}

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/signin");
  const from = page.url();
  await page.getByRole("button", { name: `Sign in with ${LABEL}` }).click();
  await throughProvider(page, login, from);
}

test("sign in through the OpenID provider: the groups' role, a session like any other, audited", async ({ page }) => {
  // The button is a real button in a form, reached by keyboard.
  await page.goto("/signin");
  const button = page.getByRole("button", { name: `Sign in with ${LABEL}` });
  await expect(button).toBeVisible();
  await page.screenshot({ path: "test-results/sso-signin.png", fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  // Password sign-in is still there (COPYDESK_PASSWORD_SIGNIN is not off on this server).
  await expect(page.getByLabel(m.signin.password, { exact: true })).toBeVisible();
  // Tab to the button and press Enter: off to the provider.
  for (let i = 0; i < 6 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(button).toBeFocused();
  const from = page.url();
  await page.keyboard.press("Enter");
  await throughProvider(page, "sven", from);

  await expect(page).toHaveURL(/\/desk$/);
  // copydesk-editors → editor: the review queue only editors (and admins) see.
  await expect(page.getByRole("heading", { name: m.desk.awaitingReview })).toBeVisible();
  await expect(page.getByRole("link", { name: `${PEOPLE.sven.name} · ${m.roles.editor}` })).toBeVisible();

  // A server-side session, listed on the profile like a password sign-in's.
  await page.goto("/desk/profile");
  const sessions = page.getByRole("region", { name: m.profile.sessionsHeading, exact: true });
  await expect(sessions.getByRole("row")).toHaveCount(2); // header + this browser
  await expect(sessions.getByRole("row").filter({ hasText: m.profile.thisSession })).toHaveCount(1);

  // Sign-out ends it like any other.
  await page.getByRole("button", { name: m.desk.signOut, exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin/);
});

test("an address the provider has not verified is refused with the reason", async ({ page }) => {
  await signInAtProvider(page, "uwe");
  await expect(page).toHaveURL(/\/signin\?sso=unverified/);
  const refusal = m.signin.ssoRefused.unverified.replace("{name}", LABEL);
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toHaveText(refusal);
  await page.screenshot({ path: "test-results/sso-refused.png", fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  // No session: the desk sends back to sign-in.
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin/);
});

test("an account with its own authenticator app is asked for its code after the provider (which did no second factor)", async ({ page }) => {
  // First sign-in creates Tara (staff maps to nothing: the default role, journalist).
  await signInAtProvider(page, "tara");
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("heading", { name: m.desk.awaitingReview })).toHaveCount(0);
  const profile = new ProfilePage(page);
  await profile.goto();
  const secret = await profile.beginTotp();
  await profile.confirmTotp(await generate({ secret }));
  await expect(profile.recoveryCodes()).toHaveCount(10);
  await profile.keptRecoveryCodes();
  await page.getByRole("button", { name: m.desk.signOut, exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Through the provider again: the code step, and no session until the code passes.
  await signInAtProvider(page, "tara");
  await expect(new SignInPage(page).codeStep()).toBeVisible();
  expect((await page.context().cookies()).filter((c) => /authjs\.session-token/.test(c.name))).toEqual([]);
  await page.screenshot({ path: "test-results/sso-code-step.png", fullPage: true });
  await new SignInPage(page).enterCode(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("link", { name: `${PEOPLE.tara.name} · ${m.roles.journalist}` })).toBeVisible();
});
