// The reader's lists — front page, section, tag, author — each a page of teasers with
// previous/next links at stable addresses (/politik, /politik/p/2 …). Data comes through the
// page cache (db/reader-queries.ts); a page past the end is a 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cachedAuthor, cachedFront, cachedList, cachedSections, cachedTag } from "@/db/reader-queries";
import { SITE_LOCALE } from "@/lib/i18n";
import { siteOrigin } from "@/lib/site-url";
import { Front } from "@/components/site/Front";
import { TeaserList } from "@/components/site/TeaserList";
import { Pager, listPageHref, pageParam } from "@/components/site/Pager";

function pageOrNotFound(value: string | undefined): number {
  const page = pageParam(value ?? "1");
  if (!page) notFound();
  return page;
}

function feeds(path: string, title: string) {
  return {
    "application/rss+xml": [
      { url: "/feeds/rss.xml", title: "Copydesk" },
      { url: `/feeds/${path}/rss.xml`, title: `Copydesk – ${title}` },
    ],
  };
}

/**
 * A list page's metadata: its title and description (with the page number past page 1), the
 * absolute canonical address from the site URL and the same for Open Graph, and its feeds.
 */
function listMetadata({ title, description, path, types }: { title?: string; description: string; path: string; types?: ReturnType<typeof feeds> }): Metadata {
  const url = `${siteOrigin()}${path === "/" ? "" : path}` || siteOrigin();
  return {
    ...(title ? { title } : {}),
    description,
    alternates: { canonical: url, ...(types ? { types } : {}) },
    openGraph: { type: "website", url, title: title ?? "Copydesk", description, siteName: "Copydesk" },
  };
}

function pageTitle(title: string, page: number, t: (key: "pageNumber", values: { page: number }) => string) {
  return page > 1 ? `${title} – ${t("pageNumber", { page })}` : title;
}

export async function frontPageMetadata(pageValue?: string): Promise<Metadata> {
  const page = pageParam(pageValue ?? "1") ?? 1;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const sections = (await cachedSections().catch(() => [])).map((s) => s.name).join(", ");
  return page > 1
    ? listMetadata({ title: t("pageNumber", { page }), description: `${t("latestDescription")} ${t("pageNumber", { page })}.`, path: listPageHref("/")(page) })
    : listMetadata({ description: t("homeDescription", { sections }), path: "/" });
}

export async function FrontPage({ pageValue }: { pageValue?: string }) {
  const page = pageOrNotFound(pageValue);
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  if (page === 1) {
    // The desk's arrangement (lib/front.ts); later pages are the plain list, newest first.
    const front = await cachedFront("/");
    const empty = !front?.slots.some((s) => s.item);
    return (
      <>
        <h1 className="visually-hidden">{t("latestHeading")}</h1>
        {front && !empty ? <Front front={front} /> : <p className="empty-state">{t("noArticles")}</p>}
        {!empty && (
          <nav aria-label={t("pagination")} className="pagination">
            <Link href={listPageHref("/")(2)}>{t("olderArticles")}</Link>
          </nav>
        )}
      </>
    );
  }
  const { items, hasNext } = await cachedList("home", "", page);
  if (items.length === 0) notFound();
  return (
    <>
      <h1 className="page-title">{pageTitle(t("latestHeading"), page, t)}</h1>
      <TeaserList items={items} />
      <Pager page={page} hasNext={hasNext} href={listPageHref("/")} />
    </>
  );
}

async function findSection(slug: string) {
  return (await cachedSections()).find((s) => s.slug === slug) ?? null;
}

export async function sectionMetadata(slug: string, pageValue?: string): Promise<Metadata> {
  const section = await findSection(slug);
  if (!section) return {};
  const page = pageParam(pageValue ?? "1") ?? 1;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return listMetadata({
    title: pageTitle(section.name, page, t),
    description: pageTitle(t("sectionDescription", { section: section.name }), page, t),
    path: listPageHref(`/${section.slug}`)(page),
    types: feeds(`section/${section.slug}`, section.name),
  });
}

