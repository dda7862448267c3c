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

  /**
   * Starts a draft and opens its shared editor. The start form asks for a headline and a section
   * (the data layer still wants both to create an article); journeys overwrite them as they go.
   */
  async gotoNew(headline = "Neuer Entwurf") {
    await this.page.goto("/desk/articles/new");
    await this.headline.fill(headline);
    await this.section.selectOption({ index: 1 });
    await this.page.getByRole("button", { name: this.m.startWriting }).click();
    await this.page.waitForURL(/\/desk\/articles\/\d+$/);
    // Ready to type, as a person sees it ("Connecting…" gone): keys pressed before went nowhere
    // (the keyboard journey once lost "Tastatur ohne" of its headline on a loaded machine).
    await expect(this.body).toBeEditable();
  }

  /**
   * A new draft with a headline, a section (its label) and one paragraph, saved by itself;
   * returns the draft's desk address. For a journey about what happens next; journeys about
   * writing itself type their own.
   */
  async createDraft({ headline, section = "Politik", text = "Ein Absatz." }: { headline: string; section?: string; text?: string }): Promise<string> {
    await this.page.goto("/desk/articles/new");
    await this.headline.fill(headline);
    await this.section.selectOption({ label: section });
    await this.page.getByRole("button", { name: this.m.startWriting }).click();
    await this.page.waitForURL(/\/desk\/articles\/\d+$/);
    await this.clickBody();
    await this.page.keyboard.type(text);
    await expect(this.saveStatus).toHaveText(new RegExp(`^${this.m.saveSaved.replace("{time}", "\\d\\d:\\d\\d")}$`));
    return this.page.url();
  }

  /**
   * Clicks into the article text once it can be typed into: the editor opens read-only and becomes
   * editable when the document has arrived and the server allows this person to write (the status
   * line says "Connecting…" until then; the text says aria-readonly, which toBeEditable reads). A person waits for the text to appear; keys pressed
   * before would go nowhere.
   */
  async clickBody() {
    await expect(this.body).toBeEditable();
    await this.body.click();
  }

  /** The body's text as written: without other people's carets (CollaborationCaret puts a name label into the text). */
  writtenText(): Promise<string> {
    return this.body.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return copy.textContent ?? "";
    });
  }

  /** Everything saves by itself: waits until the status says the database holds this person's changes. */
  async saved() {
    const savedAt = this.m.saveSaved.replace("{time}", "\\d\\d:\\d\\d");
    await expect(this.saveStatus).toHaveText(new RegExp(`^(${savedAt}|${this.m.saveIdle})$`));
  }

  /** Submits the article for review (a journalist) and waits for the confirmation. */
  async submit() {
    await this.button(this.m.submit).click();
    await this.page.getByText(this.m.submitted).first().waitFor();
  }

  /** Publishes the article as it is (an editor) and waits for the confirmation. */
  async publish() {
    await this.button(this.m.publish).click();
    await this.page.getByText(this.m.published).first().waitFor();
  }

  /** Publishes the saved changes of a published article (an editor) and waits for the confirmation. */
  async publishUpdate() {
    await this.button(this.m.publishUpdate).click();
    await this.page.getByText(this.m.published).first().waitFor();
  }

  /** Takes a published article off the site (an editor), confirmed, and waits until it says so. */
  async unpublish() {
    await this.button(this.m.unpublish).click();
    await this.button(this.m.unpublishConfirm).click();
    await this.page.getByText(this.m.unpublished).first().waitFor();
  }

  /** Schedules the article for `wallClock` (the newsroom's time, as the field takes it) and waits for the confirmation. */
  async schedule(wallClock: string) {
    await this.button(this.m.schedule).click();
    await this.page.getByLabel(this.m.scheduleAt.split(" (")[0]).fill(wallClock); // "Publish at (newsroom time, …)"
    await this.button(this.m.scheduleConfirm).click();
    await this.page.getByRole("status").filter({ hasText: this.m.scheduledFor.split(" {")[0] }).first().waitFor();
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
    await this.clickBody();
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

/** The characters of `text` from one person's own alphabet, in their order (co-editing journeys give each typist an alphabet of their own). */
export const typedBy = (text: string, alphabet: string) => [...text].filter((c) => alphabet.includes(c)).join("");
