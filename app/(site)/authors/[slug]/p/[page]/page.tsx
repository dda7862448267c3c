import type { Metadata } from "next";
import { AuthorPage, authorMetadata } from "@/app/(site)/list-pages";

type Props = { params: Promise<{ slug: string; page: string }> };

// Cached: rendered on the first visit, expired by tag when what it shows changes (lib/cache).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return authorMetadata(slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <AuthorPage slug={slug} pageValue={page} />;
}
