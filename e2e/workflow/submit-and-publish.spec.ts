// The thin path through the product, once with a German desk and once with an English one:
// a journalist writes and submits, an editor publishes, a reader reads — each in their own
// browser session. The reader page speaks the article's language.
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";
import { currentEngine } from "../paths";

const journeys = {
  de: {
    headline: "Bürgerhaus öffnet „Straßenküche“",
    slug: /\/politik\/buergerhaus-oeffnet-strassenkueche-\d+$/,
    section: "Politik",
    language: "Deutsch",
    standfirst: "Ab Montag gibt es warmes Essen für alle im Viertel.",
    body: {
      intro: 'Das Bürgerhaus am Markt -- mitten im Viertel -- öffnet eine "Küche für alle".',
      heading: "Wer dahintersteht",
      bold: "dreißig Freiwillige",
      items: ["Montag bis Freitag", "ab 12 Uhr"],
      quote: "„Niemand soll hungrig nach Hause gehen“, sagt die Leiterin.",
      linkText: "Mehr zum Projekt",
      href: "https://example.org/kueche",
    },
    // Straight quotes and "--" typed in the editor come out as German typography.
    typeset: "Das Bürgerhaus am Markt – mitten im Viertel – öffnet eine „Küche für alle“.",
    date: /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}, \d\d:\d\d$/,
  },
  en: {
    headline: "Harbour ferry returns after winter repairs",
    slug: /\/wirtschaft\/harbour-ferry-returns-after-winter-repairs-\d+$/,
    section: "Wirtschaft",
    language: "English",
    standfirst: "The yellow ferry is back on the water from Monday.",
    body: {
      intro: 'The "yellow ferry" across the harbour -- idle since March -- runs again.',
      heading: "What changes",
      bold: "every twenty minutes",
      items: ["Weekdays from 6 am", "Weekends from 8 am"],
      quote: "“We missed it more than we expected,” said one commuter.",
      linkText: "Timetable",
      href: "https://example.org/ferry",
    },
    typeset: "The “yellow ferry” across the harbour – idle since March – runs again.",
    date: /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{1,2}:\d\d (am|pm)$/,
  },
} as const;

// Both desk languages, on whichever engine runs the workflow journeys. (Which tests a file
// declares may not depend on the engine: one Playwright run holds both, and a worker learns its
// engine only after loading the file.)
for (const ui of ["de", "en"] as const) {
  test(`journalist drafts and submits, editor publishes, reader reads (${ui} desk)`, async ({ browser }) => {
    const j = journeys[ui];
    const m = messages[ui];
    const headline = `${j.headline} ${Date.now()}`;

    // The journalist writes a structured article and submits it.
    const journalist = await pageAs(browser, "journalist", ui);
    const draft = new ArticleEditorPage(journalist, ui);
    // A new article starts with a short form (headline, section); the draft then exists on the server.
    await journalist.goto("/desk/articles/new");
    await expect(journalist.getByRole("heading", { level: 1, name: m.desk.newTitle })).toBeVisible();
    await draft.gotoNew();
    await draft.headline.fill(headline);
    await draft.standfirst.fill(j.standfirst);
    await draft.section.selectOption({ label: j.section });
    await draft.language.selectOption({ label: ui === "de" ? m.languages.de : m.languages.en });
    await draft.writeStructuredBody(j.body);
    await draft.saved();
    await expect(draft.saveStatus).toHaveText(new RegExp(`^${m.editor.saveSaved.replace("{time}", "\\d\\d:\\d\\d")}$`));
    await expect(journalist).toHaveURL(/\/desk\/articles\/\d+$/);
    const articleUrl = journalist.url();

    // A journalist sees no way to publish.
    await expect(draft.button(m.editor.publish)).toHaveCount(0);
    await draft.button(m.editor.submit).click();
    await expect(journalist.getByText(m.editor.submitted)).toBeVisible();
    await expect(journalist.getByText(m.status.in_review, { exact: true }).first()).toBeVisible();
    await expect(draft.headline).not.toBeEditable();

    // The editor finds it in the review queue and publishes it.
    const editor = await pageAs(browser, "editor", ui);
    await editor.goto("/desk");
    await editor.getByRole("region", { name: new RegExp(m.desk.awaitingReview) }).getByRole("link", { name: headline }).click();
    await expect(editor).toHaveURL(articleUrl);
    const review = new ArticleEditorPage(editor, ui);
    await expect(review.headline).toHaveValue(headline);
    await review.button(m.editor.publish).click();
    await expect(editor.getByText(m.editor.published, { exact: false })).toBeVisible();
    await editor.getByRole("link", { name: m.editor.viewLive }).click();
    await expect(editor).toHaveURL(j.slug);

    // An anonymous reader finds it on the home page and reads it, labelled in the article's language.
    const reader = await readerPage(browser);
    await reader.goto("/");
    await reader.getByRole("link", { name: headline }).click();
    await expect(reader).toHaveURL(j.slug);
    const article = reader.getByRole("article");
    const labels = messages[ui].article; // article language = desk language in this journey
    await expect(article).toHaveAttribute("lang", ui);
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(article.getByText(labels.by, { exact: false }).first()).toBeVisible();
    await expect(article.getByRole("link", { name: "Lena Kämpfer", exact: true })).toHaveAttribute("href", "/authors/lena-kaempfer");
    await expect(article.locator("time").first()).toHaveText(j.date);
    await expect(article.getByRole("paragraph").filter({ hasText: j.typeset })).toHaveText(j.typeset);
    await expect(article.getByRole("heading", { level: 2, name: j.body.heading })).toBeVisible();
    await expect(article.locator("strong")).toHaveText(j.body.bold);
    await expect(article.getByRole("listitem").filter({ hasText: j.body.items[0] })).toBeVisible();
    await expect(article.locator("blockquote")).toHaveText(j.body.quote);
    await expect(article.getByRole("link", { name: j.body.linkText })).toHaveAttribute("href", j.body.href);
    await reader.screenshot({ path: `test-results/reader-article-${ui}-${currentEngine()}.png`, fullPage: true });
  });
}
