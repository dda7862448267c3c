// Sessions live on the server: signing out ends the session wherever its cookie is presented
// (a copy opens neither desk pages nor server actions), the profile lists where one is signed
// in, and "sign out everywhere" ends another browser's session on its next request.
// A new account each time: ending sessions of the demo accounts would end the shared ones in e2e/.auth.
import type { Browser, BrowserContext } from "@playwright/test";
import { expect, pageAs, test } from "../fixtures";
import { messages } from "../i18n";
import { SignInPage } from "../pages/SignInPage";
import { UsersPage } from "../pages/UsersPage";
import { callAction } from "../security/server-actions";

const m = messages.en;

async function newAccount(browser: Browser) {
  const admin = await pageAs(browser, "admin");
  const users = new UsersPage(admin);
  await users.goto();
  const name = `Sina Sitzung ${Date.now()}`;
  const email = `session-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@copydesk.test`;
  await users.create(name, email, "journalist");
  const password = (await users.temporaryPassword(users.createStatus).textContent())!.trim();
  await admin.context().close();
  return { name, email, password };
}

async function signedIn(browser: Browser, email: string, password: string, userAgent?: string): Promise<BrowserContext> {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(email, password);
  await expect(page).toHaveURL(/\/desk$/);
  return context;
}

test("after sign-out a copied session cookie opens neither the desk nor a server action", async ({ browser }) => {
  const { email, password } = await newAccount(browser);
  const first = await signedIn(browser, email, password);
  const copied = (await first.cookies()).filter((c) => /authjs\.session-token/.test(c.name));
  expect(copied.length).toBeGreaterThan(0);

  // The copy works while the session lives…
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/desk/profile");
  await expect(stolen.getByRole("heading", { name: m.profile.title })).toBeVisible();

  // …and not after its owner signed out.
  const page = first.pages()[0];
  await page.getByRole("button", { name: m.desk.signOut }).click();
  await expect(page).toHaveURL(/\/signin/);
  await stolen.goto("/desk/profile");
  await expect(stolen).toHaveURL(/\/signin/);
  await expect(stolen.getByRole("heading", { name: m.profile.title })).toHaveCount(0);
  const call = await callAction(thief.request, "updateProfileAction", { form: { name: "Übernommen", bio: "" }, path: "/desk/profile" });
  // Refused as signed out (in whichever language the bare request negotiates), nothing changed.
  expect(call.result).toMatchObject({ ok: false });
  expect([m.errors.unauthenticated, messages.de.errors.unauthenticated]).toContain((call.result as { message: string }).message);
  await Promise.all([first.close(), thief.close()]);
});

test("the profile lists each browser; signing one out and signing out everywhere end them on their next request", async ({ browser }) => {
  const { email, password } = await newAccount(browser);
  const laptop = await signedIn(browser, email, password, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36");
  const phone = await signedIn(browser, email, password, "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36");
  const tablet = await signedIn(browser, email, password, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5; rv:130.0) Gecko/20100101 Firefox/130.0");

  const page = laptop.pages()[0];
  await page.goto("/desk/profile");
  const sessions = page.getByRole("region", { name: m.profile.sessionsHeading, exact: true });
  const rows = sessions.getByRole("row");
  await expect(rows).toHaveCount(4); // header + three browsers
  await expect(rows.filter({ hasText: `Chrome · Windows (${m.profile.thisSession})` })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Chrome · Android" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Firefox · macOS" })).toHaveCount(1);
  await page.screenshot({ path: "test-results/profile-sessions.png", fullPage: true });

  // Sign out the tablet from the laptop: its next request finds itself signed out.
  await rows.filter({ hasText: "Firefox · macOS" }).getByRole("button", { name: /^Sign out Firefox/ }).click();
  await expect(rows).toHaveCount(3);
  const tabletPage = tablet.pages()[0];
  await tabletPage.goto("/desk");
  await expect(tabletPage).toHaveURL(/\/signin/);

  // Sign out everywhere: this browser and the phone.
  await sessions.getByRole("button", { name: m.profile.signOutEverywhere }).click();
  await expect(page).toHaveURL(/\/signin/);
  const phonePage = phone.pages()[0];
  await phonePage.goto("/desk");
  await expect(phonePage).toHaveURL(/\/signin/);
  await Promise.all([laptop.close(), phone.close(), tablet.close()]);
});
