import { test as base, type Browser, type Page } from "@playwright/test";
import type { Role } from "./pages/SignInPage";

/** A page signed in as the given role (sessions made by auth.setup.ts). */
export async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: `e2e/.auth/${role}.json` });
  return context.newPage();
}

export const test = base;
export { expect } from "@playwright/test";
