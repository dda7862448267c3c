// The desk's front page: queues by role with counts, filters, and no accessibility barriers.
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";

const m = messages.en;

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

test("an editor's dashboard shows the review queue with counts, filters by status, section, author and headline", async ({ as, factory, runId }) => {
  // The journey's own: one in review, and two published ones the filters tell apart.
  const inReview = `Kämpferinnen mit Rückenwind ${runId}`;
  const shipyard = `Großauftrag für die Werft ${runId}`;
  await factory.article({ headline: inReview, section: "sport", status: "in_review" });
  await factory.published({ headline: shipyard, section: "wirtschaft" });
  await factory.published({ headline: `Hafenstraße: Werft ${runId} zieht um`, section: "politik" });
  const page = await as("editor");
  await page.goto("/desk");
  const review = page.getByRole("region", { name: new RegExp(`^${m.desk.awaitingReview}`) });
  await expect(review.getByRole("link", { name: inReview })).toBeVisible();
  await expect(review.getByRole("heading")).toContainText(/\d+/);
  await expect(page.getByRole("region", { name: new RegExp(`^${m.desk.scheduled}`) })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The review queue as a filtered list.
  const filters = page.getByRole("search", { name: m.desk.filterLabel });
  await filters.getByLabel(m.desk.colStatus).selectOption({ label: m.status.in_review });
  await filters.getByRole("button", { name: m.desk.filterApply }).click();
  await expect(page).toHaveURL(/status=in_review/);
  const results = page.getByRole("region", { name: new RegExp(`^${m.desk.filterResults}`) });
  await expect(results.getByRole("link", { name: inReview })).toBeVisible();
  await expect(results.getByRole("row")).not.toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  // Headline words, section and author narrow it down.
  await page.goto("/desk");
  await filters.getByLabel(m.desk.filterHeadline).fill(`werft ${runId}`);
  await filters.getByLabel(m.desk.colSection).selectOption({ label: "Wirtschaft" });
  await filters.getByLabel(m.desk.colByline).selectOption({ label: "Lena Kämpfer" });
  await filters.getByRole("button", { name: m.desk.filterApply }).click();
  await expect(results.getByRole("link", { name: shipyard })).toBeVisible();
  await expect(results.getByRole("link", { name: /Hafenstraße/ })).toHaveCount(0); // in Politik
  await filters.getByLabel(m.desk.colSection).selectOption({ label: "Kultur" });
  await filters.getByRole("button", { name: m.desk.filterApply }).click();
  await expect(results.getByText(m.desk.filterNone)).toBeVisible();
});

test("a journalist's dashboard has their own queues and no review queue; notifications page is accessible", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  await page.goto("/desk");
  await expect(page.getByRole("region", { name: new RegExp(`^${m.desk.myDrafts}`) })).toBeVisible();
  await expect(page.getByRole("region", { name: new RegExp(`^${m.desk.awaitingReview}`) })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/desk/notifications");
  await expect(page.getByRole("heading", { level: 1, name: m.notifications.title })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a long filtered list pages forward and back by the rows at its edges, keeping the filter", async ({ as, factory, runId }) => {
  // 30 drafts of this run's own: a full page of 25 and a second one of 5.
  const headlines = Array.from({ length: 30 }, (_, i) => `Blätterprobe ${runId} ${String(i + 1).padStart(2, "0")}`);
  for (const headline of headlines) await factory.article({ headline, author: "editor" });
  const page = await as("editor");
  await page.goto(`/desk?q=${encodeURIComponent(`Blätterprobe ${runId}`)}`);
  const results = page.getByRole("region", { name: new RegExp(`^${m.desk.filterResults}`) });
  const pagination = page.getByRole("navigation", { name: m.desk.pagination });
  const rows = results.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows).toHaveCount(25);
  await expect(pagination).toContainText(m.desk.pageOf.replace("{page}", "1").replace("{pages}", "2"));
  // Newest change first: the last one made leads page 1.
  await expect(rows.first()).toContainText(headlines[29]);

  await pagination.getByRole("link", { name: m.desk.nextPage }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/after=/);
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText(headlines[4]);
  await expect(rows.last()).toContainText(headlines[0]);
  await expect(pagination).toContainText(m.desk.pageOf.replace("{page}", "2").replace("{pages}", "2"));
  await expect(page.getByRole("search", { name: m.desk.filterLabel }).getByLabel(m.desk.filterHeadline)).toHaveValue(`Blätterprobe ${runId}`);

  await pagination.getByRole("link", { name: m.desk.previousPage }).click();
  await expect(page).not.toHaveURL(/after=|before=/);
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(headlines[29]);
});

test("on a phone the desk's tables scroll inside their own named region, never the page", async ({ as }) => {
  const page = await as("admin");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/desk", "/desk/users", "/desk/audit", "/desk/comments", "/desk/taxonomy", "/desk/profile"]) {
    await page.goto(path);
    const regions = page.getByRole("region", { name: new RegExp(`^${m.desk.tableRegion.replace("{name}", "")}`) });
    await expect(regions.first(), path).toBeVisible();
    for (const region of await regions.all()) {
      await expect(region.getByRole("table"), path).toBeVisible();
      await expect(region, path).toHaveAttribute("tabindex", "0");
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(390);
  }

  // The users table is wider than the phone: a keyboard scrolls it inside its box.
  await page.goto("/desk/users");
  const users = page.getByRole("region", { name: m.desk.tableRegion.replace("{name}", m.users.listHeading) });
  expect(await users.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await users.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => users.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
});
