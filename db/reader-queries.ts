import "server-only";
// What reader pages read, cached under the tags that a change expires (lib/cache/tags.ts).
// A page that calls these carries their tags too, so the whole rendered page is expired with
// its data. `revalidate` is only a safety net: changes expire tags the moment they commit.
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getArticlePage, getCanonicalPath, getVisibleArticle, listPage, type ListScope } from "./publications/queries";
import { searchPublications } from "./publications/search";
import { getFront } from "./front/queries";
import { getSitePage } from "./site-pages/queries";
import type { SitePageSlug } from "@/lib/site-pages";
import { listSections } from "./sections/queries";
import { getTagBySlug, getTagRedirect } from "./tags/queries";
import { getAuthorBySlug } from "./users/queries";
import { frontTag, readerTags } from "@/lib/cache/tags";
import { getLiveBlogPage } from "./live/queries";

const HOUR = 3600;

export const cachedSections = cache(
  unstable_cache(async () => (await listSections()).map(({ id, name, slug }) => ({ id, name, slug })), ["sections"], {
    tags: [readerTags.all, readerTags.sections],
    revalidate: HOUR,
  }),
);

/**
 * How long an article page's view count may lag. Views change all the time, so no tag expires
 * them: the article page's data is kept for a minute, and that `revalidate` makes the cached
 * page render again at most once a minute while it is read (readers are always served the
 * cached page; the number lags by up to a minute or two). `COPYDESK_VIEW_COUNT_SECONDS`
 * shortens it (the e2e server sets a few seconds, so a journey need not wait minutes).
 */
export const VIEW_COUNT_SECONDS = positiveSeconds(process.env.COPYDESK_VIEW_COUNT_SECONDS, 60);

function positiveSeconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * An article page's data (the publication, its approved comments, whether comments are open,
 * the view count), read in one statement: a page nobody has asked for yet costs one query.
 * Expired by the article's own tag, which publishing, unpublishing, moving and moderating its
 * comments announce (lib/cache/tags.ts).
 */
export const cachedArticlePage = cache((sectionSlug: string, slug: string) =>
  unstable_cache(() => getArticlePage(sectionSlug, slug), ["article-page", sectionSlug, slug], {
    tags: [readerTags.all, readerTags.article(sectionSlug, slug)],
    revalidate: VIEW_COUNT_SECONDS,
  })(),
);

export type ListKind = "home" | "section" | "tag" | "author";

const listScope = (kind: ListKind, key: string): ListScope =>
  kind === "section" ? { sectionSlug: key } : kind === "tag" ? { tagSlug: key } : kind === "author" ? { authorSlug: key } : {};

const listTag = (kind: ListKind, key: string): string =>
  kind === "section" ? readerTags.section(key) : kind === "tag" ? readerTags.tag(key) : kind === "author" ? readerTags.author(key) : readerTags.home;

/** Page `page` of the front page (key "") or of a section, tag or author (key: the slug). */
export const cachedList = cache((kind: ListKind, key: string, page: number) =>
  unstable_cache(() => listPage(listScope(kind, key), page), ["list", kind, key, String(page)], {
    tags: [readerTags.all, listTag(kind, key)],
    revalidate: HOUR,
  })(),
);

export const cachedTag = cache((slug: string) =>
  unstable_cache(
    async () => {
      const tag = await getTagBySlug(slug);
      return { tag, movedTo: tag ? null : await getTagRedirect(slug) };
    },
    ["tag", slug],
    { tags: [readerTags.all, readerTags.tag(slug)], revalidate: HOUR },
  )(),
);

export const cachedAuthor = cache((slug: string) =>
  unstable_cache(() => getAuthorBySlug(slug), ["author", slug], {
    tags: [readerTags.all, readerTags.author(slug)],
    revalidate: HOUR,
  })(),
);

/** An article's headline, language and address by id (the comment pages' way back). */
export const cachedArticleById = cache((articleId: number) =>
  unstable_cache(
    async () => {
      const path = await getCanonicalPath(articleId);
      if (!path) return null;
      const [, sectionSlug, slug] = path.split("/");
      const article = await getVisibleArticle(sectionSlug, slug);
      return article ? { path, headline: article.headline, language: article.language } : null;
    },
    ["article-by-id", String(articleId)],
    { tags: [readerTags.all], revalidate: 60 },
  )(),
);

/**
 * Search results per query and page: readers repeat the news of the day's words, and ranking
 * every match is the most expensive thing a reader can ask for. Any change to a publication
 * expires them all (readerTags.search).
 */
export const cachedSearch = cache((q: string, page: string) =>
  unstable_cache(() => searchPublications({ q, page }), ["search", q, page], {
    tags: [readerTags.all, readerTags.search],
    revalidate: HOUR,
  })(),
);

/**
 * A front page as arranged by the desk ("/" or "/{section}"), expired with the list it heads:
 * placing or releasing an article, and every publish or unpublish that touches the list.
 */
export const cachedFront = cache((front: string) =>
  unstable_cache(() => getFront(front), ["front", front], {
    tags: [readerTags.all, readerTags.sections, frontTag(front)],
    revalidate: HOUR,
  })(),
);

/** The imprint or privacy page, expired when an admin saves it. */
export const cachedSitePage = cache((slug: SitePageSlug) =>
  unstable_cache(() => getSitePage(slug), ["site-page", slug], {
    tags: [readerTags.all, readerTags.sitePage(slug)],
    revalidate: HOUR,
  })(),
);

/**
 * One page of an article's live blog (null: not a live blog, or past its last page), cached under
 * the article's own tag: publishing, changing or deleting an entry and ending the blog expire it
 * with the page (db/live/*). Open pages learn of changes from the live poll (app/api/live).
 */
export const cachedLivePage = cache((sectionSlug: string, slug: string, articleId: number, page: number) =>
  unstable_cache(() => getLiveBlogPage(articleId, page), ["live-page", String(articleId), String(page)], {
    tags: [readerTags.all, readerTags.article(sectionSlug, slug)],
    revalidate: HOUR,
  })(),
);
