// Fills a fresh database with a published archive for the benchmark. People and sections go
// through the data verbs; articles in bulk INSERTs, each row shaped exactly like what the
// publish transaction writes: the body is validated and rendered by the same code
// (parseBody → renderBody / bodyText) and the search vector is the same `searchDocument`.
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { SYSTEM_VIEWER } from "@/db/context";
import { searchDocument } from "@/db/publications/snapshot";
import {
  articleAuthors,
  articleEvents,
  articleRevisions,
  articles,
  articleTags,
  comments,
  publications,
  relatedLinks,
  tags,
  type RevisionFields,
} from "@/db/schema";
import { createSection } from "@/db/sections/create";
import { setSecondFactorRoles } from "@/db/settings/second-factor-roles";
import { createUser } from "@/db/users/create";
import { getLiveChanges } from "@/db/live/queries";
import type { Role } from "@/lib/permissions";
import { bodyText, countWords, parseBody, renderBody } from "@/lib/content/body";
import type { PublishedRelated } from "@/lib/reader/types";
import { slugify } from "@/lib/slug";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../env";
import { SECTIONS } from "../seed-demo";
import { seedDemoLiveBlog } from "../demo-extras";
import { articleBody, between, commentText, headline, pick, rng, skewedIndex, standfirst, tagPool } from "./content";

const MORE_JOURNALISTS = [
  "Mira Hoffmann", "Deniz Yılmaz", "Clara Schütz", "Felix Brandt", "Ingrid Olsen", "Tobias Reuter", "Amelie Fuchs", "Samuel Adeyemi", "Greta Lorenz",
];

/** What the benchmark needs to know about the archive it seeded. */
export type SeedInfo = {
  articles: number;
  editor: { email: string; password: string };
  /** Paths of a few articles, chosen so that each measurement has its own. */
  articlePath: string;
  publishArticle: { id: number; path: string };
  freshPaths: string[];
  sectionSlug: string;
  tagSlug: string;
  authorSlug: string;
  searchWord: string;
  approvedComments: number;
  /** A live blog with a few entries (the demo's), whose readers poll /api/live/{id}?since={revision}. */
  live: { id: number; path: string };
  seconds: number;
};

type Placed = { id: number; sectionSlug: string; slug: string; headline: string; full?: boolean };

