// Signs in once per role and keeps the session for the journeys (e2e/paths.ts authState).
import { expect, test as setup } from "./fixtures";
import { messages } from "./i18n";
import { authState } from "./paths";
import { ACCOUNTS, SignInPage, type Role } from "./pages/SignInPage";

for (const role of Object.keys(ACCOUNTS) as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(ACCOUNTS[role]);
    // The first sign-in meets a cold server (argon2, first render); a busy CI machine needs longer.
    await expect(page).toHaveURL(/\/desk$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { name: messages.en.desk.dashboard })).toBeVisible();
    await page.context().storageState({ path: authState(role) });
  });
}
