// Every kind of reader page passes axe (WCAG 2.1 A and AA) without a serious or critical
// violation; a keyboard reader can skip the masthead, finds the page's landmarks and always
// sees where the focus is.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, type Factory } from "../fixtures";
import { messages } from "../i18n";

const de = messages.de;
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Serious and critical findings, one line each with the elements concerned, so a failure says what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A fully dressed article of the test's own: lead image, an outside link, related links, a tag, comments. */
async function dressedArticle(factory: Factory, runId: string) {
  const headline = `Hafenstraße: Stadtrat lässt die Bürger entscheiden ${runId}`;
  const tag = `Verkehr ${runId}`;
  const { url } = await factory.published({
    headline,
    section: "politik",
    tags: [tag],
    standfirst: "Vier Spuren oder zwei auf der Hafenstraße, Bäume oder Parkplätze: Im Frühjahr stimmt Elbstadt ab.",
    paragraphs: ["Die Zukunft der Hafenstraße wird nicht im Ratssaal entschieden.", { text: "Die Pläne stehen auf der", link: { text: "Beteiligungsplattform der Stadt", href: "https://www.example.org/elbstadt/hafenstrasse" } }],
    leadImage: { caption: "Die Hafenstraße zwischen Altstadt und Kai.", alt: "Eine breite Straße vor bunten Giebelhäusern" },
    related: [{ url: "https://www.example.org/elbstadt/verkehrsplan", title: "Der Verkehrsplan der Stadt" }],
    comments: [
      { name: "Margit", text: "Endlich dürfen wir mitreden." },
      { name: "Ole", text: "Und die Bäume?" },
      { name: "Aylin", text: "Die Fähre nicht vergessen." },
    ],
  });
  return { url, headline, tag, tagPath: `/tags/verkehr-${runId}`, word: runId };
}
type Dressed = Awaited<ReturnType<typeof dressedArticle>>;

/** Each page, and what must be on it before it is worth checking (a page that failed to render would pass axe). */
// `article`: the page shows the test's own dressed article (made before the page is opened).
const PAGES: { name: string; article?: true; path: string | ((a: Dressed) => string); status?: number; ready: (page: Page, a: Dressed) => Promise<void> }[] = [
  {
    name: "home",
    path: "/",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    },
  },
  {
    name: "section page",
    article: true,
    path: "/politik",
    ready: async (page, a) => {
      await expect(page.getByRole("heading", { level: 1, name: "Politik" })).toBeVisible();
      await expect(page.getByRole("link", { name: a.headline })).toBeVisible();
    },
  },
  {
    name: "article with lead image, comments, related links and tags",
    article: true,
    path: (a) => a.url,
    ready: async (page, a) => {
      const article = page.getByRole("article");
      await expect(article.getByRole("heading", { level: 1, name: a.headline })).toBeVisible();
      await expect(page.locator("figure.article__lead").getByRole("img")).toBeVisible();
      await expect(article.getByRole("heading", { level: 2, name: de.article.related })).toBeVisible();
      await expect(article.getByRole("link", { name: a.tag, exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: de.comments.heading.replace("{count}", "3") })).toBeVisible();
      await expect(page.getByRole("button", { name: de.comments.submit })).toBeVisible();
    },
  },
  {
    name: "tag page",
    article: true,
    path: (a) => a.tagPath,
    ready: async (page, a) => {
      await expect(page.getByRole("heading", { level: 1, name: a.tag })).toBeVisible();
    },
  },
  {
    name: "author page",
    article: true,
    path: "/authors/lena-kaempfer", // the demo journalist, who wrote it
    ready: async (page, a) => {
      await expect(page.getByRole("heading", { level: 1, name: "Lena Kämpfer" })).toBeVisible();
      await expect(page.getByRole("link", { name: a.headline })).toBeVisible();
    },
  },
  {
    name: "search with results",
    article: true,
    path: (a) => `/search?q=${encodeURIComponent(`Hafenstraße ${a.word}`)}`,
    ready: async (page, a) => {
      await expect(page.getByRole("link", { name: a.headline })).toBeVisible();
      await expect(page.locator("mark").first()).toBeVisible();
    },
  },
  {
    name: "search without results",
    path: "/search?q=Quastenflosser",
    ready: async (page) => {
      await expect(page.getByText(de.site.searchCount.match(/=0 \{([^}]*)\}/)![1])).toBeVisible();
    },
  },
  {
    name: "community standards",
    path: "/community-standards",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1, name: de.comments.standardsTitle })).toBeVisible();
    },
  },
  {
    name: "page not found",
    path: "/politik/diesen-artikel-gibt-es-nicht",
    status: 404,
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1, name: de.site.notFoundTitle })).toBeVisible();
    },
  },
  {
    // No route matches at all: app/global-not-found.tsx, outside the site layout.
    name: "address no route matches",
    path: "/gibt/es/nicht",
    status: 404,
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1, name: de.site.notFoundTitle })).toBeVisible();
      await expect(page.getByRole("main")).toBeVisible();
    },
  },
];

for (const { name, article, path, status = 200, ready } of PAGES) {
  test(`axe finds no serious or critical violation: ${name}`, async ({ page, factory, runId }) => {
    const dressed = article ? await dressedArticle(factory, runId) : ({} as Dressed);
    const response = await page.goto(typeof path === "string" ? path : path(dressed));
    expect(response?.status()).toBe(status);
    if (status === 404) {
      // Search engines are told once, in the page as sent, not to index it.
      const robots = (await response!.text()).match(/<meta name="robots"[^>]*>/g);
      expect(robots).toEqual(['<meta name="robots" content="noindex"/>']);
    }
    await ready(page, dressed);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the first Tab reaches a visible skip link that moves the focus to the main content", async ({ page, factory, runId }) => {
  await page.goto((await dressedArticle(factory, runId)).url);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: de.site.skipToContent });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab continues inside the content (the article's section link), not in the masthead.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("article").getByRole("link", { name: "Politik", exact: true })).toBeFocused();
});

test("reader pages have banner, navigation, search, main and contentinfo landmarks, one of each", async ({ page, factory, runId }) => {
  for (const path of ["/", (await dressedArticle(factory, runId)).url, "/search?q=Hafen"]) {
    await page.goto(path);
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: de.site.sectionsNav })).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.getByRole("search").first()).toBeVisible();
  }
});

test("links and buttons show a clear focus outline when reached by keyboard", async ({ page, factory, runId }) => {
  const dressed = await dressedArticle(factory, runId);
  await page.goto(dressed.url);
  const targets = [ // in the order the Tab key reaches them
    page.getByRole("banner").getByRole("button", { name: de.site.searchSubmit }),
    page.getByRole("navigation", { name: de.site.sectionsNav }).getByRole("link", { name: "Wirtschaft" }),
    page.getByRole("article").getByRole("link", { name: dressed.tag, exact: true }),
    page.getByRole("button", { name: de.comments.submit }),
  ];
  for (const target of targets) {
    // Tab until it has the focus, as a keyboard reader would get there (:focus-visible).
    for (let i = 0; i < 80 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(target).toBeFocused();
    const outline = await target.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor };
    });
    expect(outline.style).toBe("solid");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    expect(outline.colour).not.toBe("rgba(0, 0, 0, 0)");
  }
});
