import type { Metadata } from "next";
import { SectionPage, sectionMetadata } from "@/app/(site)/list-pages";

type Props = { params: Promise<{ section: string; page: string }> };

// Cached: rendered on the first visit, expired by tag when what it shows changes (lib/cache).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, page } = await params;
  return sectionMetadata(section, page);
}

export default async function Page({ params }: Props) {
  const { section, page } = await params;
  return <SectionPage slug={section} pageValue={page} />;
}
