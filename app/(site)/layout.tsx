import type { Metadata } from "next";
import { connection } from "next/server";
import { cachedSections } from "@/lib/cache/reader";
import { isDatabaseUnavailable } from "@/lib/errors";
import { SiteFrame } from "@/components/site/SiteFrame";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Copydesk", template: "%s · Copydesk" },
  alternates: { types: { "application/rss+xml": "/feeds/rss.xml", "application/atom+xml": "/feeds/atom.xml" } },
};

/** Root layout of the reader site, in the site's configured language. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  // Nothing may read the database during `next build`. Pages with parameters are only ever
  // rendered at run time (and cached); the few without (community standards, 404) become
  // per-request pages this way.
  if (process.env.NEXT_PHASE === "phase-production-build") await connection();
  // A page that cannot be rendered says so inside the frame: ./error.tsx.
  return <SiteFrame sections={await sectionsIfReachable()}>{children}</SiteFrame>;
}

/** The section navigation, or none while the database is out of reach (the page below says why). */
async function sectionsIfReachable() {
  try {
    return await cachedSections();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return undefined;
    throw error;
  }
}
