import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { cache } from "react";
import { listLatest } from "@/db/publications/queries";
import { getTagBySlug, getTagRedirect } from "@/db/tags/queries";
import { SITE_LOCALE } from "@/lib/i18n";
import { TeaserList } from "@/components/site/TeaserList";

type Props = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => {
  await connection();
  return getTagBySlug(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await load((await params).slug);
  return tag ? { title: tag.name, alternates: { canonical: `/tags/${tag.slug}` } } : {};
}

export default async function TagPage({ params }: Props) {
  const { slug } = await params;
  const tag = await load(slug);
  if (!tag) {
    // A renamed or merged tag's old address: 308 to the tag that carries its articles now.
    const moved = await getTagRedirect(slug);
    if (moved) permanentRedirect(`/tags/${moved}`);
    notFound();
  }
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const items = await listLatest({ limit: 30, tagSlug: tag.slug });
  return (
    <>
      <p className="teaser__kicker">{t("tagKicker")}</p>
      <h1 className="page-title">{tag.name}</h1>
      {items.length ? <TeaserList items={items} /> : <p className="empty-state">{t("tagEmpty")}</p>}
    </>
  );
}
