import type { MetadataRoute } from "next";

/** Crawlers read the site; the newsroom and its sign-in are private. */
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", allow: "/", disallow: ["/desk", "/signin", "/api/"] }] };
}
