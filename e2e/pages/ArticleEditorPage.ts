import { expect, type Locator, type Page } from "@playwright/test";
import { messages, type Messages } from "../i18n";

/** The desk's article editor, as a journalist or editor uses it. No assertions here, except waiting for the editor to have a selection. */
export class ArticleEditorPage {
  readonly m: Messages["editor"];
  readonly headline: Locator;
  readonly standfirst: Locator;
  readonly section: Locator;
  readonly language: Locator;
  readonly body: Locator;
  readonly saveStatus: Locator;

  constructor(
    private readonly page: Page,
    ui: "de" | "en" = "en",
  ) {
    const m = (this.m = messages[ui].editor);
    this.headline = page.getByLabel(m.headline, { exact: true });
    this.standfirst = page.getByLabel(m.standfirst, { exact: true });
    this.section = page.getByLabel(m.section, { exact: true });
    this.language = page.getByLabel(m.language, { exact: true });
    this.body = page.getByRole("textbox", { name: m.articleText });
    this.saveStatus = page.locator(".save-status");
  }

  async gotoNew() {
    await this.page.goto("/desk/articles/new");
    await this.body.waitFor();
  }

  button(name: string) {
    return this.page.getByRole("button", { name, exact: true });
  }

  async format(name: string) {
    // Buttons are named by what they do; exact, so "Quote" does not also match "Pull quote".
    await this.page.getByRole("toolbar", { name: this.m.toolbar }).getByRole("button", { name, exact: true }).click();
  }

  /** Types a structured body: a paragraph, a heading, bold text, a list, a quote and a link. */
  async writeStructuredBody(parts: { intro: string; heading: string; bold: string; items: readonly string[]; quote: string; linkText: string; href: string }) {
    const kb = this.page.keyboard;
    await this.body.click();
    await kb.type(parts.intro);
    await kb.press("Enter");
    await this.format(this.m.heading2);
    await kb.type(parts.heading);
    await kb.press("Enter");
    await kb.type("— ");
    await kb.press("ControlOrMeta+b");
    await kb.type(parts.bold);
    await kb.press("ControlOrMeta+b");
    await kb.type(" —");
    await kb.press("Enter");
    await this.format(this.m.bulletList);
    for (const [i, item] of parts.items.entries()) {
      await kb.type(item);
      await kb.press("Enter");
      if (i === parts.items.length - 1) await kb.press("Enter"); // leave the list
    }
    // Type the quotation, then make its paragraph a quote, as editors usually do.
    await kb.type(parts.quote);
    await this.format(this.m.quote);
    await this.body.locator("blockquote").filter({ hasText: parts.quote }).waitFor();
    await kb.press("End");
    await kb.press("Enter");
    await kb.press("Enter"); // leave the quote
    await kb.type(parts.linkText);
    for (let i = 0; i < parts.linkText.length; i++) await kb.press("Shift+ArrowLeft");
    await this.format(this.m.link);
    await this.page.getByLabel(this.m.linkAddress).fill(parts.href);
    await this.page.getByRole("button", { name: this.m.applyLink }).click();
  }

  /**
   * Selects `text`, which ends just before the cursor, with Shift+Left — checking what the
   * editor itself has selected: on a loaded machine a re-render (the save status, say) can land
   * between two presses and reset the selection. (TipTap hangs its editor on the editable element.)
   */
  async selectBackwards(text: string) {
    const selected = () => this.selectedText();
    await expect
      .poll(
        async () => {
          const now = await selected();
          if (now === text) return now;
          await this.page.keyboard.press(text.endsWith(now) ? "Shift+ArrowLeft" : "End");
          return selected();
        },
        { timeout: 30_000, intervals: [50] },
      )
      .toBe(text);
  }

  /**
   * End, then wait until the editor itself has taken the collapsed cursor: a key pressed while it
   * still holds an older selection (a link just made, say) would replace the selected words.
   */
  async pressEnd() {
    await this.page.keyboard.press("End");
    await expect.poll(() => this.selectedText(), { timeout: 30_000, intervals: [50] }).toBe("");
  }

  /** The text the editor has selected, as TipTap (hung on the editable element) sees it. */
  private selectedText() {
    return this.page.evaluate(() => {
      type Tiptap = { state: { doc: { textBetween(a: number, b: number): string }; selection: { from: number; to: number } } };
      const tiptap = (document.querySelector(".ProseMirror") as unknown as { editor?: Tiptap } | null)?.editor;
      return tiptap ? tiptap.state.doc.textBetween(tiptap.state.selection.from, tiptap.state.selection.to) : "";
    });
  }
}
