// The front page. "/" is rewritten here as page 1 (next.config.js), so the front page has a
// parameter and can be cached like every other list; later pages live at /p/2, /p/3 …
import type { Metadata } from "next";
import { FrontPage, frontPageMetadata } from "@/app/(site)/list-pages";

type Props = { params: Promise<{ page: string }> };

// Cached: rendered on the first visit, expired by tag when what it shows changes (lib/cache).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return frontPageMetadata((await params).page);
}

export default async function Page({ params }: Props) {
  return <FrontPage pageValue={(await params).page} />;
}