export async function SectionPage({ slug, pageValue }: { slug: string; pageValue?: string }) {
  const page = pageOrNotFound(pageValue);
  if (pageValue === "1") permanentRedirect(`/${slug}`); // page 1 is the list's own address
  const section = await findSection(slug);
  if (!section) notFound();
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const { items, hasNext } = await cachedList("section", section.slug, page);
  if (page > 1 && items.length === 0) notFound();
  // Page 1 is the section's front: the desk's lead and secondary stories, then the rest, newest first.
  const front = page === 1 ? await cachedFront(`/${section.slug}`) : null;
  const onFront = new Set(front?.slots.flatMap((s) => (s.item ? [s.item.id] : [])) ?? []);
  const rest = items.filter((i) => !onFront.has(i.id));
  return (
    <>
      <h1 className="page-title">{page > 1 ? pageTitle(section.name, page, t) : section.name}</h1>
      {front && onFront.size > 0 && <Front front={front} />}
      {rest.length > 0 && (
        <>
          {onFront.size > 0 && <h2 className="list-heading">{t("moreFromSection", { section: section.name })}</h2>}
          <TeaserList items={rest} label={false} eagerFirst={onFront.size === 0} />
        </>
      )}
      {items.length === 0 && <p className="empty-state">{t("sectionEmpty")}</p>}
      <Pager page={page} hasNext={hasNext} href={listPageHref(`/${section.slug}`)} />
    </>
  );
}

export async function tagMetadata(slug: string, pageValue?: string): Promise<Metadata> {
  const { tag } = await cachedTag(slug);
  if (!tag) return {};
  const page = pageParam(pageValue ?? "1") ?? 1;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return listMetadata({
    title: pageTitle(tag.name, page, t),
    description: pageTitle(t("tagDescription", { tag: tag.name }), page, t),
    path: listPageHref(`/tags/${tag.slug}`)(page),
    types: feeds(`tag/${tag.slug}`, tag.name),
  });
}

export async function TagPage({ slug, pageValue }: { slug: string; pageValue?: string }) {
  const page = pageOrNotFound(pageValue);
  if (pageValue === "1") permanentRedirect(`/tags/${slug}`); // page 1 is the list's own address
  const { tag, movedTo } = await cachedTag(slug);
  if (!tag) {
    // A renamed or merged tag's old address: 308 to the tag that carries its articles now.
    if (movedTo) permanentRedirect(listPageHref(`/tags/${movedTo}`)(page));
    notFound();
  }
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const { items, hasNext } = await cachedList("tag", tag.slug, page);
  if (page > 1 && items.length === 0) notFound();
  return (
    <>
      <p className="teaser__kicker">{t("tagKicker")}</p>
      <h1 className="page-title">{tag.name}</h1>
      {items.length ? <TeaserList items={items} /> : <p className="empty-state">{t("tagEmpty")}</p>}
      <Pager page={page} hasNext={hasNext} href={listPageHref(`/tags/${tag.slug}`)} />
    </>
  );
}

export async function authorMetadata(slug: string, pageValue?: string): Promise<Metadata> {
  const author = await cachedAuthor(slug);
  if (!author) return {};
  const page = pageParam(pageValue ?? "1") ?? 1;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return listMetadata({
    title: pageTitle(author.name, page, t),
    description: pageTitle(author.bio || t("authorDescription", { name: author.name }), page, t),
    path: listPageHref(`/authors/${author.slug}`)(page),
    types: feeds(`author/${author.slug}`, author.name),
  });
}

export async function AuthorPage({ slug, pageValue }: { slug: string; pageValue?: string }) {
  const page = pageOrNotFound(pageValue);
  if (pageValue === "1") permanentRedirect(`/authors/${slug}`); // page 1 is the list's own address
  const author = await cachedAuthor(slug);
  if (!author) notFound();
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const { items, hasNext } = await cachedList("author", author.slug, page);
  if (page > 1 && items.length === 0) notFound();
  return (
    <>
      <header className={author.photo ? "profile profile--photo" : "profile"}>
        {author.photo && (
          // eslint-disable-next-line @next/next/no-img-element -- our own WebP variants with srcset
          <img className="profile__photo" src={author.photo.src} srcSet={author.photo.srcset} sizes="8rem" alt={author.photo.alt} width={author.photo.width} height={author.photo.height} />
        )}
        <h1 className="page-title">{author.name}</h1>
        {author.bio && <p className="profile__bio">{author.bio}</p>}
      </header>
      <h2 className="list-heading">{t("authorArticles", { name: author.name })}</h2>
      {items.length ? <TeaserList items={items} /> : <p className="empty-state">{t("authorEmpty")}</p>}
      <Pager page={page} hasNext={hasNext} href={listPageHref(`/authors/${author.slug}`)} />
    </>
  );
}
