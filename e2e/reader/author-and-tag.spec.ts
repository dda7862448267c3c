// From an article, readers follow the byline to the author's page (photo, biography, her articles)
// and a tag to its topic page.
import { expect, test } from "../fixtures";
import { messages } from "../i18n";

const site = messages.de.site;

test("byline and tag links lead to the author's page (photo, biography) and the topic's, each listing their articles", async ({ page, factory, runId }) => {
  // Written by the demo journalist, whose account has a photo and a biography on its profile.
  const headline = `Neue Radwege am Kai ${runId}`;
  const tag = `Radverkehr ${runId}`;
  const { url } = await factory.published({ headline, section: "politik", tags: [tag] });
  await page.goto(url);
  const article = page.getByRole("article");

  await article.getByRole("link", { name: "Lena Kämpfer", exact: true }).click();
  await expect(page).toHaveURL(/\/authors\/lena-kaempfer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lena Kämpfer");
  await expect(page.getByRole("img", { name: "Porträt von Lena Kämpfer" })).toBeVisible();
  await expect(page.getByText("Reporterin für Stadt, Wirtschaft und Wissenschaft.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: site.authorArticles.replace("{name}", "Lena Kämpfer") })).toBeVisible();
  // Her newest article leads the list.
  await expect(page.getByRole("link", { name: headline })).toBeVisible();

  await page.getByRole("link", { name: headline }).click();
  await page.getByRole("article").getByRole("link", { name: tag, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/radverkehr-${runId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tag);
  await expect(page.getByRole("link", { name: headline })).toBeVisible();

  const missing = await page.request.get("/authors/niemand");
  expect(missing.status()).toBe(404);
});
