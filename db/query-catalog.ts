import "server-only";
// Every query a reader request can send (and the desk's lists), each run the way its route runs
// it, for the two checks that must cover all of them: the EXPLAIN test (no sequential scan of a
// table that grows with the archive: db/publications/explain.pg.test.ts) and the bench's timing
// on a big archive (scripts/bench/queries.ts). A reader query added to a route belongs here.
import type { Viewer } from "@/lib/permissions";
import { findLinkableArticles, getDeskOverview, searchDeskArticles } from "./articles/queries";
import type { Ctx } from "./context";
import { getFront } from "./front/queries";
import { getLiveBlogPage, getLiveChanges } from "./live/queries";
import { listForFeed } from "./publications/feed";
import { isGonePath, isUnpublished } from "./publications/gone";
import { getArticlePage, getCanonicalPath, getVisibleArticle, listLatest, listPage } from "./publications/queries";
import { findSlugRedirect } from "./publications/redirects";
import { searchPublications } from "./publications/search";
import { countNewsSitemapFiles, countSitemapChunks, listNewsSitemap, listSitemapChunk, SITEMAP_CHUNK } from "./publications/sitemap";
import { listSections } from "./sections/queries";
import { getTagBySlug, getTagRedirect } from "./tags/queries";
import { getAuthorBySlug } from "./users/queries";

/** What the catalog's queries ask about: things that exist in the archive under test. */
export type CatalogSubjects = {
  article: { id: number; sectionSlug: string; slug: string };
  tagSlug: string;
  authorSlug: string;
  /** A word in many articles, and one in few (the search index's two cases). */
  commonWord: string;
  rareWord: string;
  /** A live blog, if the archive has one. */
  liveBlogId?: number;
  editor: Viewer;
  journalist: Viewer;
};

export type CatalogQuery = { label: string; audience: "reader" | "desk"; run: () => Promise<unknown> };

export function queryCatalog(s: CatalogSubjects, ctx: Pick<Ctx, "tx">): CatalogQuery[] {
  const reader = (label: string, run: () => Promise<unknown>): CatalogQuery => ({ label, audience: "reader", run });
  const desk = (label: string, run: () => Promise<unknown>): CatalogQuery => ({ label, audience: "desk", run });
  const { article: a } = s;
  return [
    reader("article by path", () => getVisibleArticle(a.sectionSlug, a.slug, ctx)),
    reader("article page (publication, comments, views)", () => getArticlePage(a.sectionSlug, a.slug, ctx)),
    reader("short link", () => getCanonicalPath(a.id, ctx)),
    reader("unpublished check", () => isUnpublished(a.id, ctx)),
    reader("gone address (410)", () => isGonePath(a.sectionSlug, `${a.slug}-gone`, ctx)),
    reader("moved address (308)", () => findSlugRedirect(a.sectionSlug, `${a.slug}-moved`, ctx)),
    reader("sections", () => listSections(ctx)),
    reader("home front", () => getFront("home", ctx)),
    reader("section front", () => getFront(a.sectionSlug, ctx)),
    reader("home list", () => listLatest({ limit: 30 }, ctx)),
    reader("section list, page 2", () => listPage({ sectionSlug: a.sectionSlug }, 2, ctx)),
    reader("tag lookup", () => getTagBySlug(s.tagSlug, ctx)),
    reader("tag redirect", () => getTagRedirect(s.tagSlug, ctx)),
    reader("tag list", () => listPage({ tagSlug: s.tagSlug }, 1, ctx)),
    reader("author lookup", () => getAuthorBySlug(s.authorSlug, ctx)),
    reader("author list", () => listPage({ authorSlug: s.authorSlug }, 1, ctx)),
    reader("search, common word", () => searchPublications({ q: s.commonWord }, ctx)),
    reader("search, rare word", () => searchPublications({ q: s.rareWord }, ctx)),
    reader("site feed", () => listForFeed({}, 50, ctx)),
    reader("section feed", () => listForFeed({ sectionSlug: a.sectionSlug }, 50, ctx)),
    reader("tag feed", () => listForFeed({ tagSlug: s.tagSlug }, 50, ctx)),
    reader("author feed", () => listForFeed({ authorSlug: s.authorSlug }, 50, ctx)),
    reader("sitemap index (article files)", () => countSitemapChunks(ctx)),
    reader("sitemap index (news files)", () => countNewsSitemapFiles(ctx)),
    reader("sitemap file", () => listSitemapChunk(Math.floor(a.id / SITEMAP_CHUNK), ctx)),
    reader("news sitemap", () => listNewsSitemap(0, ctx)),
    ...(s.liveBlogId
      ? [reader("live blog page", () => getLiveBlogPage(s.liveBlogId!, 1, ctx)), reader("live blog poll", () => getLiveChanges(s.liveBlogId!, 0, ctx))]
      : []),
    // The desk on the same archive: the dashboard's queues and the filtered article lists (their
    // totals are counted up to DESK_COUNTED; a headline word by the trigram index).
    desk("desk dashboard, editor", () => getDeskOverview(s.editor, ctx)),
    desk("desk dashboard, journalist", () => getDeskOverview(s.journalist, ctx)),
    desk("desk list, drafts", () => searchDeskArticles({ status: "draft" }, ctx)),
    desk("desk list, published", () => searchDeskArticles({ status: "published" }, ctx)),
    desk("desk list, published, page 400", () => searchDeskArticles({ status: "published", page: 400 }, ctx)),
    desk("desk list, by author", () => searchDeskArticles({ authorId: s.journalist.id }, ctx)),
    desk("desk list, headline word, common", () => searchDeskArticles({ q: s.commonWord }, ctx)),
    desk("desk list, headline word, rare", () => searchDeskArticles({ q: s.rareWord }, ctx)),
    desk("link picker, headline word, common", () => findLinkableArticles(s.commonWord, ctx)),
    desk("link picker, headline word, rare", () => findLinkableArticles(s.rareWord, ctx)),
  ];
}

/** Tables that grow with the archive: a sequential scan of one of them is a page that slows down as the archive grows. */
export const BIG_TABLES = new Set(["publications", "article_tags", "articles", "comments", "article_revisions"]);

/** A node of PostgreSQL's `explain (format json)` plan. */
export type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

/** The big tables a plan reads sequentially. */
export function seqScans(node: PlanNode): string[] {
  const own = node["Node Type"] === "Seq Scan" && node["Relation Name"] && BIG_TABLES.has(node["Relation Name"]) ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}
