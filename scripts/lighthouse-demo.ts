// The newsroom `npm run lighthouse` measures: the demo, plus an archive of older articles so the
// front page's list has a page 2 (the demo alone fills one page), plus one unpublished article
// whose address answers 410 Gone. Everything goes through the data verbs, in this process, before
// the server opens the embedded database (one process per data folder).
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb, getHandle } from "@/db/client";
import { createArticle } from "@/db/articles/create";
import { publishArticle } from "@/db/articles/publish";
import { unpublishArticle } from "@/db/articles/unpublish";
import { sections, publications, users } from "@/db/schema";
import type { Viewer } from "@/lib/permissions";
import { articleBody, headline, rng, standfirst } from "./bench/content";
import { seedDemoPicture } from "./demo-extras";
import { seedDemo } from "./seed-demo";

/** Older articles than the demo's own: 24 of them give the front page's list (20 a page) a page 2. */
const ARCHIVE = 24;

async function viewerByRole(role: "editor" | "journalist"): Promise<Viewer> {
  const db = await getDb();
  const [u] = await db.select({ id: users.id, role: users.role, name: users.name }).from(users).where(eq(users.role, role)).limit(1);
  return u;
}

/** Seeds a fresh embedded database; returns the addresses of a list page N and of a 410. */
export async function seedLighthouseDemo(): Promise<{ listPage: string; gone: string }> {
  await getHandle();
  await seedDemo();
  const db = await getDb();
  const [editor, journalist] = [await viewerByRole("editor"), await viewerByRole("journalist")];
  const sectionRows = await db.select({ id: sections.id }).from(sections).orderBy(sections.position);
  // One picture for the whole archive: what the list pages load is the same either way.
  const picture = await seedDemoPicture(editor, 3, "Symbolbild: Straßenzug in Elbstadt");
  const r = rng(16);
  let gone = "";
  for (let i = 0; i < ARCHIVE; i++) {
    const made = await createArticle({
      ctx: { viewer: journalist },
      input: { ...picture, headline: headline(r, "de"), standfirst: standfirst(r, "de"), sectionId: sectionRows[i % sectionRows.length].id, language: "de", body: articleBody(r, "de", 300) },
    });
    const published = await publishArticle({ ctx: { viewer: editor }, input: { id: made.id, version: made.version } });
    // Two to six days old: the demo's own articles (all younger) stay on top.
    const at = sql`now() - make_interval(hours => ${48 + i * 4})`;
    await db.update(publications).set({ publishedAt: at, updatedAt: at, visibleFrom: at }).where(eq(publications.articleId, made.id));
    if (i === ARCHIVE - 1) {
      await unpublishArticle({ ctx: { viewer: editor }, input: { id: made.id, version: published.version } });
      gone = published.url;
    }
  }
  await closeDb();
  return { listPage: "/p/2", gone };
}
