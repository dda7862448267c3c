// URL slugs for articles, sections, tags and authors.
// German readers expect transliteration, not stripping: "Kämpfer" → "kaempfer", "Straße" → "strasse".
const GERMAN: Record<string, string> = {
  ä: "ae", ö: "oe", ü: "ue", ß: "ss",
  Ä: "Ae", Ö: "Oe", Ü: "Ue", ẞ: "SS",
};

export const SLUG_MAX_LENGTH = 80;

export function slugify(input: string, maxLength = SLUG_MAX_LENGTH): string {
  const slug = input
    .replace(/[äöüßÄÖÜẞ]/g, (ch) => GERMAN[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // remaining accents: é → e, ñ → n
    .toLowerCase()
    .replace(/&/g, " und ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so a long headline doesn't end mid-word.
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
