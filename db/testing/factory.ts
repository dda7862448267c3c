import "server-only";
// The journeys' data factory: makes what one Playwright journey needs through the same verbs the
// desk uses (create → save → submit / publish / schedule), as the person the journey names, so
// a journey owns its data instead of counting the demo newsroom's. Served only on the e2e server
// (app/api/test-factory/route.ts); every name a journey passes is its own (a run id in it), so
// journeys running side by side never see each other's articles in what they assert.
import { timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { NotFound } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { scheduleArticle } from "../articles/schedule";
import { submitArticle } from "../articles/submit";
import { createUser } from "../users/create";
import { getDb } from "../client";
import { postApprovedComments, uploadDrawing } from "../makers";
import { createLiveEntry } from "../live/create-entry";
import { publishLiveEntry } from "../live/publish-entry";
import { setLiveBlog } from "../live/set-live";
import { sections, users } from "../schema";

/**
 * Whether a request's factory header opens the factory: only when the server holds a token (the
 * e2e server alone is given one) and the header carries exactly it.
 */
export function factoryAllowed(header: string | null, token = process.env.COPYDESK_TEST_FACTORY_TOKEN): boolean {
  if (!token || token.length < 32 || !header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const FactoryArticle = z.object({
  /** Who writes it (a demo account's address); a published or scheduled one is published by `publisher`. */
  author: z.email(),
  publisher: z.email().optional(),
  headline: z.string().min(1),
  standfirst: z.string().default(""),
  /** An existing section's slug. */
  section: z.string().min(1),
  language: z.enum(["de", "en"]).default("de"),
  /** Each a paragraph: its text, or its text with one link at its end. */
  paragraphs: z.array(z.union([z.string().min(1), z.object({ text: z.string().min(1), link: z.object({ text: z.string().min(1), href: z.string().min(1) }) })])).min(1),
  tags: z.array(z.string()).optional(),
  status: z.enum(["draft", "in_review", "published", "scheduled"]).default("draft"),
  /** For "scheduled": the newsroom wall clock ("2026-11-24T14:30:15"). */
  at: z.string().optional(),
  /** A lead image uploaded to the media library by the publisher (a drawn JPEG, with its renditions). */
  leadImage: z.object({ caption: z.string().min(1), alt: z.string().min(1), credit: z.string().default("Illustration: Copydesk") }).optional(),
  /** Related links (outside addresses), as the desk's related-links field takes them. */
  related: z.array(z.object({ url: z.string().min(1), title: z.string().min(1) })).optional(),
  /** Readers' comments on the published article, approved by the publisher. */
  comments: z.array(z.object({ name: z.string().min(1), text: z.string().min(1) })).default([]),
});
export type FactoryArticle = z.input<typeof FactoryArticle>;

export type MadeArticle = { id: number; version: number; status: string; sectionSlug: string; slug: string; editUrl: string; url: string | null };

async function viewerByEmail(email: string): Promise<Viewer> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, role: users.role, name: users.name })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  if (!row) throw new NotFound();
  return row;
}

