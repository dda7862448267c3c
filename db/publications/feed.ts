import "server-only";
import { desc } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { publications } from "../schema";
import { listSections } from "../sections/queries";
import { getTagBySlug, getTagRedirect } from "../tags/queries";
import { getAuthorBySlug } from "../users/queries";
import { teaserColumns, visibleIn, type ListScope } from "./queries";

/** The newest visible publications with everything a feed entry carries. */
export async function listForFeed(scope: ListScope, limit = 50, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  return db
    .select({ ...teaserColumns, bodyHtml: publications.bodyHtml, tags: publications.tags, updatedAt: publications.updatedAt })
    .from(publications)
    .where(visibleIn(scope))
    .orderBy(desc(publications.publishedAt))
    .limit(limit);
}

export type FeedItem = Awaited<ReturnType<typeof listForFeed>>[number];
export type FeedScope = { kind: "site" } | { kind: "section" | "tag" | "author"; name: string };
export type FeedSource =
  | { status: 200; format: "rss" | "atom"; scope: FeedScope; items: FeedItem[] }
  | { status: 308; location: string }
  | { status: 404 };

/**
 * What the feed at /feeds/{path} lists: the site's, a section's, a tag's or an author's newest
 * articles, in RSS or Atom. A renamed or merged tag's old feed answers 308 to its new one.
 */
export async function getFeedSource(path: string[], ctx?: Pick<Ctx, "tx">): Promise<FeedSource> {
  const file = path.at(-1);
  const format = file === "rss.xml" ? "rss" : file === "atom.xml" ? "atom" : null;
  const scopePath = path.slice(0, -1);
  if (!format || (scopePath.length !== 0 && scopePath.length !== 2)) return { status: 404 };
  if (scopePath.length === 0) return { status: 200, format, scope: { kind: "site" }, items: await listForFeed({}, 50, ctx) };

  const [kind, slug] = scopePath;
  let scope: FeedScope;
  let list: ListScope;
  if (kind === "section") {
    const section = (await listSections(ctx)).find((s) => s.slug === slug);
    if (!section) return { status: 404 };
    [scope, list] = [{ kind, name: section.name }, { sectionSlug: section.slug }];
  } else if (kind === "tag") {
    const tag = await getTagBySlug(slug, ctx);
    if (!tag) {
      // A renamed or merged tag: feed readers follow a permanent redirect and update the subscription.
      const moved = await getTagRedirect(slug, ctx);
      return moved ? { status: 308, location: `/feeds/tag/${moved}/${file}` } : { status: 404 };
    }
    [scope, list] = [{ kind, name: tag.name }, { tagSlug: tag.slug }];
  } else if (kind === "author") {
    const author = await getAuthorBySlug(slug, ctx);
    if (!author) return { status: 404 };
    [scope, list] = [{ kind, name: author.name }, { authorSlug: author.slug }];
  } else {
    return { status: 404 };
  }
  return { status: 200, format, scope, items: await listForFeed(list, 50, ctx) };
}
