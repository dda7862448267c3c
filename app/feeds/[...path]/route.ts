// RSS 2.0 and Atom feeds for the whole site, each section, each tag and each author:
//   /feeds/rss.xml · /feeds/atom.xml · /feeds/{section|tag|author}/{slug}/{rss|atom}.xml
import { Feed } from "feed";
import { getTranslations } from "next-intl/server";
import { listForFeed } from "@/db/publications/feed";
import type { ListScope } from "@/db/publications/queries";
import { listSections } from "@/db/sections/queries";
import { getTagBySlug, getTagRedirect } from "@/db/tags/queries";
import { getAuthorBySlug } from "@/db/users/queries";
import { SITE_LOCALE } from "@/lib/i18n";
import { siteOrigin } from "@/lib/site-url";

// Full text by default; COPYDESK_FEED_CONTENT=summary sends the standfirst only.
const FULL_TEXT = process.env.COPYDESK_FEED_CONTENT !== "summary";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const format = path.at(-1) === "rss.xml" ? "rss" : path.at(-1) === "atom.xml" ? "atom" : null;
  const scopePath = path.slice(0, -1);
  if (!format || (scopePath.length !== 0 && scopePath.length !== 2)) return notFound();

  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  let scope: ListScope = {};
  let title = "Copydesk";
  if (scopePath.length === 2) {
    const [kind, slug] = scopePath;
    if (kind === "section") {
      const section = (await listSections()).find((s) => s.slug === slug);
      if (!section) return notFound();
      scope = { sectionSlug: section.slug };
      title = `Copydesk – ${section.name}`;
    } else if (kind === "tag") {
      const tag = await getTagBySlug(slug);
      if (!tag) {
        // A renamed or merged tag: feed readers follow a permanent redirect and update the subscription.
        const moved = await getTagRedirect(slug);
        return moved ? new Response(null, { status: 308, headers: { location: `/feeds/tag/${moved}/${path.at(-1)}` } }) : notFound();
      }
      scope = { tagSlug: tag.slug };
      title = `Copydesk – ${t("tagKicker")}: ${tag.name}`;
    } else if (kind === "author") {
      const author = await getAuthorBySlug(slug);
      if (!author) return notFound();
      scope = { authorSlug: author.slug };
      title = `Copydesk – ${author.name}`;
    } else {
      return notFound();
    }
  }

  const origin = siteOrigin(request.headers);
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
  const body = format === "rss" ? feed.rss2() : feed.atom1();
  return new Response(body, {
    headers: {
      "content-type": format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
