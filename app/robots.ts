import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/site-url";

/** Crawlers read the site and its sitemap; the newsroom and its sign-in are private. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = siteOrigin(await headers());
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/desk", "/signin", "/api/"] }],
    sitemap: `${origin}/sitemap.xml`,
  };
}
