// A printed article is the article: the print stylesheet drops navigation, search, the comment
// form and the footer, writes out where outside links go and keeps the text in a serif.
import { expect, test } from "../fixtures";
import { messages } from "../i18n";

const de = messages.de;

test("in print, the article stays and the masthead navigation, search and comment form go", async ({ page, factory, runId }) => {
  // An article with every part print has a rule for: a lead image, an outside link, a comment.
  const { url } = await factory.published({
    headline: `Hafenstraße im Druck ${runId}`,
    section: "politik",
    paragraphs: ["Der Stadtrat lässt die Bürger entscheiden.", { text: "Alle Pläne stehen auf der", link: { text: "Beteiligungsplattform der Stadt", href: "https://www.example.org/elbstadt/hafenstrasse" } }],
    leadImage: { caption: "Die Hafenstraße zwischen Altstadt und Kai.", alt: "Eine breite Straße vor bunten Giebelhäusern" },
    comments: [{ name: `Margit ${runId}`, text: "Endlich dürfen wir mitreden." }],
  });
  await page.goto(url);
  const nav = page.getByRole("navigation", { name: de.site.sectionsNav });
  const commentForm = page.getByRole("form", { name: de.comments.formHeading });
  const search = page.getByRole("banner").getByRole("search");
  const footer = page.getByRole("contentinfo");
  // On screen, all of it is there: hiding it in print is the stylesheet's doing.
  for (const part of [nav, commentForm, search, footer]) await expect(part).toBeVisible();

  await page.emulateMedia({ media: "print" });
  for (const part of [nav, commentForm, search, footer]) await expect(part).toBeHidden();
  const article = page.getByRole("article");
  await expect(article.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("figure.article__lead img")).toBeVisible();
  await expect(page.getByText(`Margit ${runId}`)).toBeVisible(); // approved comments are part of the record

  const body = page.locator(".article__body");
  expect(await body.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/Georgia|serif/);
  expect(await page.locator("body").evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
  // The body's link to the city's platform is written out; an internal link (the section) is not.
  const external = page.locator(".article__body").getByRole("link", { name: "Beteiligungsplattform der Stadt" });
  const after = (el: Element) => getComputedStyle(el, "::after").content;
  expect(await external.evaluate(after)).toBe('" (https://www.example.org/elbstadt/hafenstrasse)"');
  expect(await article.getByRole("link", { name: "Politik", exact: true }).evaluate(after)).toBe("none");
  const lead = await page.locator("figure.article__lead img").boundingBox();
  expect(lead!.height).toBeLessThan(400); // 9 cm at 96 px/in is 340 px

  // For a person to look at: what the printer gets (an A4 page is 794 px wide at 96 px/in).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: test.info().outputPath("article-print.png"), fullPage: true });
  await page.pdf({ path: test.info().outputPath("article-print.pdf"), format: "A4" });
});
