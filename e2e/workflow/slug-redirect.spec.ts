// An editor gives a published article a new address and publishes the update: the old URL
// keeps working for readers and search engines, as a permanent (308) redirect to the new one.
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;

test("publish, change the slug, publish again: the old address redirects (308) to the new one", async ({ browser, baseURL }) => {
  const stamp = Date.now();
  const headline = `Fähre fährt wieder ${stamp}`;
  const editor = await pageAs(browser, "editor");
  const draft = new ArticleEditorPage(editor);
  await draft.gotoNew();
  await draft.headline.fill(headline);
  await draft.section.selectOption({ label: "Wirtschaft" });
  await draft.clickBody();
  await editor.keyboard.type("Die Hafenfähre fährt ab Montag wieder im Zwanzig-Minuten-Takt.");
  await draft.saved();
  await expect(draft.saveStatus).toHaveText(/^Saved/);
  await draft.button(m.editor.publish).click();
  await expect(editor.getByText(m.editor.published)).toBeVisible();
  const oldPath = `/wirtschaft/faehre-faehrt-wieder-${stamp}`;

  const reader = await readerPage(browser);
  expect((await reader.request.get(oldPath, { maxRedirects: 0 })).status()).toBe(200);

  await editor.getByLabel(m.editor.slug, { exact: true }).fill(`hafenfaehre-im-takt-${stamp}`);
  await draft.saved();
  await expect(draft.saveStatus).toHaveText(/^Saved/);
  await draft.button(m.editor.publishUpdate).click();
  const newPath = `/wirtschaft/hafenfaehre-im-takt-${stamp}`;

  // ("Published." is still on screen from the first time, so wait for the reader's side.)
  const redirect = async () => {
    const response = await reader.request.get(`${oldPath}?ref=feed`, { maxRedirects: 0 });
    const locations = response.headersArray().filter((h) => h.name.toLowerCase() === "location");
    return { status: response.status(), locations: locations.map((h) => new URL(h.value, baseURL).pathname + new URL(h.value, baseURL).search) };
  };
  const expected = { status: 308, locations: [`${newPath}?ref=feed`] }; // one Location header, query kept
  await expect.poll(redirect, { timeout: 30_000 }).toEqual(expected);
  for (let i = 0; i < 3; i++) expect(await redirect()).toEqual(expected);
  // A live blog's older pages move with the article: /old/p/2 → /new/p/2.
  const older = await reader.request.get(`${oldPath}/p/2`, { maxRedirects: 0 });
  expect([older.status(), new URL(older.headers()["location"] ?? "/", baseURL).pathname]).toEqual([308, `${newPath}/p/2`]);
  await reader.goto(oldPath);
  await expect(reader).toHaveURL(new RegExp(`${newPath}$`));
  await expect(reader.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(headline);
});
