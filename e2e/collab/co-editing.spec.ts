// Writing together (issue 14): several people in one article at once, in real browsers, through
// the collaboration server. Nothing typed is lost, nobody sees a dialog, and what the screens show
// is what the database's working copy holds (read back through the desk's preview page).
import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import { expect, pageAs, test } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage, typedBy } from "../pages/ArticleEditorPage";
import { SignInPage } from "../pages/SignInPage";
import { UsersPage } from "../pages/UsersPage";

const m = messages.en;
// The issue asks for 30 s of concurrent typing; CI keeps it modest. COPYDESK_E2E_COEDIT_SECONDS=30 runs it in full.
const TYPING_SECONDS = Number(process.env.COPYDESK_E2E_COEDIT_SECONDS || 12);
// Several signed-in browsers per journey on a busy 2-core machine: a generous limit (behaviour, never speed).
test.describe.configure({ timeout: 300_000 });

/** Opens the new-article form and lands in the shared editor of the created draft. */
async function startArticle(page: Page, headline: string, section = "Kultur") {
  const editor = new ArticleEditorPage(page);
  await page.goto("/desk/articles/new");
  await editor.headline.fill(headline);
  await editor.section.selectOption({ label: section });
  await page.getByRole("button", { name: m.editor.startWriting }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expectWritable(editor);
  return editor;
}

async function open(page: Page, url: string) {
  await page.goto(url);
  const editor = new ArticleEditorPage(page);
  await editor.body.waitFor();
  return editor;
}

async function expectWritable(editor: ArticleEditorPage) {
  await expect(editor.body).toBeEditable();
}

/** What the database's working copy says, through the desk's preview (the reader's own component). */
async function storedCopy(page: Page, articleId: string) {
  const preview = await page.context().newPage();
  await preview.goto(`/desk/articles/${articleId}/preview`);
  const article = preview.locator(".preview-frame article");
  const copy = { headline: (await article.locator("h1").textContent())?.trim() ?? "", text: (await article.locator(".article__body").textContent()) ?? "" };
  await preview.close();
  return copy;
}

async function newJournalist(browser: Browser, name: string) {
  const admin = await pageAs(browser, "admin");
  const users = new UsersPage(admin);
  await users.goto();
  const email = `coedit-${Date.now()}@copydesk.test`;
  await users.create(name, email, "journalist");
  await expect(users.createStatus).toContainText(name);
  const password = (await users.temporaryPassword(users.createStatus).textContent())!.trim();
  await admin.context().close();
  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, password);
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

test("two journalists on one byline and an editor type into the same paragraph, headline and tags at once: all end identical and whole", async ({ browser }) => {
  const secondName = `Mara Zweite ${Date.now()}`;
  const second = await newJournalist(browser, secondName);
  const first = await pageAs(browser, "journalist");
  // The people's alphabets are counted in the headline after this start (it has letters of theirs).
  const start = "Gemeinsam"; // (the start form trims what it is given)
  const a = await startArticle(first, start);
  const url = first.url();
  const articleId = url.split("/").pop()!;
  // Shared byline: the second journalist may edit the draft too.
  const byline = first.getByRole("group", { name: m.editor.bylines });
  await byline.getByLabel(m.editor.addByline).selectOption({ label: secondName });
  await byline.getByRole("button", { name: m.editor.addByline }).click();
  await a.clickBody();
  await first.keyboard.type("0: "); // nobody's alphabet

  const editorPage = await pageAs(browser, "editor");
  const b = await open(second, url);
  const e = await open(editorPage, url);
  for (const ed of [b, e]) await expectWritable(ed);
  await expect(b.body).toContainText("0:");

  const people = [
    { page: first, ed: a, alphabet: "abcdefgä", tag: "a" },
    { page: second, ed: b, alphabet: "hijklmnö", tag: "b" },
    { page: editorPage, ed: e, alphabet: "pqrstuvü", tag: "e" },
  ];
  const typed = people.map(() => ({ body: "", headline: "" }));
  const tags = people.map(() => [] as string[]);
  const until = Date.now() + TYPING_SECONDS * 1000;
  await Promise.all(
    people.map(async (p, i) => {
      let round = 0;
      while (Date.now() < until) {
        const chunk = [...Array(6)].map((_, k) => p.alphabet[(round + k) % p.alphabet.length]).join("");
        await p.ed.clickBody();
        await p.page.keyboard.press("ControlOrMeta+End");
        await p.page.keyboard.type(chunk);
        typed[i].body += chunk;
        const word = p.alphabet.slice(round % 4, (round % 4) + 2);
        await p.ed.headline.click();
        await p.page.keyboard.press("End");
        await p.page.keyboard.type(word);
        typed[i].headline += word;
        if (round % 3 === 0) {
          const tag = `tag-${p.tag}${round}`;
          await p.page.getByLabel(m.editor.addTag, { exact: true }).fill(tag);
          await p.page.getByLabel(m.editor.addTag, { exact: true }).press("Enter");
          tags[i].push(tag);
        }
        round++;
      }
    }),
  );

  // Everyone converges on one text that holds every character each person typed, in their order.
  await expect.poll(async () => new Set(await Promise.all(people.map((p) => p.ed.writtenText()))).size, { timeout: 30_000 }).toBe(1);
  await expect.poll(async () => new Set(await Promise.all(people.map((p) => p.ed.headline.inputValue()))).size).toBe(1);
  const body = await a.writtenText();
  const headline = await a.headline.inputValue();
  // Evidence for a person to look at: two of the screens, with presence and carets.
  for (const [name, p] of [["first-journalist", first], ["editor", editorPage]] as const) {
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: test.info().outputPath(`${name}.png`) });
  }
  people.forEach((p, i) => {
    expect(typedBy(body, p.alphabet)).toBe(typed[i].body);
    expect(headline.startsWith(start)).toBe(true);
    expect(typedBy(headline.slice(start.length), p.alphabet)).toBe(typed[i].headline);
  });
  for (const p of people) {
    const chips = p.page.locator(".tag-chip");
    await expect.poll(async () => (await chips.allTextContents()).sort()).toEqual(tags.flat().sort());
    await expect(p.page.getByRole("dialog")).toHaveCount(0);
  }

  // The database holds the same: wait until each person's own changes are stored, then read it back.
  for (const p of people) await expect(p.ed.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 30_000 });
  const stored = await storedCopy(first, articleId);
  expect(stored.headline).toBe(headline.trim());
  expect(typedBy(stored.text, "abcdefgähijklmnöpqrstuvü")).toBe(typedBy(body, "abcdefgähijklmnöpqrstuvü"));
});

