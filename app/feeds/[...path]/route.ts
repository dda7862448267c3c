// RSS 2.0 and Atom feeds for the whole site, each section, each tag and each author:
//   /feeds/rss.xml · /feeds/atom.xml · /feeds/{section|tag|author}/{slug}/{rss|atom}.xml
import { unstable_cache } from "next/cache";
import { Feed } from "feed";
import { getTranslations } from "next-intl/server";
import { listForFeed } from "@/db/publications/feed";
import type { ListScope } from "@/db/publications/queries";
import { listSections } from "@/db/sections/queries";
import { getTagBySlug, getTagRedirect } from "@/db/tags/queries";
import { getAuthorBySlug } from "@/db/users/queries";
import { SITE_LOCALE } from "@/lib/i18n";
import { siteOrigin } from "@/lib/site-url";
import { readerTags } from "@/lib/cache/tags";

// Full text by default; COPYDESK_FEED_CONTENT=summary sends the standfirst only.
const FULL_TEXT = process.env.COPYDESK_FEED_CONTENT !== "summary";

type FeedAnswer = { status: 200; format: "rss" | "atom"; body: string } | { status: 308; location: string } | { status: 404 };

// Cached like the reader pages (built on the first request, kept until a change to what it
// lists expires its tags), so it must not read the request: the origin is configuration.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  if (path.length > 3 || path.some((p) => p.length > 200)) return notFound();
  const origin = siteOrigin();
  // Built once, kept until what it lists changes (the same tags as the list pages).
  const [kind, slug] = path.length === 3 ? path : [];
  const listTag = kind === "section" ? readerTags.section(slug) : kind === "tag" ? readerTags.tag(slug) : kind === "author" ? readerTags.author(slug) : readerTags.home;
  const answer = await unstable_cache(() => buildFeed(path, origin), ["feed", origin, ...path], { tags: [readerTags.all, listTag], revalidate: 3600 })();
  if (answer.status === 404) return notFound();
  if (answer.status === 308) return new Response(null, { status: 308, headers: { location: answer.location } });
  return new Response(answer.body, {
    headers: {
      "content-type": answer.format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
}

async function buildFeed(path: string[], origin: string): Promise<FeedAnswer> {
  const format = path.at(-1) === "rss.xml" ? "rss" : path.at(-1) === "atom.xml" ? "atom" : null;
  const scopePath = path.slice(0, -1);
  if (!format || (scopePath.length !== 0 && scopePath.length !== 2)) return { status: 404 };

  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  let scope: ListScope = {};
  let title = "Copydesk";
  if (scopePath.length === 2) {
    const [kind, slug] = scopePath;
    if (kind === "section") {
      const section = (await listSections()).find((s) => s.slug === slug);
      if (!section) return { status: 404 };
      scope = { sectionSlug: section.slug };
      title = `Copydesk – ${section.name}`;
    } else if (kind === "tag") {
      const tag = await getTagBySlug(slug);
      if (!tag) {
        // A renamed or merged tag: feed readers follow a permanent redirect and update the subscription.
        const moved = await getTagRedirect(slug);
        return moved ? { status: 308, location: `/feeds/tag/${moved}/${path.at(-1)}` } : { status: 404 };
      }
      scope = { tagSlug: tag.slug };
      title = `Copydesk – ${t("tagKicker")}: ${tag.name}`;
    } else if (kind === "author") {
      const author = await getAuthorBySlug(slug);
      if (!author) return { status: 404 };
      scope = { authorSlug: author.slug };
      title = `Copydesk – ${author.name}`;
    } else {
      return { status: 404 };
    }
  }

  const self = `${origin}/feeds/${path.join("/")}`;
  const items = await listForFeed(scope);
  const feed = new Feed({
    id: self,
    title,
    description: t("tagline"),
    link: origin + "/",
    language: SITE_LOCALE,
    updated: items[0]?.updatedAt ?? new Date(0),
    generator: "Copydesk",
    copyright: t("copyright"),
    feedLinks: { [format]: self },
  });
  for (const item of items) {
    const link = `${origin}/${item.sectionSlug}/${item.slug}`;
    feed.addItem({
      id: `${origin}/a/${item.id}`,
      guid: `${origin}/a/${item.id}`,
      title: item.headline,
      link,
      date: item.updatedAt,
      published: item.publishedAt,
      description: item.standfirst || undefined,
      content: FULL_TEXT ? item.bodyHtml : undefined,
      author: item.bylines.map((b) => ({ name: b.name, link: `${origin}/authors/${b.slug}` })),
      category: [{ name: item.sectionName }, ...item.tags.map((tag) => ({ name: tag.name }))],
    });
  }
  return { status: 200, format, body: format === "rss" ? feed.rss2() : feed.atom1() };
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
