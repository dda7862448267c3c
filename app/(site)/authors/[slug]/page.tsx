import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { cache } from "react";
import { listLatest } from "@/db/publications/queries";
import { getAuthorBySlug } from "@/db/users/queries";
import { SITE_LOCALE } from "@/lib/i18n";
import { TeaserList } from "@/components/site/TeaserList";

type Props = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => {
  await connection();
  return getAuthorBySlug(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await load((await params).slug);
  return author ? { title: author.name, description: author.bio || undefined, alternates: { canonical: `/authors/${author.slug}` } } : {};
}

export default async function AuthorPage({ params }: Props) {
  const author = await load((await params).slug);
  if (!author) notFound();
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const items = await listLatest({ limit: 30, authorSlug: author.slug });
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
    </>
  );
}
