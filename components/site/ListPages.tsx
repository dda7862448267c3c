// The reader's lists — front page, section, tag, author — each a page of teasers with
// previous/next links at stable addresses (/politik, /politik/p/2 …). Data comes through the
// page cache (lib/cache/reader.ts); a page past the end is a 404.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cachedAuthor, cachedList, cachedSections, cachedTag } from "@/lib/cache/reader";
import { SITE_LOCALE } from "@/lib/i18n";
import { TeaserList } from "./TeaserList";
import { Pager, listPageHref, pageParam } from "./Pager";

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

function pageTitle(title: string, page: number, t: (key: "pageNumber", values: { page: number }) => string) {
  return page > 1 ? `${title} – ${t("pageNumber", { page })}` : title;
}

export async function frontPageMetadata(pageValue?: string): Promise<Metadata> {
  const page = pageParam(pageValue ?? "1") ?? 1;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return page > 1 ? { title: t("pageNumber", { page }), alternates: { canonical: listPageHref("/")(page) } } : { alternates: { canonical: "/" } };
}

export async function FrontPage({ pageValue }: { pageValue?: string }) {
  const page = pageOrNotFound(pageValue);
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const { items, hasNext } = await cachedList("home", "", page);
  if (page > 1 && items.length === 0) notFound();
  return (
    <>
      <h1 className="visually-hidden">{page > 1 ? pageTitle(t("latestHeading"), page, t) : t("latestHeading")}</h1>
      {items.length ? <TeaserList items={items} lead={page === 1} /> : <p className="empty-state">{t("noArticles")}</p>}
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
  return { title: pageTitle(section.name, page, t), alternates: { canonical: listPageHref(`/${section.slug}`)(page), types: feeds(`section/${section.slug}`, section.name) } };
}

export async function SectionPage({ slug, pageValue }: { slug: string; pageValue?: string }) {
  const page = pageOrNotFound(pageValue);
  if (pageValue === "1") permanentRedirect(`/${slug}`); // page 1 is the list's own address
  const section = await findSection(slug);
  if (!section) notFound();
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const { items, hasNext } = await cachedList("section", section.slug, page);
  if (page > 1 && items.length === 0) notFound();
  return (
    <>
      <h1 className="page-title">{section.name}</h1>
      {items.length ? <TeaserList items={items} /> : <p className="empty-state">{t("sectionEmpty")}</p>}
      <Pager page={page} hasNext={hasNext} href={listPageHref(`/${section.slug}`)} />
    </>
  );
}

export async function tagMetadata(slug: string, pageValue?: string): Promise<Metadata> {
  const { tag } = await cachedTag(slug);
  if (!tag) return {};
  const page = pageParam(pageValue ?? "1") ?? 1;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return { title: pageTitle(tag.name, page, t), alternates: { canonical: listPageHref(`/tags/${tag.slug}`)(page), types: feeds(`tag/${tag.slug}`, tag.name) } };
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
  return {
    title: pageTitle(author.name, page, t),
    description: author.bio || undefined,
    alternates: { canonical: listPageHref(`/authors/${author.slug}`)(page), types: feeds(`author/${author.slug}`, author.name) },
  };
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