test("type, see Saved, go to the dashboard, come back with Back, type more: the text is whole and current", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = await startArticle(page, `Zurück ${Date.now()}`);
  const articleId = page.url().split("/").pop()!;
  await editor.clickBody();
  await page.keyboard.type("Erster Satz über die Brücke.");
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await page.getByRole("link", { name: m.desk.dashboard }).first().click();
  await expect(page).toHaveURL(/\/desk$/);
  await page.goBack();
  await expect(editor.body).toHaveText("Erster Satz über die Brücke.");
  await expectWritable(editor);
  await editor.clickBody();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Zweiter Satz: „Größe zählt“.");
  await expect(editor.body).toHaveText("Erster Satz über die Brücke. Zweiter Satz: „Größe zählt“.");
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const stored = await storedCopy(page, articleId);
  expect(stored.text).toContain("Erster Satz über die Brücke. Zweiter Satz: „Größe zählt“.");
});

async function photo(): Promise<Buffer> {
  const raw = Buffer.alloc(800 * 600 * 3, 120);
  return sharp(raw, { raw: { width: 800, height: 600, channels: 3 } }).jpeg({ quality: 70 }).toBuffer();
}

test("a lead image without credit: the text keeps saving, the credit field says what is missing, submit waits for it", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = await startArticle(page, `Ohne Credit ${Date.now()}`);
  await page.getByRole("button", { name: m.editor.leadImageChoose }).click();
  const picker = page.getByRole("dialog", { name: m.media.pickerTitle });
  await picker.getByLabel(m.media.fileLabel).setInputFiles({ name: `lead-${Date.now()}.jpg`, mimeType: "image/jpeg", buffer: await photo() });
  await expect(picker).toBeHidden({ timeout: 30_000 });
  const credit = page.getByLabel(m.editor.credit, { exact: true });
  await credit.fill("");
  await page.getByLabel(m.editor.altText, { exact: true }).fill("Eine Brücke im Nebel");

  await editor.clickBody();
  await page.keyboard.type("Der Text wird trotzdem gespeichert.");
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await expect(page.getByText(m.validation.creditRequired)).toBeVisible();
  await expect(credit).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: m.editor.submit, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: m.errors.invalid })).toBeVisible();
  await expect(page.locator(".status")).toHaveText(m.status.draft);

  await credit.fill("Foto: Lena Kämpfer");
  await expect(page.getByText(m.validation.creditRequired)).toHaveCount(0);
  await page.getByRole("button", { name: m.editor.submit, exact: true }).click();
  await expect(page.locator(".status")).toHaveText(m.status.in_review);
});

