// Passkeys as a second factor, in the browser: Chromium's virtual authenticator (CDP WebAuthn
// domain: CTAP2, built in, resident keys, user verification) stands in for a fingerprint reader.
// Enrol on the profile page (the first factor brings recovery codes), then sign-in asks for the
// passkey after the password — no session exists until it answers; a recovery code still works
// once; a device without the passkey gets a clear failure and no session; removing the passkey
// needs the password, and then the password alone signs in again.
// A new account each time (the journeys' factory): the demo accounts' sign-in stays password-only.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { messages } from "../i18n";
import { ProfilePage } from "../pages/ProfilePage";
import { SignInPage, signedInWithPassword, signOut } from "../pages/SignInPage";
import { virtualAuthenticator } from "../virtual-authenticator";

const m = messages.en;

/** axe's serious and critical findings on the page as it stands. */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}


test("add a passkey on the profile, sign in with password and passkey, a recovery code once, then remove it", async ({ browser, factory, runId }) => {
  const email = `passkey-${runId}@copydesk.test`;
  const password = `passkey-journey-${runId}`;
  await factory.user({ email, name: `Paula Passkey ${runId}`, password });
  const { context, page, signIn } = await signedInWithPassword(browser, email, password);
  const { cdp, authenticatorId } = await virtualAuthenticator(page);

  // Enrol: a name is needed first; then the authenticator makes the passkey for this site.
  const profile = new ProfilePage(page);
  await profile.goto();
  await expect(profile.passkeyPanel.getByText(m.profile.passkeyNone)).toBeVisible();
  await profile.passkeyPanel.getByRole("button", { name: m.profile.addPasskey }).click();
  await expect(profile.passkeyPanel.getByText(m.validation.passkeyNameRequired)).toBeVisible();
  const name = `Laptop ${runId}`;
  await profile.addPasskey(name);
  await expect(profile.recoveryCodes(profile.passkeyPanel)).toHaveCount(10);
  const recovery = (await profile.recoveryCodes(profile.passkeyPanel).allTextContents()).map((c) => c.trim());
  await profile.keptRecoveryCodes(profile.passkeyPanel);
  await expect(profile.passkeys()).toHaveCount(1);
  await expect(profile.passkeys().first()).toContainText(name);
  await expect(profile.passkeys().first()).toContainText(m.profile.passkeyNeverUsed);
  await profile.passkeyPanel.screenshot({ path: "test-results/passkeys-profile.png" });
  expect(await seriousViolations(page)).toEqual([]);
  const [credential] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  expect(credential.rpId).toBe("localhost");
  // The two-factor panel knows sign-in now asks for the passkey.
  await expect(profile.factorPanel.getByText(m.profile.factorOffPasskey)).toBeVisible();
  await signOut(page);

  // On another device (an authenticator without this passkey) the ceremony fails, as when the
  // person cancels it: the step says so, nothing is signed in, and the code field still works.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await virtualAuthenticator(other);
  const otherSignIn = new SignInPage(other);
  await otherSignIn.goto();
  await otherSignIn.signIn(email, password);
  await otherSignIn.usePasskey();
  await expect(other.getByRole("alert").filter({ hasText: m.signin.passkeyFailed })).toBeVisible();
  await expect(otherSignIn.codeStep()).toBeVisible();
  await expect(other.getByRole("button", { name: m.signin.usePasskey })).toBeEnabled();
  expect((await elsewhere.cookies()).filter((c) => /authjs\.session-token/.test(c.name))).toHaveLength(0);
  await elsewhere.close();

  // Sign-in: the password alone opens nothing; the passkey does.
  await signIn.signIn(email, password);
  await expect(signIn.codeStep()).toBeVisible();
  await expect(page.getByText(m.signin.passkeyIntro)).toBeVisible();
  await page.screenshot({ path: "test-results/passkeys-sign-in-step.png", fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  expect((await context.cookies()).filter((c) => /authjs\.session-token/.test(c.name))).toHaveLength(0);
  await signIn.usePasskey();
  await expect(page).toHaveURL(/\/desk$/);
  const [used] = (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  expect(used.signCount).toBeGreaterThan(credential.signCount);
  await profile.goto();
  await expect(profile.passkeys().first()).not.toContainText(m.profile.passkeyNeverUsed);
  await signOut(page);

  // A recovery code signs in once (the account has no app: the field asks for a recovery code).
  await signIn.signIn(email, password);
  await signIn.enterRecoveryCode(recovery[0]);
  await expect(page).toHaveURL(/\/desk$/);
  await signOut(page);
  await signIn.signIn(email, password);
  await signIn.enterRecoveryCode(recovery[0]);
  await expect(page.getByRole("alert").filter({ hasText: m.signin.codeWrong })).toBeVisible();
  await signIn.usePasskey();
  await expect(page).toHaveURL(/\/desk$/);

  // Removing needs the password; then the password alone signs in again.
  await profile.goto();
  await profile.removePasskey(name, "not my password");
  await expect(profile.passkeyPanel.getByText(m.validation.factorProofWrong)).toBeVisible();
  await expect(profile.passkeys()).toHaveCount(1);
  await profile.removePasskey(name, password);
  await expect(profile.passkeyPanel.getByRole("status")).toHaveText(m.profile.passkeyRemoved);
  await expect(profile.passkeyPanel.getByText(m.profile.passkeyNone)).toBeVisible();
  await signOut(page);
  await signIn.signIn(email, password);
  await expect(page).toHaveURL(/\/desk$/);
  await context.close();
});
