// Cross-site scripting through every input a person controls, at the data layer: crafted body
// JSON (not just what the editor would type), every text field of an article, its lead image,
// tags, related links, bylines (user names and bios) and reader comments. Each payload is
// written, published, and the stored publication checked: its HTML carries no active content,
// and the text fields are stored as the text that was typed (the reader pages escape them;
// e2e/security/xss.spec.ts renders the worst of them in a browser).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { AppError, Invalid } from "@/lib/errors";
import { hashClientAddress } from "@/lib/comments";
import { parseBody, renderBody } from "@/lib/content/body";
import { localStorage } from "@/lib/media/storage";
import { makeImage } from "@/lib/media/test-images";
import { ALL_XSS, findActiveContent, XSS_PAYLOADS, XSS_URLS } from "@/lib/testing/xss-payloads";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { saveArticle } from "../articles/save";
import { moderateComments } from "../comments/moderate";
import { postComment } from "../comments/post";
import { uploadMedia } from "../media/upload";
import { getArticlePage } from "../publications/queries";
import { comments, publications } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import { createUser } from "../users/create";
import { updateOwnProfile } from "../users/update-profile";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-xss-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const SRC = "/media/2026/01/0b9e4c1e-3f0a-4a57-9d5e-0d7c5f3e2a11/w960.webp";
const text = (t: string) => ({ type: "text", text: t });

/** A body that puts one payload everywhere the schema lets text or attributes go. */
function payloadBody(payload: string) {
  return {
    type: "doc",
    attrs: { onload: payload },
    content: [
      { type: "heading", attrs: { level: payload }, content: [text(payload)] },
      // Unknown attributes are not part of the schema: they must vanish, never reach the HTML.
      { type: "paragraph", attrs: { onclick: payload, style: payload, class: payload }, content: [text(payload), { type: "hardBreak" }, text(`x${payload}`)] },
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: payload,
            marks: [
              { type: "bold", attrs: { onmouseover: payload } },
              { type: "link", attrs: { href: "https://example.org/a", target: payload, rel: payload, class: payload, onclick: payload, title: payload } },
            ],
          },
        ],
      },
      {
        type: "figure",
        attrs: { mediaId: 7, src: SRC, srcset: `${SRC} 960w`, width: 960, height: 640, alt: payload, caption: payload, credit: payload, onerror: payload, style: payload },
      },
      { type: "orderedList", attrs: { start: payload, type: payload }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [text(payload)] }] }] },
      { type: "pullQuote", attrs: { cite: payload }, content: [{ type: "paragraph", content: [text(payload)] }] },
      { type: "blockquote", content: [{ type: "paragraph", content: [text(payload)] }] },
    ],
  };
}

/** The refusal a payload must get: the app's typed error, never a crash. */
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const outcome = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome, "expected a refusal").toBeInstanceOf(AppError);
  return outcome as AppError;
}

