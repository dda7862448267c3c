import type { Metadata } from "next";
import { TagPage, tagMetadata } from "@/app/(site)/list-pages";

type Props = { params: Promise<{ slug: string }> };

// Cached: rendered on the first visit, expired by tag when what it shows changes (lib/cache).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  return <TagPage slug={(await params).slug} />;
}