test("offline, 200 characters typed while a colleague types: back online both texts are everywhere and stored", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const a = await startArticle(page, `Offline ${Date.now()}`);
  const articleId = page.url().split("/").pop()!;
  await a.clickBody();
  await page.keyboard.type("Anfang.");
  await page.keyboard.press("Enter");
  const other = await pageAs(browser, "editor");
  const b = await open(other, page.url());
  await expect(b.body).toContainText("Anfang.");

  await page.context().setOffline(true);
  const offlineText = "ö".repeat(100) + "ä".repeat(100);
  await a.clickBody();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(offlineText);
  await expect(a.saveStatus).toHaveText(/^Offline — \d+ changes? kept on this device$/);
  await b.clickBody();
  await other.keyboard.press("ControlOrMeta+Home");
  await other.keyboard.press("End");
  await other.keyboard.type(" Unterdessen im Büro.");

  await page.context().setOffline(false);
  for (const ed of [a, b]) {
    await expect(ed.body).toContainText(offlineText);
    await expect(ed.body).toContainText("Anfang. Unterdessen im Büro.");
  }
  await expect(a.saveStatus).toHaveText(/^Saved/);
  await expect(b.saveStatus).toHaveText(/^Saved/);
  const stored = await storedCopy(page, articleId);
  expect(stored.text).toContain(offlineText);
  expect(stored.text).toContain("Anfang. Unterdessen im Büro.");
});

test("submit makes the author's editor read-only while the editor keeps writing; request changes makes it writable again", async ({ browser }) => {
  const author = await pageAs(browser, "journalist");
  const a = await startArticle(author, `Abgabe ${Date.now()}`);
  await a.clickBody();
  await author.keyboard.type("Fertiger Text.");
  const deskPage = await pageAs(browser, "editor");
  const e = await open(deskPage, author.url());
  await expectWritable(e);

  let typing = true;
  const editorTyping = (async () => {
    await e.clickBody();
    while (typing) {
      await deskPage.keyboard.press("ControlOrMeta+End");
      await deskPage.keyboard.type("x");
    }
  })();
  await author.getByRole("button", { name: m.editor.submit, exact: true }).click();
  const submittedAt = Date.now();
  await expect(a.body).not.toBeEditable();
  test.info().annotations.push({ type: "read-only after submit (ms)", description: String(Date.now() - submittedAt) });
  await expect(a.headline).toHaveAttribute("readonly", "");
  await expect(author.getByText(m.editor.readOnlyInReview)).toBeVisible();
  typing = false;
  await editorTyping;
  // The editor's writing reaches the author's (read-only) screen.
  await expect.poll(() => e.writtenText()).toMatch(/Fertiger Text\.x+/);
  await expect.poll(() => a.writtenText()).toBe(await e.writtenText());

  await deskPage.getByRole("button", { name: m.editor.requestChanges }).click();
  await deskPage.getByLabel(m.editor.changeNote).fill("Bitte den Schluss kürzen.");
  await deskPage.getByRole("button", { name: m.editor.sendBack }).click();
  await expectWritable(a);
  await a.clickBody();
  await author.keyboard.press("ControlOrMeta+End");
  await author.keyboard.type(" Gekürzt.");
  await expect(e.body).toContainText("Gekürzt.");
});
