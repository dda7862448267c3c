// Fills a fresh database with a published archive for the benchmark. People and sections go
// through the data verbs; articles in bulk (PostgreSQL: COPY and INSERT … SELECT; PGlite:
// multi-row INSERTs), each row shaped exactly like what the publish transaction writes: bodies
// are validated and rendered by the same code (parseBody → renderBody / bodyText) and the search
// vector is the same as `searchDocument` makes.
import { sql } from "drizzle-orm";
import pg from "pg";
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
import { copyInto } from "./copy";
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

type Placed = { id: number; sectionSlug: string; slug: string; headline: string; full: boolean };

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
  // The newest articles (related links point at them), and untouched ones for cache-miss timings.
  const recent: Placed[] = [];
  const fresh: Placed[] = [];
  const freshFrom = Math.floor(total / 3);
  const takenSlugs = new Set<string>();
  // Spread over a year, newest last; the exact minute has a little jitter like a real desk.
  const now = Date.now();
  const spanMs = 365 * 24 * 3600 * 1000;
  let approvedComments = 0;

  // Bodies come from a pool rendered once, as publishing renders (parse → HTML, plain text), each
  // used by several articles. Rendering each article's own body was most of the seeding time (a
  // million would take the better part of an hour); pages, the search index and the query plans
  // do not depend on a body being unique. Headlines, slugs, standfirsts, tags, bylines, related
  // links and discussions stay each article's own.
  const renderStarted = performance.now();
  const bodies: Body[] = [];
  for (let key = 0; key < Math.min(total, BODY_POOL); key++) {
    const language = key % 10 < 7 ? ("de" as const) : ("en" as const);
    const body = articleBody(r, language);
    const node = parseBody(body);
    const text = bodyText(node);
    bodies.push({ key, language, body, html: renderBody(node), text, words: countWords(text) });
  }
  const bodiesIn = { de: bodies.filter((b) => b.language === "de"), en: bodies.filter((b) => b.language === "en") };
  log(`  ${bodies.length} bodies rendered in ${((performance.now() - renderStarted) / 1000).toFixed(1)} s`);

  function makeDraft(i: number) {
    const lang = r() < 0.7 ? ("de" as const) : ("en" as const);
    const section = pick(r, sections);
    const title = headline(r, lang);
    let slug = slugify(title);
    if (takenSlugs.has(`${section.slug}/${slug}`)) slug = `${slug.slice(0, 70)}-${i + 1}`;
    takenSlugs.add(`${section.slug}/${slug}`);
    const authors = [pick(r, writers)];
    if (r() < 0.15) {
      const co = pick(r, writers);
      if (co.id !== authors[0].id) authors.push(co);
    }
    const tagIdx = new Set<number>();
    const wanted = between(r, 3, 8);
    while (tagIdx.size < wanted) tagIdx.add(skewedIndex(r, tagRows.length));
    const at = new Date(now - spanMs + Math.floor(((i + r() * 0.8) / total) * spanMs) - 60_000);
    const body = pick(r, bodiesIn[lang].length ? bodiesIn[lang] : bodies);
    return { i, lang, section, title, slug, body, authors, tags: [...tagIdx].map((x) => tagRows[x]), at, stand: standfirst(r, lang) };
  }
  type Draft = ReturnType<typeof makeDraft>;

  /** Every row a batch of drafts becomes besides the article itself, given the articles' ids. */
  function rowsFor(drafts: Draft[], ids: number[]) {
    const authorRows: { articleId: number; userId: number; position: number }[] = [];
    const tagLinks: { articleId: number; tagId: number; position: number }[] = [];
    const linkRows: { articleId: number; position: number; targetArticleId?: number; url?: string; title: string }[] = [];
    const commentRows: (typeof comments.$inferInsert)[] = [];
    const items: { id: number; d: Draft; related: PublishedRelated[]; fields: RevisionFields }[] = [];
    for (const [k, d] of drafts.entries()) {
      const id = ids[k];
      for (const [position, a] of d.authors.entries()) authorRows.push({ articleId: id, userId: a.id, position });
      for (const [position, t] of d.tags.entries()) tagLinks.push({ articleId: id, tagId: t.id, position });
      // Related: earlier (already live) articles and the odd external source.
      const related: PublishedRelated[] = [];
      const relatedFields: RevisionFields["related"] = [];
      const links = recent.length ? between(r, 0, 3) : 0;
      for (let position = 0; position < links; position++) {
        if (r() < 0.75) {
          const target = recent[recent.length - 1 - Math.floor(r() * recent.length)];
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
      items.push({ id, d, related, fields });
      // About a fifth of the articles have a discussion.
      let discussed = false;
      if (r() < 0.2) {
        const n = between(r, 1, 6);
        for (let c = 0; c < n; c++) {
          const createdAt = new Date(d.at.getTime() + (c + 1) * 600_000);
          const approved = r() < 0.85;
          if (approved) approvedComments++;
          discussed ||= approved;
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
      const p = { id, sectionSlug: d.section.slug, slug: d.slug, headline: d.title, full: related.length > 0 && discussed };
      recent.push(p);
      if (recent.length > 500) recent.shift();
      if (d.i >= freshFrom && fresh.length < 40) fresh.push(p);
    }
    return { authorRows, tagLinks, linkRows, commentRows, items };
  }

  const snapshotOf = (d: Draft, related: PublishedRelated[]) => ({
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
    bodyHtml: d.body.html,
    bodyText: d.body.text,
    bylines: d.authors.map((a) => ({ name: a.name, slug: a.slug })),
    tags: d.tags.map((t) => ({ name: t.name, slug: t.slug })),
    related,
  });

  /** One batch through the data layer's tables in multi-row INSERTs (PGlite: no COPY from a socket). */
  async function insertBatch(drafts: Draft[]) {
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
            body: d.body.body,
            status: "published" as const,
            version: 1,
            publishedVersion: 1,
            wordCount: d.body.words,
            createdById: d.authors[0].id,
            updatedById: editor.id,
            createdAt: d.at,
            updatedAt: d.at,
          })),
        )
        .returning({ id: articles.id });
      const rows = rowsFor(
        drafts,
        ids.map((x) => x.id),
      );
      await tx.insert(articleAuthors).values(rows.authorRows);
      await tx.insert(articleTags).values(rows.tagLinks);
      if (rows.linkRows.length) await tx.insert(relatedLinks).values(rows.linkRows);
      await tx.insert(publications).values(
        rows.items.map(({ id, d, related }) => {
          const snapshot = snapshotOf(d, related);
          return { articleId: id, ...snapshot, search: searchDocument(snapshot), publishedAt: d.at, updatedAt: d.at, visibleFrom: d.at, version: 1 };
        }),
      );
      await tx.insert(articleRevisions).values(
        rows.items.map(({ id, d, fields }) => ({ articleId: id, version: 1, kind: "publish" as const, headline: d.title, standfirst: d.stand, body: d.body.body, fields, createdById: editor.id, createdAt: d.at, updatedAt: d.at })),
      );
      await tx.insert(articleEvents).values(
        rows.items.map(({ id, d }) => ({ articleId: id, actorId: editor.id, action: "publish", fromStatus: "in_review" as const, toStatus: "published" as const, createdAt: d.at })),
      );
      if (rows.commentRows.length) await tx.insert(comments).values(rows.commentRows);
    });
  }

  const bulk = process.env.DATABASE_URL?.trim() ? await openBulkWriter(process.env.DATABASE_URL, bodies, editor.id) : null;
  const batchSize = bulk ? COPY_BATCH : INSERT_BATCH;
  let reported = 0;
  try {
    for (let start = 0; start < total; start += batchSize) {
      const size = Math.min(batchSize, total - start);
      const drafts: Draft[] = [];
      for (let k = 0; k < size; k++) drafts.push(makeDraft(start + k));
      if (bulk) await bulk.write(drafts, (ids) => rowsFor(drafts, ids));
      else await insertBatch(drafts);
      if (start + size - reported >= 2000 || start + size >= total) {
        reported = start + size;
        const s = (performance.now() - started) / 1000;
        log(`  ${start + size} articles (${s.toFixed(1)} s, ${Math.round((start + size) / s)} a second)`);
      }
    }
    if (bulk) log(`  of the batches: ${[...bulk.spent].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(", ")}`);
    // Fresh statistics (and with COPY, the indexes and visibility maps), as a real archive has them.
    if (bulk) await bulk.finish(log);
    else await db.execute(sql`analyze`);
  } finally {
    await bulk?.close();
  }

  // The live blog readers hold open while entries are published (the bench's live case).
  const reporter = writers.find((w) => w.role === "journalist")!;
  const as = (p: (typeof people)[number]) => ({ id: p.id, name: p.name, role: p.role as Role });
  const liveId = await seedDemoLiveBlog(sections[0].id, as(reporter), as(editor));
  const livePath = (await getLiveChanges(liveId, 0))!.path;

  // Pick the measured pages: the newest article with tags and related links, a popular tag,
  // an author with many bylines, and untouched articles for cache-miss timings.
  const newest = recent.findLast((p) => p.full) ?? recent[recent.length - 1];
  const publishTarget = recent.findLast((p) => p !== newest)!;
  const topTag = tagRows[0];
  const author = writers.find((w) => w.role === "journalist")!;
  return {
    articles: total,
    editor: { email: DEMO_ACCOUNTS.find((a) => a.role === "editor")!.email, password: DEMO_PASSWORD },
    articlePath: `/${newest.sectionSlug}/${newest.slug}`,
    publishArticle: { id: publishTarget.id, path: `/${publishTarget.sectionSlug}/${publishTarget.slug}` },
    freshPaths: fresh.map((p) => `/${p.sectionSlug}/${p.slug}`),
    sectionSlug: newest.sectionSlug,
    tagSlug: topTag.slug,
    authorSlug: author.slug,
    searchWord: "Wohnung",
    approvedComments,
    live: { id: liveId, path: livePath },
    seconds: (performance.now() - started) / 1000,
  };
}

