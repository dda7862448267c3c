// What the load test runs on: the benchmark's archive, plus the desk people who autosave
// during the test (made through the data verbs, as an admin would) with a draft each, and
// the reader addresses to spread the readers over.
import { sql } from "drizzle-orm";
import { createArticle } from "@/db/articles/create";
import { saveArticle } from "@/db/articles/save";
import { getDb } from "@/db/client";
import { SYSTEM_VIEWER } from "@/db/context";
import { createUser } from "@/db/users/create";
import { seedArchive } from "../bench/seed";
import { DEMO_PASSWORD } from "../env";
import { draftBody, type EditorPlan } from "./plans";

export type ReaderKind = { kind: string; weight: number; paths: string[] };

const DESK_PEOPLE = ["Hanna Petersen", "Jonas Albrecht", "Leyla Şahin", "Oskar Brandl", "Maren Voß", "Tilman Roth", "Ines Kowalski", "Ruben Mertens"];

// Search words readers type: found often, rarely, or not at all (each one its own cache entry).
const SEARCH_WORDS = [
  "Wohnung", "Hafen", "Fährlinie", "Radweg", "Grundsteuer", "Wärmepumpen", "Straßenbahn", "Stadtrat", "Haushaltsentwurf", "Bibliotheken",
  "Seegraswiesen", "Lehrermangel", "Batteriewerk", "Opposition", "Bürgermeisterin", "harbour", "tram", "council", "budget", "heat pumps",
  "housing", "teacher shortage", "river restoration", "night flight", "Kläranlage", "Elbphilharmonie", "Zugspitze", "Stadtwerke",
  "Nahverkehr", "Gutachten", "Warnstreiks", "Fördermittel", "Verwaltung", "shipyard", "petition", "tenants", "Kulturstiftung", "Mieterbund",
];

export async function seedNewsroom(opts: { articles: number; editors: number; log: (line: string) => void }): Promise<{ editors: EditorPlan[]; readers: ReaderKind[] }> {
  await seedArchive(opts.articles, opts.log);
  const db = await getDb();
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

  const sections = await rows<{ id: number; slug: string }>(sql`select id, slug from sections order by position`);
  const tagNames = await rows<{ name: string }>(sql`select name from tags order by id limit 40`);
  const editors: EditorPlan[] = [];
  const drafts: { viewer: { id: number; role: "journalist" | "editor"; name: string }; input: Parameters<typeof createArticle>[0]["input"]; id: number; version: number }[] = [];
  for (let i = 0; i < opts.editors; i++) {
    const name = DESK_PEOPLE[i] ?? `Load Editor ${i + 1}`;
    // Editors and journalists, alternating: a journalist edits their own draft, an editor any.
    const role = i % 2 === 0 ? ("journalist" as const) : ("editor" as const);
    const email = `load-desk-${i + 1}@copydesk.test`;
    const person = await createUser({ ctx: { viewer: SYSTEM_VIEWER }, input: { email, name, role, password: DEMO_PASSWORD } });
    const language = i % 3 === 2 ? ("en" as const) : ("de" as const);
    const viewer = { id: person.id, role: role, name: person.name };
    const input = {
      headline: language === "de" ? `Entwurf von ${name}: Was die Stadt jetzt plant` : `Draft by ${name}: what the city plans now`,
      standfirst: language === "de" ? "Ein Text, der während des Lasttests entsteht." : "A story written during the load test.",
      sectionId: sections[i % sections.length].id,
      language,
      body: draftBody(1000 + i, language),
      tags: [tagNames[i % tagNames.length].name, tagNames[(i * 7 + 3) % tagNames.length].name],
    };
    const draft = await createArticle({ ctx: { viewer }, input });
    drafts.push({ viewer, input, id: draft.id, version: draft.version });
    editors.push({ email, password: DEMO_PASSWORD, articleId: draft.id, language });
  }
  // The drafts are one story package: each is related to the one before and after it, so
  // every autosave (which sends the related links along) points at articles others are saving.
  for (const [i, d] of drafts.entries()) {
    const neighbours = [...new Set([drafts[(i + 1) % drafts.length], drafts[(i + drafts.length - 1) % drafts.length]])].filter((n) => n !== d);
    if (!neighbours.length) continue;
    await saveArticle({ ctx: { viewer: d.viewer }, input: { ...d.input, headline: d.input.headline ?? "", language: d.input.language ?? "de", id: d.id, version: d.version, related: neighbours.map((n) => ({ articleId: n.id, title: n.input.headline ?? "" })) } });
  }

  // Newest first: the first few are what most readers open (hot, cached after the first hit);
  // the whole archive is the long tail, mostly cache misses at first.
  const articles = (await rows<{ path: string }>(sql`select '/' || section_slug || '/' || slug as path from publications order by published_at desc, article_id desc`)).map((r) => r.path);
  const tagRows = await rows<{ slug: string; n: number }>(sql`select t.slug, count(*)::int as n from tags t join article_tags x on x.tag_id = t.id group by t.slug order by count(*) desc, t.slug limit 40`);
  const tags = tagRows.map((r) => r.slug);
  const longTags = tagRows.filter((r) => r.n > 20).map((r) => r.slug); // with a second page
  const authors = (await rows<{ slug: string }>(sql`select distinct u.slug from users u join article_authors x on x.user_id = u.id order by u.slug`)).map((r) => r.slug);
  const readers: ReaderKind[] = [
    { kind: "article (hot)", weight: 30, paths: articles.slice(0, 10) },
    { kind: "article (archive)", weight: 20, paths: articles },
    { kind: "home", weight: 10, paths: ["/", "/", "/", "/p/2", "/p/3"] },
    { kind: "section", weight: 10, paths: sections.flatMap((s) => [`/${s.slug}`, `/${s.slug}`, `/${s.slug}/p/2`]) },
    { kind: "tag", weight: 8, paths: [...tags.map((t) => `/tags/${t}`), ...longTags.slice(0, 5).map((t) => `/tags/${t}/p/2`)] },
    { kind: "author", weight: 7, paths: authors.map((a) => `/authors/${a}`) },
    { kind: "search", weight: 8, paths: SEARCH_WORDS.map((w) => `/search?q=${encodeURIComponent(w)}`) },
    {
      kind: "feed",
      weight: 7,
      paths: ["/feeds/rss.xml", "/feeds/rss.xml", "/feeds/atom.xml", ...sections.map((s) => `/feeds/section/${s.slug}/rss.xml`), ...tags.slice(0, 5).map((t) => `/feeds/tag/${t}/atom.xml`)],
    },
  ];
  return { editors, readers };
}
