import type { Locator, Page } from "@playwright/test";
import { messages, type Messages } from "../i18n";

/** The live blog panel under the article editor (components/desk/LiveBlogPanel.tsx). No assertions. */
export class LiveBlogPanel {
  readonly m: Messages["live"];
  readonly region: Locator;

  constructor(
    private readonly page: Page,
    ui: "de" | "en" = "en",
  ) {
    this.m = messages[ui].live;
    this.region = page.getByRole("region", { name: this.m.heading });
  }

  async goto(editUrl: string) {
    await this.page.goto(editUrl);
    await this.region.waitFor();
  }

  button(name: string) {
    return this.region.getByRole("button", { name, exact: true });
  }

  async makeLive() {
    await this.button(this.m.makeLive).click();
  }

  async allowPublisher(name: string) {
    await this.region.getByRole("checkbox", { name }).check();
    await this.button(this.m.savePublishers).click();
  }

  /** Writes a new entry and saves it as a draft or publishes it at once; a "\n" in `text` is Enter. */
  async write(title: string, text: string, intent: "draft" | "publish") {
    const form = this.region.getByRole("form", { name: this.m.newEntry });
    await form.getByLabel(this.m.entryTitle).fill(title);
    const body = form.getByRole("textbox", { name: this.m.entryText });
    await body.click();
    for (const [i, line] of text.split("\n").entries()) {
      if (i > 0) await this.page.keyboard.press("Enter");
      await this.page.keyboard.type(line);
    }
    await form.getByRole("button", { name: intent === "publish" ? this.m.publishNow : this.m.saveDraft, exact: true }).click();
  }

  entry(title: string) {
    return this.region.getByRole("article", { name: title });
  }

  async publish(title: string) {
    await this.button(this.m.publishNamed.replace("{name}", title)).click();
  }

  async pin(title: string) {
    await this.button(`${this.m.pin}: ${title}`).click();
  }

  async markKeyEvent(title: string) {
    await this.button(`${this.m.markKeyEvent}: ${title}`).click();
  }

  async edit(title: string, extra: string) {
    await this.button(this.m.editNamed.replace("{name}", title)).click();
    const form = this.region.getByRole("form", { name: this.m.editEntryNamed.replace("{name}", title) });
    await form.getByRole("textbox", { name: this.m.entryText }).click();
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(extra);
    await form.getByRole("button", { name: this.m.saveChanges }).click();
  }

  async end() {
    await this.button(this.m.end).click();
  }
}
