import type { Locator, Page } from "@playwright/test";

/** The desk's article editor, as a journalist or editor uses it. No assertions here. */
export class ArticleEditorPage {
  readonly headline: Locator;
  readonly standfirst: Locator;
  readonly section: Locator;
  readonly body: Locator;
  readonly saveStatus: Locator;

  constructor(private readonly page: Page) {
    this.headline = page.getByLabel("Headline");
    this.standfirst = page.getByLabel("Standfirst");
    this.section = page.getByLabel("Section");
    this.body = page.getByRole("textbox", { name: "Article text" });
    this.saveStatus = page.getByRole("status").filter({ hasText: /Saved|Saving|Unsaved|No changes|Not saved|Conflict/ });
  }

  async gotoNew() {
    await this.page.goto("/desk/articles/new");
    await this.body.waitFor();
  }

  button(name: string | RegExp) {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }

  async format(name: string) {
    await this.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name, exact: true }).click();
  }

  /** Types a structured body: a paragraph, a heading, bold text, a list, a quote and a link. */
  async writeStructuredBody(parts: { intro: string; heading: string; bold: string; items: string[]; quote: string; linkText: string; href: string }) {
    const kb = this.page.keyboard;
    await this.body.click();
    await kb.type(parts.intro);
    await kb.press("Enter");
    await this.format("Heading 2");
    await kb.type(parts.heading);
    await kb.press("Enter");
    await kb.type("Davor ");
    await kb.press("ControlOrMeta+b");
    await kb.type(parts.bold);
    await kb.press("ControlOrMeta+b");
    await kb.type(" danach.");
    await kb.press("Enter");
    await this.format("Bullet list");
    for (const [i, item] of parts.items.entries()) {
      await kb.type(item);
      await kb.press("Enter");
      if (i === parts.items.length - 1) await kb.press("Enter"); // leave the list
    }
    await this.format("Quote");
    await kb.type(parts.quote);
    await kb.press("Enter");
    await kb.press("Enter"); // leave the quote
    await kb.type(parts.linkText);
    for (let i = 0; i < parts.linkText.length; i++) await kb.press("Shift+ArrowLeft");
    await this.format("Link");
    await this.page.getByLabel("Link address").fill(parts.href);
    await this.page.getByRole("button", { name: "Apply link" }).click();
  }
}