/** Bodies rendered for the archive; articles share them (see seedArchive). */
const BODY_POOL = 2000;
/** Articles a transaction: multi-row INSERTs (PGlite) stay under the 65,535 parameters a statement may bind. */
const INSERT_BATCH = 200;
/** Articles a transaction with COPY (PostgreSQL). */
const COPY_BATCH = 5000;
const STAGE_COLUMNS = [
  ...["id", "section_id", "section_slug", "section_name", "slug", "headline", "standfirst", "language", "body_key", "author_id", "at"],
  ...["bylines", "tags", "related", "fields", "tag_text"],
];
/** The tables the COPY path writes, whose secondary indexes it builds after loading. */
const BULK_TABLES = ["articles", "article_authors", "article_tags", "related_links", "publications", "article_revisions", "article_events", "comments"];

type Body = { key: number; language: "de" | "en"; body: ReturnType<typeof articleBody>; html: string; text: string; words: number };

type BatchDraft = {
  section: { id: number; slug: string; name: string };
  slug: string;
  title: string;
  stand: string;
  lang: "de" | "en";
  body: Body;
  authors: { id: number; name: string; slug: string }[];
  tags: { name: string; slug: string }[];
  at: Date;
};
type BatchRows = {
  authorRows: { articleId: number; userId: number; position: number }[];
  tagLinks: { articleId: number; tagId: number; position: number }[];
  linkRows: { articleId: number; position: number; targetArticleId?: number; url?: string; title: string }[];
  commentRows: (typeof comments.$inferInsert)[];
  items: { id: number; d: BatchDraft; related: PublishedRelated[]; fields: RevisionFields }[];
};

