// Two-factor sign-in with an authenticator app, in the browser: enrol on the profile page (the
// key read off the page, codes computed from it as an app would), then sign-in asks for a code
// after the password — and no session exists until it is given; a recovery code works once;
// removing the app needs the password or a code.
// A new account each time: the demo accounts' sign-in must stay password-only for other journeys.
import type { Browser } from "@playwright/test";
import { generate } from "otplib";
import { expect, pageAs, test } from "../fixtures";
import { messages } from "../i18n";
import { ProfilePage } from "../pages/ProfilePage";
import { signedInWithPassword, signOut } from "../pages/SignInPage";
import { UsersPage } from "../pages/UsersPage";

const m = messages.en;

async function newAccount(browser: Browser) {
  const admin = await pageAs(browser, "admin");
  const users = new UsersPage(admin);
  await users.goto();
  const email = `totp-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@copydesk.test`;
  await users.create(`Zora Zweifaktor ${Date.now()}`, email, "journalist");
  const password = (await users.temporaryPassword(users.createStatus).textContent())!.trim();
  await admin.context().close();
  return { email, password };
}

/** The code an authenticator app shows `steps` 30-second steps from now (each code is good once). */
const appCode = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });


test("enrol an authenticator app, sign in with its code and with a recovery code (once), then remove it", async ({ browser }) => {
  const { email, password } = await newAccount(browser);
  const { context, page, signIn } = await signedInWithPassword(browser, email, password);

  // Enrol: the QR code and the key; a wrong code does not turn it on, the app's code does.
  const profile = new ProfilePage(page);
  await profile.goto();
  const secret = await profile.beginTotp();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(profile.factorPanel.getByRole("img", { name: m.profile.totpQrAlt })).toBeVisible();
  await profile.confirmTotp("000000" === (await appCode(secret)) ? "111111" : "000000");
  await expect(profile.factorPanel.getByText(m.validation.totpWrong)).toBeVisible();
  await profile.confirmTotp(await appCode(secret));
  await expect(profile.recoveryCodes()).toHaveCount(10);
  const recovery = (await profile.recoveryCodes().allTextContents()).map((c) => c.trim());
  await page.screenshot({ path: "test-results/two-factor-recovery-codes.png", fullPage: true });
  await profile.keptRecoveryCodes();
  await expect(profile.factorPanel.getByText(m.profile.factorOn)).toBeVisible();
  await signOut(page);

  // Sign-in: the password alone opens nothing; a wrong code is refused; the app's code signs in.
  await signIn.signIn(email, password);
  await expect(signIn.codeStep()).toBeVisible();
  await page.screenshot({ path: "test-results/two-factor-code-step.png", fullPage: true });
  expect((await context.cookies()).filter((c) => /authjs\.session-token/.test(c.name))).toHaveLength(0);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/signin/);
  await signIn.signIn(email, password);
  await signIn.enterCode("123456" === (await appCode(secret, 1)) ? "654321" : "123456");
  await expect(page.getByRole("alert").filter({ hasText: m.signin.codeWrong })).toBeVisible();
  await signIn.enterCode(await appCode(secret, 1)); // the next step's code: the enrolment used this one
  await expect(page).toHaveURL(/\/desk$/);
  await signOut(page);

  // A recovery code signs in once.
  await signIn.signIn(email, password);
  await signIn.enterCode(recovery[0].toUpperCase());
  await expect(page).toHaveURL(/\/desk$/);
  await signOut(page);
  await signIn.signIn(email, password);
  await signIn.enterCode(recovery[0]);
  await expect(page.getByRole("alert").filter({ hasText: m.signin.codeWrong })).toBeVisible();
  await signIn.enterCode(recovery[1]);
  await expect(page).toHaveURL(/\/desk$/);

  // Removing needs proof; then the password alone signs in again.
  await profile.goto();
  await expect(profile.factorPanel.getByText("8 unused recovery codes left.")).toBeVisible();
  await profile.removeTotp("not my password");
  await expect(profile.factorPanel.getByText(m.validation.factorProofWrong)).toBeVisible();
  await profile.removeTotp(password);
  await expect(profile.factorPanel.getByRole("status")).toHaveText(m.profile.totpRemoved);
  await signOut(page);
  await signIn.signIn(email, password);
  await expect(page).toHaveURL(/\/desk$/);
  await context.close();
});
