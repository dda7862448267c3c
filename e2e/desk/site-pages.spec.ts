// The imprint and privacy pages: an administrator edits the imprint in the desk and readers see
// it at once; an empty title is refused beside the field, keeping what was typed; others may not.
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";

const m = messages.en.sitePages;

test("an administrator edits the imprint; readers see it at once; an empty title is refused at the field", async ({ browser, runId }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/desk/site-pages");
  const imprint = admin.getByRole("region", { name: "/impressum" });
  const title = imprint.getByLabel(m.titleLabel);
  const text = imprint.getByLabel(m.bodyLabel);
  const original = { title: await title.inputValue(), body: await text.inputValue() };

  // Nothing saved from a form with no title; the text typed stays in the field.
  const body = `Copydesk-Redaktion ${runId}\n\nVerantwortlich: Henrike Albers, „Hafenstraße 1“, 20457 Elbstadt`;
  await title.fill("");
  await text.fill(body);
  await imprint.getByRole("button", { name: m.save }).click();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(imprint.getByText(messages.en.validation.sitePageTitleRequired)).toBeVisible();
  await expect(text).toHaveValue(body);
  const reader = await readerPage(browser);
  await reader.goto("/impressum");
  await expect(reader.getByRole("main")).not.toContainText(runId);

  // Saved: the page is live, paragraphs as typed.
  await title.fill(`Impressum ${runId}`);
  await imprint.getByRole("button", { name: m.save }).click();
  await expect(imprint.getByRole("status")).toHaveText(m.saved);
  await reader.goto("/impressum");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Impressum ${runId}`);
  await expect(reader.getByRole("main").getByText("Verantwortlich: Henrike Albers, „Hafenstraße 1“, 20457 Elbstadt")).toBeVisible();

  // Put back what was there (other journeys read the footer's pages).
  await title.fill(original.title);
  await text.fill(original.body);
  await imprint.getByRole("button", { name: m.save }).click();
  await expect(imprint.getByRole("status")).toHaveText(m.saved);
});

test("an editor gets a not-allowed page instead of the imprint form", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  await editor.goto("/desk/site-pages");
  await expect(editor.getByText(m.notAllowed)).toBeVisible();
  await expect(editor.getByLabel(m.titleLabel)).toHaveCount(0);
});
