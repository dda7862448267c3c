// The audit log on the desk: an editor's publish shows up for the admin — who, what, which
// article — found with the page's filters, and comes out of the JSON-lines export; nobody else
// reads it; a malformed filter gets a message at its field.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures";
import { messages } from "../i18n";

const m = messages.en;
const EDITOR_NAME = "Jonas Weber"; // the demo editor (scripts/env.ts)

test("an admin finds an editor's publish in the audit log by its filters and exports it as JSON lines", async ({ as, factory, runId }) => {
  const article = await factory.published({ headline: `Protokollierte Straße „${runId}“`, author: "journalist" });

  const admin = await as("admin");
  await admin.goto("/desk");
  await admin.getByRole("navigation", { name: m.desk.navLabel }).getByRole("link", { name: m.desk.audit }).click();
  await expect(admin.getByRole("heading", { level: 1, name: m.audit.title })).toBeVisible();

  const filters = admin.getByRole("search", { name: m.audit.filters });
  await filters.getByLabel(m.audit.actor, { exact: true }).selectOption({ label: EDITOR_NAME });
  await filters.getByLabel(m.audit.action, { exact: true }).selectOption({ label: m.audit.actions.article.publish });
  await filters.getByLabel(m.audit.target, { exact: true }).selectOption({ label: m.audit.targets.article });
  await filters.getByLabel(m.audit.targetId, { exact: true }).fill(String(article.id));
  await filters.getByRole("button", { name: m.audit.apply }).click();
  await expect(admin).toHaveURL(/[?&]action=article\.publish/);

  const table = admin.getByRole("region", { name: m.audit.listHeading }).getByRole("table");
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the one publish
  const row = rows.nth(1);
  await expect(row.getByRole("rowheader")).toHaveText(m.audit.actions.article.publish);
  await expect(row.getByRole("cell").nth(1)).toHaveText(EDITOR_NAME);
  await expect(row.getByRole("cell").nth(2)).toHaveText(`${m.audit.targets.article} ${article.id}`);
  await expect(row).toContainText(`Protokollierte Straße „${runId}“`);
  await expect(row).toContainText('"to":"published"');

  const violations = (await new AxeBuilder({ page: admin }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(violations.map((v) => v.id)).toEqual([]);

  // The export carries the page's filters and streams one JSON object per line.
  const exportLink = filters.getByRole("link", { name: m.audit.export });
  const href = await exportLink.getAttribute("href");
  expect(href).toContain("/desk/audit/export?");
  const download = admin.waitForEvent("download");
  await exportLink.click();
  expect((await download).suggestedFilename()).toMatch(/^copydesk-audit-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const response = await admin.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/x-ndjson");
  const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line) as { action: string; targetId: string; actorName: string; summary: { headline: string } });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ action: "article.publish", targetId: String(article.id), actorName: EDITOR_NAME, summary: { headline: `Protokollierte Straße „${runId}“` } });

  // Without filters the export holds the whole log, this article's creation included.
  const everything = (await (await admin.request.get("/desk/audit/export")).text()).trim().split("\n").map((line) => JSON.parse(line) as { action: string; targetId: string });
  expect(everything.filter((e) => e.targetId === String(article.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["article.create", "article.publish"]));
});

test("a malformed filter gets a message at its field; editors and journalists cannot read the log or export it", async ({ as, reader }) => {
  const admin = await as("admin");
  await admin.goto("/desk/audit?from=gestern&action=article.explode");
  await expect(admin.getByRole("region", { name: m.audit.listHeading }).getByRole("alert")).toHaveText(m.audit.filterInvalid);
  await expect(admin.getByLabel(m.audit.from, { exact: true })).toHaveAccessibleDescription(m.validation.auditDateInvalid);
  await expect(admin.getByLabel(m.audit.action, { exact: true })).toHaveAccessibleDescription(m.validation.auditActionUnknown);
  const badExport = await admin.request.get("/desk/audit/export?from=gestern");
  expect(badExport.status()).toBe(400);
  const refusal = (await badExport.json()) as { ok: boolean; fieldErrors: { from: string[] } };
  expect(refusal.ok).toBe(false);
  expect([m.validation.auditDateInvalid, messages.de.validation.auditDateInvalid]).toContain(refusal.fieldErrors.from[0]); // in the admin's language

  for (const role of ["editor", "journalist"] as const) {
    const page = await as(role);
    await page.goto("/desk/audit");
    await expect(page.getByRole("heading", { level: 1, name: m.audit.notAllowedTitle })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: m.desk.navLabel }).getByRole("link", { name: m.desk.audit })).toHaveCount(0);
    const refused = await page.request.get("/desk/audit/export");
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain("article.");
  }
  const anonymous = await reader();
  const response = await anonymous.request.get("/desk/audit/export", { maxRedirects: 0 });
  expect(response.status()).toBe(307); // to sign in (the proxy), before the route is reached
  expect(await response.text()).not.toContain("article.");
});
