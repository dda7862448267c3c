import type { Metadata } from "next";
import { connection } from "next/server";
import { cachedSections } from "@/db/reader-queries";
import { isDatabaseUnavailable } from "@/lib/errors";
import { SITE_LOCALE } from "@/lib/i18n";
import { siteOrigin } from "@/lib/site-url";
import { SiteFrame } from "@/components/site/SiteFrame";
import "../globals.css";

/**
 * What every reader page says about itself unless it says more: absolute URLs (canonical,
 * hreflang, Open Graph) resolve against the configured site URL (lib/site-url.ts) — read at run
 * time, not at build — and search engines may show large previews of our pictures.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: "Copydesk", template: "%s · Copydesk" },
    robots: { index: true, follow: true, "max-image-preview": "large" },
    openGraph: { siteName: "Copydesk", type: "website", locale: SITE_LOCALE === "de" ? "de_DE" : "en_GB" },
    alternates: { types: { "application/rss+xml": "/feeds/rss.xml", "application/atom+xml": "/feeds/atom.xml" } },
  };
}

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
