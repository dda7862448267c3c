// The site's own pages an admin writes: the imprint (an *Impressum* is required by law for
// German sites, § 5 DDG) and the privacy notice. Plain text; blank lines separate paragraphs.
export const SITE_PAGE_SLUGS = ["impressum", "datenschutz"] as const;
export type SitePageSlug = (typeof SITE_PAGE_SLUGS)[number];

export const SITE_PAGES: Record<SitePageSlug, { defaultTitle: string }> = {
  impressum: { defaultTitle: "Impressum" },
  datenschutz: { defaultTitle: "Datenschutz" },
};

/** Paragraphs of a plain-text page, each a list of lines. */
export function pageParagraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trimEnd()))
    .filter((p) => p.some((l) => l.trim()));
}
