// Screenshots of the reader's home, section and article pages, desktop and a 390-px phone, for
// review by eye: `npx tsx scripts/screenshots.ts http://localhost:3450 out-dir`.
import { chromium, devices } from "@playwright/test";

const [base = "http://localhost:3450", out = "screens"] = process.argv.slice(2);
const PAGES = { home: "/", section: "/politik", article: "/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden" };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
for (const [device, options] of [
  ["desktop", { viewport: { width: 1366, height: 900 } }],
  ["phone", { viewport: { width: 390, height: 844 }, deviceScaleFactor: devices["iPhone 13"].deviceScaleFactor, isMobile: true, hasTouch: true, userAgent: devices["iPhone 13"].userAgent }],
] as const) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  for (const [name, path] of Object.entries(PAGES)) {
    await page.goto(base + path, { waitUntil: "networkidle" });
    await page.screenshot({ path: `${out}/${name}-${device}.png`, fullPage: name !== "article" });
    await page.screenshot({ path: `${out}/${name}-${device}-first-screen.png` });
  }
  await context.close();
}
await browser.close();
