// RSS 2.0 and Atom feeds for the whole site, each section, each tag and each author:
//   /feeds/rss.xml · /feeds/atom.xml · /feeds/{section|tag|author}/{slug}/{rss|atom}.xml
import { unstable_cache } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getFeedSource } from "@/db/publications/feed";
import { getLiveFeed } from "@/db/live/queries";
import { feedDocument } from "@/lib/feeds/document";
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
  if (kind === "live") return liveFeed(path, origin);
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
  const source = await getFeedSource(path);
  if (source.status !== 200) return source;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const body = feedDocument({
    format: source.format,
    self: `${origin}/feeds/${path.join("/")}`,
    origin,
    language: SITE_LOCALE,
    scope: source.scope,
    labels: { tagline: t("tagline"), copyright: t("copyright"), tagKicker: t("tagKicker") },
    fullText: FULL_TEXT,
    items: source.items,
  });
  return { status: 200, format: source.format, body };
}

/**
 * A live blog's own feed of entries: /feeds/live/{articleId}/{rss|atom}.xml, kept until an entry
 * of it changes (db/live/* announce `readerTags.live`).
 */
async function liveFeed(path: string[], origin: string) {
  const [, id, file] = path;
  const format = file === "rss.xml" ? "rss" : file === "atom.xml" ? "atom" : null;
  if (!format || !/^[1-9]\d{0,8}$/.test(id)) return notFound();
  const body = await unstable_cache(
    async () => {
      const live = await getLiveFeed(Number(id));
      if (!live) return null;
      const t = await getTranslations({ locale: live.language, namespace: "site" });
      return feedDocument({
        format,
        self: `${origin}/feeds/${path.join("/")}`,
        origin,
        language: live.language,
        scope: { kind: "live", name: live.headline },
        labels: { tagline: t("tagline"), copyright: t("copyright"), tagKicker: t("tagKicker") },
        fullText: true,
        items: live.items.map(({ anchor, ...item }) => ({ ...item, permalink: `${origin}${anchor}` })),
      });
    },
    ["live-feed", origin, ...path],
    { tags: [readerTags.all, readerTags.live(Number(id))], revalidate: 3600 },
  )();
  if (body === null) return notFound();
  return new Response(body, {
    headers: { "content-type": format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" },
  });
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