/**
 * The PostgreSQL seeding path: COPY, then set-based INSERT … SELECT. The bodies go over the wire
 * once (a temporary table, with each body's search vector computed once by PostgreSQL); each
 * batch COPYs its articles' own small fields into a staging table and its link rows straight
 * into their tables, and PostgreSQL writes the big columns (working copy, revision, snapshot)
 * by joining the bodies. The rows are what the publish transaction writes: the snapshot's search
 * document is searchDocument()'s (headline A, standfirst and tags B, body C, each in the
 * article's language).
 */
async function openBulkWriter(url: string, bodies: Body[], editorId: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A crash mid-seed loses the last batches at worst; the bench starts over anyway.
  await client.query("set synchronous_commit = off");
  // The usual bulk load: the tables' secondary indexes are dropped now and built again at the end
  // (one sort per index instead of a million insertions into each; the full-text and JSON GIN
  // indexes most of all). Primary keys and unique indexes stay: they check what is written.
  const secondary = (
    await client.query<{ name: string; definition: string }>(
      `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
       where i.indrelid = any($1::regclass[]) and not i.indisunique and not i.indisprimary`,
      [BULK_TABLES],
    )
  ).rows;
  for (const index of secondary) await client.query(`drop index "${index.name}"`);
  await client.query(`create temp table bench_bodies (key int primary key, language article_language not null, body jsonb not null,
    body_html text not null, body_text text not null, word_count int not null, vec tsvector)`);
  await copyInto(
    client,
    "bench_bodies",
    ["key", "language", "body", "body_html", "body_text", "word_count"],
    bodies.map((b) => [b.key, b.language, b.body, b.html, b.text, b.words]),
  );
  await client.query(`update bench_bodies set vec = setweight(to_tsvector(${CONFIG_OF("language")}, body_text), 'C')`);
  await client.query(`create temp table bench_stage (id int not null, section_id int not null, section_slug text not null, section_name text not null,
    slug text not null, headline text not null, standfirst text not null, language article_language not null, body_key int not null,
    author_id int not null, at timestamptz not null, bylines jsonb not null, tags jsonb not null, related jsonb not null, fields jsonb not null, tag_text text not null)`);
  const cfg = CONFIG_OF("s.language");
  // Where the time goes, step by step (printed after seeding).
  const spent = new Map<string, number>();
  async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      spent.set(name, (spent.get(name) ?? 0) + performance.now() - t0);
    }
  }
  return {
    spent,
    async write(drafts: BatchDraft[], rowsFor: (ids: number[]) => BatchRows) {
      await client.query("begin");
      try {
        // Ids from the articles' own identity sequence, so that later publishes continue after them.
        const reserved = await step("ids", () =>
          client.query<{ id: number }>("select nextval(pg_get_serial_sequence('articles', 'id'))::int as id from generate_series(1, $1)", [drafts.length]),
        );
        const rows = await step("rows in JavaScript", async () => rowsFor(reserved.rows.map((x) => x.id)));
        const stage = rows.items.map(({ id, d, related, fields }) => [
          ...[id, d.section.id, d.section.slug, d.section.name, d.slug, d.title, d.stand, d.lang, d.body.key, d.authors[0].id, d.at],
          ...[d.authors.map((a) => ({ name: a.name, slug: a.slug })), d.tags.map((t) => ({ name: t.name, slug: t.slug })), related, fields],
          d.tags.map((t) => t.name).join(" "),
        ]);
        await step("COPY staging", () => copyInto(client, "bench_stage", STAGE_COLUMNS, stage));
        await step("articles", () =>
          client.query(
            `insert into articles (id, section_id, slug, headline, standfirst, language, body, status, version, published_version, word_count,
               created_by_id, updated_by_id, created_at, updated_at)
             overriding system value
             select s.id, s.section_id, s.slug, s.headline, s.standfirst, s.language, b.body, 'published', 1, 1, b.word_count, s.author_id, $1, s.at, s.at
             from bench_stage s join bench_bodies b on b.key = s.body_key`,
            [editorId],
          ),
        );
        await step("COPY bylines, tags, related links", async () => {
          await copyInto(client, "article_authors", ["article_id", "user_id", "position"], rows.authorRows.map((x) => [x.articleId, x.userId, x.position]));
          await copyInto(client, "article_tags", ["article_id", "tag_id", "position"], rows.tagLinks.map((x) => [x.articleId, x.tagId, x.position]));
          const links = rows.linkRows.map((x) => [x.articleId, x.position, x.targetArticleId ?? null, x.url ?? null, x.title]);
          await copyInto(client, "related_links", ["article_id", "position", "target_article_id", "url", "title"], links);
        });
        await step("publications", () =>
          client.query(
            `insert into publications (article_id, section_slug, section_name, slug, language, headline, standfirst, seo_title, seo_description,
               lead_image, corrections, body_html, body_text, bylines, tags, related, published_at, updated_at, visible_from, version, search)
             select s.id, s.section_slug, s.section_name, s.slug, s.language, s.headline, s.standfirst, '', '', null, '[]', b.body_html, b.body_text,
               s.bylines, s.tags, s.related, s.at, s.at, s.at, 1,
               setweight(to_tsvector(${cfg}, s.headline), 'A') || setweight(to_tsvector(${cfg}, s.standfirst || ' ' || s.tag_text), 'B') || b.vec
             from bench_stage s join bench_bodies b on b.key = s.body_key`,
          ),
        );
        await step("revisions and events", async () => {
          await client.query(
            `insert into article_revisions (article_id, version, kind, headline, standfirst, body, fields, created_by_id, created_at, updated_at)
             select s.id, 1, 'publish', s.headline, s.standfirst, b.body, s.fields, $1, s.at, s.at from bench_stage s join bench_bodies b on b.key = s.body_key`,
            [editorId],
          );
          await client.query(
            `insert into article_events (article_id, actor_id, action, from_status, to_status, created_at)
             select s.id, $1, 'publish', 'in_review', 'published', s.at from bench_stage s`,
            [editorId],
          );
        });
        const discussion = rows.commentRows.map((c) => [c.articleId, c.authorName, c.body, c.status, c.moderatedById, c.moderatedAt, c.createdAt]);
        await step("COPY comments", () =>
          copyInto(client, "comments", ["article_id", "author_name", "body", "status", "moderated_by_id", "moderated_at", "created_at"], discussion),
        );
        await client.query("truncate bench_stage");
        await step("commit", () => client.query("commit"));
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      }
    },
    /** Builds the dropped indexes again, then statistics and visibility maps as autovacuum would keep them. */
    async finish(log: (line: string) => void) {
      await client.query("set maintenance_work_mem = '512MB'");
      for (const index of secondary) {
        const t0 = performance.now();
        await client.query(index.definition);
        log(`  index ${index.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      const t0 = performance.now();
      await client.query("vacuum analyze");
      log(`  vacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    },
    close: () => client.end(),
  };
}

/** The text search configuration of an article_language expression (as searchConfig() picks it). */
const CONFIG_OF = (column: string) => `(case when ${column} = 'de' then 'german'::regconfig else 'english'::regconfig end)`;