/** One article, taken through the workflow as far as `status` says. */
export async function makeArticle(input: FactoryArticle): Promise<MadeArticle> {
  const data = FactoryArticle.parse(input);
  const author = await viewerByEmail(data.author);
  const db = await getDb();
  const [section] = await db.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.slug, data.section));
  if (!section) throw new NotFound();
  const paragraph = (p: (typeof data.paragraphs)[number]) =>
    typeof p === "string"
      ? { type: "paragraph", content: [{ type: "text", text: p }] }
      : { type: "paragraph", content: [{ type: "text", text: `${p.text} ` }, { type: "text", text: p.link.text, marks: [{ type: "link", attrs: { href: p.link.href } }] }] };
  const body = { type: "doc", content: data.paragraphs.map(paragraph) };
  const publisher = await viewerByEmail(data.publisher ?? "editor@copydesk.test");
  const picture = data.leadImage ? await leadImage(publisher, data.leadImage) : {};
  const created = await createArticle({
    ctx: { viewer: author },
    input: { headline: data.headline, standfirst: data.standfirst, sectionId: section.id, language: data.language, body, tags: data.tags, related: data.related, ...picture },
  });
  let version = created.version;
  let url: string | null = null;
  if (data.status !== "draft") {
    version = (await submitArticle({ ctx: { viewer: author }, input: { id: created.id, version } })).version;
  }
  if (data.status === "published" || data.status === "scheduled") {
    const result =
      data.status === "published"
        ? await publishArticle({ ctx: { viewer: publisher }, input: { id: created.id, version } })
        : await scheduleArticle({ ctx: { viewer: publisher }, input: { id: created.id, version, at: data.at ?? "" } });
    version = result.version;
    url = result.url;
  }
  if (data.comments.length) await postApprovedComments(created.id, data.comments, publisher, `factory-${created.id}`);
  return { id: created.id, version, status: data.status, sectionSlug: section.slug, slug: created.slug, editUrl: `/desk/articles/${created.id}`, url };
}

/** A drawn picture (a sky over a street line), uploaded as a photographer's JPEG would be. */
function leadImage(editor: Viewer, image: { caption: string; alt: string; credit: string }) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="1600" height="1000" fill="#9cc3dd"/><rect y="420" width="1600" height="580" fill="#b5523b"/><rect y="700" width="1600" height="300" fill="#4a4d52"/></svg>`;
  return uploadDrawing(editor, { svg, filename: "factory-lead.jpg", ...image });
}

export const FactoryLiveBlog = z.object({
  /** The article that becomes a live blog (an editor starts it). */
  articleId: z.number().int().positive(),
  entries: z
    .array(
      z.object({
        /** Who writes the entry (a demo account's address); a published one is published by an editor. */
        author: z.email(),
        title: z.string().default(""),
        paragraphs: z.array(z.string().min(1)).min(1),
        published: z.boolean().default(false),
      }),
    )
    .default([]),
});
export type FactoryLiveBlog = z.input<typeof FactoryLiveBlog>;
export type MadeLiveBlog = { articleId: number; entries: { id: number; version: number }[] };

/** An article made a running live blog, with entries written (and published) by the people named. */
export async function makeLiveBlog(input: FactoryLiveBlog): Promise<MadeLiveBlog> {
  const data = FactoryLiveBlog.parse(input);
  const editor = await viewerByEmail("editor@copydesk.test");
  await setLiveBlog({ ctx: { viewer: editor }, input: { articleId: data.articleId, state: "live" } });
  const entries: MadeLiveBlog["entries"] = [];
  for (const e of data.entries) {
    const body = { type: "doc", content: e.paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
    const made = await createLiveEntry({ ctx: { viewer: await viewerByEmail(e.author) }, input: { articleId: data.articleId, title: e.title, body } });
    entries.push(e.published ? await publishLiveEntry({ ctx: { viewer: editor }, input: made }) : made);
  }
  return { articleId: data.articleId, entries };
}

export const FactoryUser = z.object({
  /** The new person's address and name: the journey's own (a run id in them). */
  email: z.email(),
  name: z.string().min(1),
  role: z.enum(["admin", "editor", "journalist"]).default("journalist"),
  password: z.string().min(1),
  /** Who creates the account (a demo admin's address). */
  admin: z.email(),
});
export type FactoryUser = z.input<typeof FactoryUser>;

/** A new account of the journey's own, made by the demo admin through the users verb (audited like any). */
export async function makeUser(input: FactoryUser): Promise<{ id: number; email: string }> {
  const data = FactoryUser.parse(input);
  const user = await createUser({ ctx: { viewer: await viewerByEmail(data.admin) }, input: { email: data.email, name: data.name, role: data.role, password: data.password } });
  return { id: user.id, email: user.email };
}
