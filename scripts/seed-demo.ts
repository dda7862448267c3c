// Seeds the demo newsroom through the real data verbs (so the demo obeys the same rules
// as the app), then backdates publication times so the front page looks lived-in.
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { createArticle } from "@/db/articles/create";
import { publishArticle } from "@/db/articles/publish";
import { saveArticle } from "@/db/articles/save";
import { submitArticle } from "@/db/articles/submit";
import { SYSTEM_VIEWER } from "@/db/context";
import { createSection } from "@/db/sections/create";
import { articleAuthors, articles, publications } from "@/db/schema";
import { setSecondFactorRoles } from "@/db/settings/second-factor-roles";
import { createUser } from "@/db/users/create";
import type { Viewer } from "@/lib/permissions";
import { DEMO_ARTICLES } from "./demo-content";
import { DRESSED_ARTICLE_KEY, seedDemoComments, seedDemoLeadImage, seedDemoLiveBlog, seedDemoPicture, seedDemoPortrait } from "./demo-extras";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./env";

export const SECTIONS = [
  { name: "Politik", slug: "politik" },
  { name: "Wirtschaft", slug: "wirtschaft" },
  { name: "Kultur", slug: "kultur" },
  { name: "Wissen", slug: "wissen" },
  { name: "Sport", slug: "sport" },
];

export async function seedDemo(): Promise<void> {
  const system = { viewer: SYSTEM_VIEWER };
  const sectionIds = new Map<string, number>();
  for (const [position, s] of SECTIONS.entries()) {
    const row = await createSection({ ctx: system, input: { name: s.name, position } });
    sectionIds.set(s.slug, row.id);
  }
  const people = new Map<string, Viewer>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createUser({ ctx: system, input: { ...account, password: DEMO_PASSWORD } });
    people.set(account.role, { id: user.id, role: user.role, name: user.name });
  }
  const editor = people.get("editor")!;
  const reporter = DEMO_ACCOUNTS.find((a) => a.role === "journalist")!;
  await seedDemoPortrait(people.get("journalist")!, reporter.bio);
  // The demo's shared logins (printed by `npm start`) sign in with the password alone; a real
  // newsroom starts with a second factor required for admins and editors (db/settings). An admin
  // turns it on under Users › Two-factor sign-in.
  await setSecondFactorRoles({ ctx: system, input: { roles: [] } });

  const created = new Map<string, { id: number; version: number }>();
  for (const demo of DEMO_ARTICLES) {
    const author = people.get(demo.author)!;
    const input = {
      headline: demo.headline,
      standfirst: demo.standfirst,
      sectionId: sectionIds.get(demo.section)!,
      language: demo.language,
      body: demo.body,
    };
    const row = await createArticle({ ctx: { viewer: author }, input });
    if (demo.coAuthor) {
      const co = people.get(demo.coAuthor)!;
      const db = await getDb();
      await db.insert(articleAuthors).values({ articleId: row.id, userId: co.id, position: 1 }).onConflictDoNothing();
    }
    created.set(demo.key, { id: row.id, version: row.version });
  }
  const leadImage = await seedDemoLeadImage(editor);
  // Tags and related links, now that every article has an id.
  for (const [index, demo] of DEMO_ARTICLES.entries()) {
    const target = created.get(demo.key)!;
    // Every article has a picture; the dressed one its own (reader journeys check its caption).
    const picture = demo.key === DRESSED_ARTICLE_KEY ? leadImage : await seedDemoPicture(editor, index + 1, demo.language === "de" ? "Symbolbild: Straßenzug in Elbstadt" : "Stock illustration: a street in Elbstadt");
    const related = demo.related.map((r) =>
      "key" in r ? { articleId: created.get(r.key)!.id, title: r.title } : { url: r.url, title: r.title },
    );
    const saved = await saveArticle({
      ctx: { viewer: people.get(demo.author)! },
      input: {
        id: target.id,
        version: target.version,
        headline: demo.headline,
        standfirst: demo.standfirst,
        sectionId: sectionIds.get(demo.section)!,
        language: demo.language,
        body: demo.body,
        tags: demo.tags,
        related,
        ...picture,
      },
    });
    target.version = saved.version;
  }
  // Publish oldest first, articles without internal related links before those with them,
  // so every "Related" link points at something already live.
  const toPublish = DEMO_ARTICLES.filter((d) => d.status === "published").sort(
    (a, b) => Number(a.related.some((r) => "key" in r)) - Number(b.related.some((r) => "key" in r)) || b.hoursAgo - a.hoursAgo,
  );
  for (const demo of toPublish) {
    const target = created.get(demo.key)!;
    await publishArticle({ ctx: { viewer: editor }, input: { id: target.id, version: target.version } });
  }
  for (const demo of DEMO_ARTICLES.filter((d) => d.status === "in_review")) {
    const target = created.get(demo.key)!;
    await submitArticle({ ctx: { viewer: people.get(demo.author)! }, input: { id: target.id, version: target.version } });
  }
  const db = await getDb();
  for (const demo of DEMO_ARTICLES) {
    const { id } = created.get(demo.key)!;
    const at = sql`now() - make_interval(hours => ${demo.hoursAgo})`;
    await db.update(publications).set({ publishedAt: at, updatedAt: at, visibleFrom: at }).where(eq(publications.articleId, id));
    await db.update(articles).set({ updatedAt: at, createdAt: at }).where(eq(articles.id, id));
  }
  await seedDemoComments(created.get(DRESSED_ARTICLE_KEY)!.id, editor);
  // Published now, after the backdating: the live blog is the newest story, as a running one is.
  await seedDemoLiveBlog(sectionIds.get("politik")!, people.get("journalist")!, editor);
}