describe(`XSS payloads through every input on ${engine}`, () => {
  it(`has at least 50 payloads, and the detector sees the markup ones in raw HTML`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ALL_XSS.map((x) => x.id)).size).toBe(ALL_XSS.length);
    // A detector that finds nothing in the raw payloads would make the suite below pass vacuously.
    const seen = XSS_PAYLOADS.filter((x) => /<[a-z]/i.test(x.payload) && findActiveContent(x.payload).length > 0);
    expect(seen.length).toBeGreaterThanOrEqual(45);
    expect(findActiveContent('<p>fine <a href="https://example.org" rel="noopener noreferrer">link</a> &lt;script&gt;</p>')).toEqual([]);
  });

  it("refuses every dangerous URL as a body link, a figure source or srcset, and a related link", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const base = { headline: "Links", standfirst: "", sectionId: n.sections.politik.id, language: "de" as const };
      const accepted: string[] = [];
      for (const { id, payload } of ALL_XSS) {
        const link = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "hier", marks: [{ type: "link", attrs: { href: payload } }] }] }] };
        const figure = (attrs: Record<string, string>) => ({ type: "doc", content: [{ type: "figure", attrs: { src: SRC, alt: "Alt", ...attrs } }] });
        // Through the verb: a body link and a related link.
        for (const [where, input] of Object.entries({ link: { ...base, body: link }, related: { ...base, body: doc("Text."), related: [{ url: payload, title: "Mehr" }] } })) {
          // A refusal writes nothing (the verb's own transaction); an acceptance is noted.
          const error = await createArticle({ ctx: n.ctx(n.journalist), input }).then(() => null, (e: unknown) => e);
          if (!(error instanceof AppError)) {
            if (error) throw error; // a crash is never a refusal
            accepted.push(`${where}: ${id}`);
          }
        }
        // Figure sources through the body check the verbs run (no database involved).
        for (const [where, body] of Object.entries({ figureSrc: figure({ src: payload }), figureSrcset: figure({ srcset: `${payload} 480w` }) })) {
          try {
            parseBody(body);
            accepted.push(`${where}: ${id}`);
          } catch (error) {
            if (!(error instanceof Invalid)) throw error;
          }
        }
      }
      expect(accepted).toEqual([]);
    }));

  it("refuses unknown nodes and marks in the body (raw HTML, images, iframes, scripts)", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const base = { headline: "Knoten", standfirst: "", sectionId: n.sections.politik.id, language: "de" as const };
      const bodies = [
        { type: "doc", content: [{ type: "html", attrs: { html: "<script>alert(1)</script>" } }] },
        { type: "doc", content: [{ type: "image", attrs: { src: "javascript:alert(1)" } }] },
        { type: "doc", content: [{ type: "iframe", attrs: { src: "https://xss.example", srcdoc: "<script>alert(1)</script>" } }] },
        { type: "doc", content: [{ type: "script", content: [text("alert(1)")] }] },
        { type: "doc", content: [{ type: "codeBlock", content: [text("<script>alert(1)</script>")] }] },
        { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "script" }] }] }] },
        { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "code" }] }] }] },
        { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "textStyle", attrs: { style: "x:expression(alert(1))" } }] }] }] },
        { type: "doc", content: [{ type: "paragraph", content: [{ type: "html", text: "<img src=x onerror=alert(1)>" }] }] },
        "<p><script>alert(1)</script></p>",
        { type: "doc", content: "<script>alert(1)</script>" },
      ];
      for (const body of bodies) {
        const error = await refusal(createArticle({ ctx: n.ctx(n.journalist), input: { ...base, body } }));
        expect(error, JSON.stringify(body)).toBeInstanceOf(Invalid);
      }
    }));

  it("refuses every payload as a slug", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      for (const { payload } of ALL_XSS) {
        const error = await refusal(createArticle({ ctx: n.ctx(n.journalist), input: { headline: "Slug", sectionId: n.sections.politik.id, language: "de", body: doc("Text."), slug: payload } }));
        expect((error as Invalid).fieldErrors.slug).toBeDefined();
      }
    }));

  it("publishes every payload in every text field and the crafted body: the stored HTML has no active content", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const storage = localStorage(root);
      const image = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "<img src=x onerror=alert(1)>.png", bytes: await makeImage("png", 32, 32) } });
      const dirty: string[] = [];
      let published = 0;
      // A byline whose name and biography are the payload: an admin creates the account, then
      // the person edits their profile to each payload in turn.
      const author = await createUser({
        ctx: n.ctx(n.admin),
        input: { email: `xss-${n.tag}@copydesk.test`, name: XSS_PAYLOADS[0].payload, role: "journalist", password: "correct horse battery", bio: XSS_PAYLOADS[1].payload },
      });
      for (const { id, payload } of XSS_PAYLOADS) {
        await updateOwnProfile({ ctx: n.ctx({ id: author.id, role: "journalist", name: author.name }), input: { name: payload.slice(0, 120), bio: payload, avatarMediaId: image.id } });
        const input = {
          headline: payload.slice(0, 200),
          standfirst: payload,
          sectionId: n.sections.politik.id,
          language: "de" as const,
          body: payloadBody(payload),
          seoTitle: payload,
          seoDescription: payload,
          leadImageId: image.id,
          leadCaption: payload,
          leadCredit: payload.slice(0, 200),
          leadAlt: payload,
          tags: [payload.slice(0, 60), `tag ${payload}`.slice(0, 60)],
          related: [{ url: `https://example.org/?q=${encodeURIComponent(payload)}`, title: payload.slice(0, 200) }],
          authorIds: [author.id, n.journalist.id],
        };
        const created = await createArticle({ ctx: n.ctx(n.journalist), input });
        // The update path too, for every fourth payload (each save is a full write with revision).
        const saved = published % 4 === 0 ? await saveArticle({ ctx: n.ctx(n.journalist), input: { ...input, id: created.id, version: created.version } }) : created;
        await publishArticle({ ctx: n.ctx(n.editor), input: { id: saved.id, version: saved.version, note: payload } });
        published++;
        const [row] = await tx.select().from(publications).where(eq(publications.articleId, created.id));
        for (const problem of findActiveContent(row.bodyHtml)) dirty.push(`${id}: ${problem}`);
        // The payload's words survive as text (escaped), they are not silently eaten or rewritten.
        expect(row.bodyText).toContain(payload.trim());
        // Text fields are stored as typed: text, for the pages to escape — never pre-rendered HTML.
        expect(row).toMatchObject({ headline: payload.slice(0, 200).trim(), standfirst: payload.trim(), seoTitle: payload.trim() });
        expect(row.leadImage).toMatchObject({ caption: payload.trim(), alt: payload.trim() });
        expect(row.bylines[0].name).toBe(payload.slice(0, 120).trim());
        expect(row.bylines[0].slug).toMatch(/^[a-z0-9-]+$/);
        expect(row.related[0].href).toMatch(/^https:\/\/example\.org\/\?q=/);
        for (const t of row.tags) expect(t.slug).toMatch(/^[a-z0-9-]+$/);
      }
      expect(dirty).toEqual([]);
      expect(published).toBe(XSS_PAYLOADS.length);
      console.info(`[xss] ${XSS_PAYLOADS.length} payloads published through 17 fields each, ${ALL_XSS.length} refused as URLs/slugs; active content found: ${dirty.length}`);
    }));

  it("renders a payload body directly (preview path) without active content", () => {
    for (const { id, payload } of XSS_PAYLOADS) {
      expect(findActiveContent(renderBody(payloadBody(payload))), id).toEqual([]);
    }
  });

  it("keeps reader comments as plain text", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: { headline: "Kommentare", sectionId: n.sections.politik.id, language: "de", body: doc("Text.") } });
      await publishArticle({ ctx: n.ctx(n.editor), input: a });
      let client = 0;
      for (const { payload } of [...XSS_PAYLOADS, ...XSS_URLS].slice(0, 25)) {
        // Per-article rate limit: 30 in ten minutes; the first 25 payloads are plenty here.
        await postComment({ ctx: n.ctx(null), input: { articleId: a.id, name: payload.slice(0, 80), text: payload, clientHash: hashClientAddress(`198.51.100.${++client}`, "s") } });
      }
      const ids = (await tx.select({ id: comments.id }).from(comments).where(eq(comments.articleId, a.id))).map((c) => c.id);
      await moderateComments({ ctx: n.ctx(n.editor), input: { ids, action: "approve" } });
      const [p] = await tx.select({ sectionSlug: publications.sectionSlug, slug: publications.slug }).from(publications).where(eq(publications.articleId, a.id));
      const listed = (await getArticlePage(p.sectionSlug, p.slug, { tx }))!.comments; // as the reader's page reads them
      expect(listed.count).toBe(25);
      // Stored as the text that was typed (minus control characters): the page escapes it.
      expect(listed.items.map((c) => c.body)).toContain("<script>alert(1)</script>");
    }));
});
