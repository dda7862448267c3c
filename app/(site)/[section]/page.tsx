import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";
import { connection } from "next/server";
import { listLatest } from "@/db/publications/queries";
import { listSections } from "@/db/sections/queries";
import { TeaserList } from "@/components/site/TeaserList";

type Props = { params: Promise<{ section: string }> };

async function findSection(slug: string) {
  await connection();
  const sections = await listSections();
  return sections.find((s) => s.slug === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await findSection((await params).section);
  return section
    ? {
        title: section.name,
        alternates: { canonical: `/${section.slug}`, types: {
            "application/rss+xml": [
              { url: "/feeds/rss.xml", title: "Copydesk" },
              { url: `/feeds/section/${section.slug}/rss.xml`, title: `Copydesk – ${section.name}` },
            ],
          },
        },
      }
    : {};
}

export default async function SectionPage({ params }: Props) {
  const section = await findSection((await params).section);
  if (!section) notFound();
  const items = await listLatest({ limit: 30, sectionSlug: section.slug });
  return (
    <>
      <h1 className="page-title">{section.name}</h1>
      {items.length ? (
        <TeaserList items={items} />
      ) : (
        <p className="empty-state">{(await getTranslations({ locale: SITE_LOCALE, namespace: "site" }))("sectionEmpty")}</p>
      )}
    </>
  );
}
