import type { Browser, Page } from "@playwright/test";
import { browserLocale } from "./i18n";
import type { Role } from "./pages/SignInPage";

/** A page signed in as the given role (sessions made by auth.setup.ts), in a browser speaking `ui`. */
export async function pageAs(browser: Browser, role: Role, ui: "de" | "en" = "en"): Promise<Page> {
  const context = await browser.newContext({ storageState: `e2e/.auth/${role}.json`, locale: browserLocale[ui] });
  return context.newPage();
}

/** An anonymous reader. */
export async function readerPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}