export async function seedArchive(total: number, log: (line: string) => void): Promise<SeedInfo> {
  const started = performance.now();
  const db = await getDb();
  const system = { viewer: SYSTEM_VIEWER };

  const sections: { id: number; slug: string; name: string }[] = [];
  for (const [position, s] of SECTIONS.entries()) {
    const row = await createSection({ ctx: system, input: { name: s.name, position } });
    sections.push({ id: row.id, slug: row.slug, name: s.name });
  }
  const people: { id: number; name: string; slug: string; role: string }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    people.push(await createUser({ ctx: system, input: { ...account, password: DEMO_PASSWORD } }));
  }
  for (const [i, name] of MORE_JOURNALISTS.entries()) {
    people.push(await createUser({ ctx: system, input: { email: `reporter${i + 1}@copydesk.test`, name, role: "journalist", password: DEMO_PASSWORD } }));
  }
  // The bench and the load test sign in with a password alone (scripts, like the demo's logins):
  // no second factor is required of any role in these throw-away newsrooms.
  await setSecondFactorRoles({ ctx: system, input: { roles: [] } });
  const editor = people.find((p) => p.role === "editor")!;
  const writers = people.filter((p) => p.role !== "admin");

  const pool = tagPool(2000);
  const tagRows: { id: number; name: string; slug: string }[] = [];
  for (let i = 0; i < pool.length; i += 500) {
    const chunk = pool.slice(i, i + 500).map((name) => ({ name, slug: slugify(name) }));
    tagRows.push(...(await db.insert(tags).values(chunk).returning({ id: tags.id, name: tags.name, slug: tags.slug })));
  }
  log(`  ${sections.length} sections, ${people.length} people, ${tagRows.length} tags`);

  log(`  schema, people, sections and tags in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const r = rng(20261124);
  const placed: Placed[] = [];
  const takenSlugs = new Set<string>();
  // Spread over a year, newest last; the exact minute has a little jitter like a real desk.
  const now = Date.now();
  const spanMs = 365 * 24 * 3600 * 1000;
  const BATCH = 200;
  let approvedComments = 0;
  let renderMs = 0;

  function makeDraft(i: number) {
    const lang = r() < 0.7 ? ("de" as const) : ("en" as const);
    const section = pick(r, sections);
    const title = headline(r, lang);
    let slug = slugify(title);
    if (takenSlugs.has(`${section.slug}/${slug}`)) slug = `${slug.slice(0, 70)}-${i + 1}`;
    takenSlugs.add(`${section.slug}/${slug}`);
    const body = articleBody(r, lang);
    const t0 = performance.now();
    const node = parseBody(body);
    const html = renderBody(node);
    const text = bodyText(node);
    renderMs += performance.now() - t0;
    const authors = [pick(r, writers)];
    if (r() < 0.15) {
      const co = pick(r, writers);
      if (co.id !== authors[0].id) authors.push(co);
    }
    const tagIdx = new Set<number>();
    const wanted = between(r, 3, 8);
    while (tagIdx.size < wanted) tagIdx.add(skewedIndex(r, tagRows.length));
    const at = new Date(now - spanMs + Math.floor(((i + r() * 0.8) / total) * spanMs) - 60_000);
    return { i, lang, section, title, slug, body, html, text, authors, tags: [...tagIdx].map((x) => tagRows[x]), at, stand: standfirst(r, lang) };
  }

  for (let start = 0; start < total; start += BATCH) {
    const size = Math.min(BATCH, total - start);
    const drafts: ReturnType<typeof makeDraft>[] = [];
    for (let k = 0; k < size; k++) drafts.push(makeDraft(start + k));

    await db.transaction(async (tx) => {
      const ids = await tx
        .insert(articles)
        .values(
          drafts.map((d) => ({
            sectionId: d.section.id,
            slug: d.slug,
            headline: d.title,
            standfirst: d.stand,
            language: d.lang,
            body: d.body,
            status: "published" as const,
            version: 1,
            publishedVersion: 1,
            wordCount: countWords(d.text),
            createdById: d.authors[0].id,
            updatedById: editor.id,
            createdAt: d.at,
            updatedAt: d.at,
          })),
        )
        .returning({ id: articles.id });

      const authorRows = [];
      const tagLinks = [];
      const linkRows = [];
      const pubRows = [];
      const revisionRows = [];
      const eventRows = [];
      const commentRows = [];
      for (const [k, d] of drafts.entries()) {
        const id = ids[k].id;
        for (const [position, a] of d.authors.entries()) authorRows.push({ articleId: id, userId: a.id, position });
        for (const [position, t] of d.tags.entries()) tagLinks.push({ articleId: id, tagId: t.id, position });
        // Related: earlier (already live) articles and the odd external source.
        const related: PublishedRelated[] = [];
        const relatedFields: RevisionFields["related"] = [];
        const links = placed.length ? between(r, 0, 3) : 0;
        for (let position = 0; position < links; position++) {
          if (r() < 0.75) {
            const target = placed[placed.length - 1 - Math.floor(r() * Math.min(placed.length, 500))];
            if (related.some((x) => x.href === `/${target.sectionSlug}/${target.slug}`)) continue;
            linkRows.push({ articleId: id, position, targetArticleId: target.id, title: target.headline });
            related.push({ title: target.headline, href: `/${target.sectionSlug}/${target.slug}`, external: false });
            relatedFields.push({ articleId: target.id, title: target.headline });
          } else {
            const url = `https://example.org/source/${between(r, 1, 99999)}`;
            const title = d.lang === "de" ? "Hintergrund bei der Quelle" : "Background at the source";
            linkRows.push({ articleId: id, position, url, title });
            related.push({ title, href: url, external: true });
            relatedFields.push({ url, title });
          }
        }
        const snapshot = {
          sectionSlug: d.section.slug,
          sectionName: d.section.name,
          slug: d.slug,
          language: d.lang,
          headline: d.title,
          standfirst: d.stand,
          seoTitle: "",
          seoDescription: "",
          leadImage: null,
          corrections: [],
          bodyHtml: d.html,
          bodyText: d.text,
          bylines: d.authors.map((a) => ({ name: a.name, slug: a.slug })),
          tags: d.tags.map((t) => ({ name: t.name, slug: t.slug })),
          related,
        };
        pubRows.push({ articleId: id, ...snapshot, search: searchDocument(snapshot), publishedAt: d.at, updatedAt: d.at, visibleFrom: d.at, version: 1 });
        const fields: RevisionFields = {
          sectionId: d.section.id,
          slug: d.slug,
          language: d.lang,
          seoTitle: "",
          seoDescription: "",
          leadImage: null,
          authorIds: d.authors.map((a) => a.id),
          tags: d.tags.map((t) => t.name),
          related: relatedFields,
        };
        revisionRows.push({ articleId: id, version: 1, kind: "publish" as const, headline: d.title, standfirst: d.stand, body: d.body, fields, createdById: editor.id, createdAt: d.at, updatedAt: d.at });
        eventRows.push({ articleId: id, actorId: editor.id, action: "publish", fromStatus: "in_review" as const, toStatus: "published" as const, createdAt: d.at });
        // About a fifth of the articles have a discussion.
        if (r() < 0.2) {
          const n = between(r, 1, 6);
          for (let c = 0; c < n; c++) {
            const createdAt = new Date(d.at.getTime() + (c + 1) * 600_000);
            const approved = r() < 0.85;
            if (approved) approvedComments++;
            commentRows.push({
              articleId: id,
              authorName: pick(r, ["Leserin aus Kiel", "Hannes", "M. Schulz", "Reader in Leeds", "Ayşe", "Jan P."]),
              body: commentText(r, d.lang),
              status: approved ? ("approved" as const) : ("pending" as const),
              moderatedById: approved ? editor.id : null,
              moderatedAt: approved ? createdAt : null,
              createdAt,
            });
          }
        }
        // "full": the kind of page the article benchmark wants — related links and a discussion.
        const full = related.length > 0 && commentRows.some((c) => c.articleId === id && c.status === "approved");
        placed.push({ id, sectionSlug: d.section.slug, slug: d.slug, headline: d.title, full });
      }
      await tx.insert(articleAuthors).values(authorRows);
      await tx.insert(articleTags).values(tagLinks);
      if (linkRows.length) await tx.insert(relatedLinks).values(linkRows);
      await tx.insert(publications).values(pubRows);
      await tx.insert(articleRevisions).values(revisionRows);
      await tx.insert(articleEvents).values(eventRows);
      if (commentRows.length) await tx.insert(comments).values(commentRows);
    });
    if ((start / BATCH) % 10 === 9 || start + size >= total) {
      const s = (performance.now() - started) / 1000;
      log(`  ${start + size} articles (${s.toFixed(1)} s, ${Math.round((start + size) / s)} a second)`);
    }
  }
  // Fresh statistics, as autovacuum would have them on a real archive.
  await db.execute(sql`analyze`);
  log(`  rendering bodies: ${(renderMs / 1000).toFixed(1)} s of that`);

  // The live blog readers hold open while entries are published (the bench's live case).
  const reporter = writers.find((w) => w.role === "journalist")!;
  const as = (p: (typeof people)[number]) => ({ id: p.id, name: p.name, role: p.role as Role });
  const liveId = await seedDemoLiveBlog(sections[0].id, as(reporter), as(editor));
  const livePath = (await getLiveChanges(liveId, 0))!.path;

  // Pick the measured pages: the newest article with tags and related links, a popular tag,
  // an author with many bylines, and untouched articles for cache-miss timings.
  const newest = placed.findLast((p) => p.full) ?? placed[placed.length - 1];
  const publishTarget = placed.findLast((p) => p !== newest)!;
  const fresh = placed.slice(Math.floor(placed.length / 3), Math.floor(placed.length / 3) + 40).map((p) => `/${p.sectionSlug}/${p.slug}`);
  const topTag = tagRows[0];
  const author = writers.find((w) => w.role === "journalist")!;
  return {
    articles: total,
    editor: { email: DEMO_ACCOUNTS.find((a) => a.role === "editor")!.email, password: DEMO_PASSWORD },
    articlePath: `/${newest.sectionSlug}/${newest.slug}`,
    publishArticle: { id: publishTarget.id, path: `/${publishTarget.sectionSlug}/${publishTarget.slug}` },
    freshPaths: fresh,
    sectionSlug: newest.sectionSlug,
    tagSlug: topTag.slug,
    authorSlug: author.slug,
    searchWord: "Wohnung",
    approvedComments,
    live: { id: liveId, path: livePath },
    seconds: (performance.now() - started) / 1000,
  };
}
