import type { Metadata } from "next";
import { SectionPage, sectionMetadata } from "@/app/(site)/list-pages";

type Props = { params: Promise<{ section: string }> };

// Cached: rendered on the first visit, expired by tag when what it shows changes (lib/cache).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata((await params).section);
}

export default async function Page({ params }: Props) {
  return <SectionPage slug={(await params).section} />;
}
