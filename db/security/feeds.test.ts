// Feeds carry whatever a person typed: every XSS payload (and the XML-specific ones: a headline
// that closes a CDATA section, a tag name with "<" and "&") goes into every field that reaches a
// feed — headline, standfirst, body, tag, section and author names — is published, and all eight
// feeds that list it (RSS and Atom of the site, its section, its tag and its author) are built as
// the route builds them and parsed by an XML parser. Each must be well-formed, and give back each
// field exactly: the item's title is the headline character for character, plain text stays text
// (never type="html"), and the only HTML is the sanitized body, equal to the stored one.
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { feedDocument, feedTitle, type FeedDocumentInput } from "@/lib/feeds/document";
import { XSS_PAYLOADS } from "@/lib/testing/xss-payloads";
import { escapeHtml } from "@/lib/xml";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import type { Db } from "../client";
import { getFeedSource } from "../publications/feed";
import { publications } from "../schema";
import { createSection } from "../sections/create";
import { doc, engine, inRollback, newsroom } from "../testing";
import { createUser } from "../users/create";

const ORIGIN = "https://news.example.org";
const LABELS = { tagline: "Nachrichten & „Hintergründe“", copyright: "© Copydesk <Redaktion>", tagKicker: "Thema" };

const FEED_PAYLOADS = [
  { id: "cdata-breakout", payload: "Erst]]><link>https://evil.example/a</link>dann]]><link>https://evil.example/b</link>" },
  { id: "cdata-open", payload: "<![CDATA[ a ]]> b <![CDATA[" },
  { id: "lt-amp-quotes", payload: `Tag <b>&amp; „Zitat“ 'x' "y" & < > ß` },
  { id: "entity-lookalikes", payload: "&lt;script&gt; &#60; &nbsp; &unknown;" },
  { id: "german", payload: "Kämpfer „Größe“ – Straße …" },
  ...XSS_PAYLOADS,
];

class Rollback extends Error {}
/** Each payload in a savepoint of its own, so every feed lists that one article only. */
async function inSavepoint(tx: Db, fn: (sp: Db) => Promise<void>) {
  await tx.transaction(async (sp) => {
    await fn(sp as unknown as Db);
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
}

function parseXml(xml: string): Document {
  const problems: string[] = [];
  const document = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(xml, "text/xml");
  // Characters XML 1.0 does not allow anywhere (xmldom lets them through).
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) problems.push("control character");
  expect(problems, xml.slice(0, 2000)).toEqual([]);
  return document as unknown as Document;
}

const children = (parent: Element | XmlElement, name: string) => Array.from(parent.childNodes as ArrayLike<Node>).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const child = (parent: Element, name: string) => {
  const found = children(parent, name);
  expect(found.length, `<${name}> in <${parent.localName}>`).toBe(1);
  return found[0];
};
const names = (parent: Element) => Array.from(parent.childNodes as ArrayLike<Node>).filter((n) => n.nodeType === 1).map((n) => (n as Element).localName);

type Expected = { headline: string; standfirst: string; bodyHtml: string; tags: string[]; section: string; author: string; link: string };

function checkRss(xml: string, title: string, e: Expected) {
  const channel = child(parseXml(xml).documentElement, "channel");
  expect(child(channel, "title").textContent).toBe(title);
  const [item] = children(channel, "item");
  // Nothing but the elements an item is made of (a CDATA break-out would add a second <link>).
  expect(names(item).filter((n) => !["category", "creator"].includes(n))).toEqual(["title", "link", "guid", "pubDate", "description", "encoded"]);
  expect(child(item, "title").textContent).toBe(e.headline);
  expect(child(item, "link").textContent).toBe(e.link);
  // RSS readers take <description> as HTML: the plain-text standfirst is escaped as HTML in it.
  expect(child(item, "description").textContent).toBe(escapeHtml(e.standfirst));
  expect(child(item, "encoded").textContent).toBe(e.bodyHtml);
  expect(children(item, "category").map((c) => c.textContent)).toEqual([e.section, ...e.tags]);
  expect(children(item, "creator").map((c) => c.textContent)).toEqual([e.author]);
}

function checkAtom(xml: string, title: string, e: Expected) {
  const feed = parseXml(xml).documentElement;
  const titleEl = child(feed, "title");
  expect(titleEl.textContent).toBe(title);
  expect(titleEl.getAttribute("type") ?? "text").toBe("text");
  const [entry] = children(feed, "entry");
  const entryTitle = child(entry, "title");
  expect(entryTitle.textContent).toBe(e.headline);
  expect(entryTitle.getAttribute("type") ?? "text").toBe("text");
  expect(children(entry, "link").map((l) => l.getAttribute("href"))).toEqual([e.link]);
  const summary = child(entry, "summary");
  expect(summary.textContent).toBe(e.standfirst);
  expect(summary.getAttribute("type") ?? "text").toBe("text");
  const content = child(entry, "content");
  expect(content.getAttribute("type")).toBe("html");
  expect(content.textContent).toBe(e.bodyHtml);
  // Atom's category names its subject in `term` (required); `label` is optional text.
  expect(children(entry, "category").map((c) => c.getAttribute("term"))).toEqual([e.section, ...e.tags]);
  expect(children(entry, "author").map((a) => child(a, "name").textContent)).toEqual([e.author]);
}

describe(`feeds on ${engine}`, () => {
  it(`are well-formed and faithful for ${FEED_PAYLOADS.length} hostile texts in every field, in all eight feeds`, () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const author = await createUser({ ctx: n.ctx(n.admin), input: { email: `feed-${n.tag}@copydesk.test`, name: "Vorläufig", role: "journalist", password: "correct horse battery" } });
      const failures: string[] = [];
      for (const { id, payload } of FEED_PAYLOADS) {
        await inSavepoint(tx, async (sp) => {
          const ctx = (viewer: typeof n.admin) => ({ viewer, tx: sp });
          const section = await createSection({ ctx: ctx(n.admin), input: { name: `${payload.slice(0, 40)} ${n.tag}`.slice(0, 60) } }).catch(() => n.sections.politik);
          await sp.execute(`update users set name = '${`${payload.slice(0, 100)}`.replace(/'/g, "''")}' where id = ${author.id}`);
          const tags = [payload.slice(0, 60), `tag ${payload}`.slice(0, 60)];
          const created = await createArticle({
            ctx: ctx({ id: author.id, role: "journalist", name: payload }),
            input: { headline: payload.slice(0, 200), standfirst: payload, sectionId: section.id, language: "de", body: doc(payload, `Zwei: ${payload}`), tags, authorIds: [author.id] },
          });
          await publishArticle({ ctx: ctx(n.editor), input: { id: created.id, version: created.version } });
          const [row] = await sp.select().from(publications).where(eq(publications.articleId, created.id));
          expect(row.headline).toBe(payload.slice(0, 200).trim());
          const expected: Expected = {
            headline: row.headline,
            standfirst: row.standfirst,
            bodyHtml: row.bodyHtml,
            tags: row.tags.map((t) => t.name),
            section: row.sectionName,
            author: row.bylines[0].name,
            link: `${ORIGIN}/${row.sectionSlug}/${row.slug}`,
          };
          const scopes = [[], ["section", row.sectionSlug], ["tag", row.tags[0].slug], ["author", row.bylines[0].slug]];
          for (const scope of scopes) {
            for (const file of ["rss.xml", "atom.xml"]) {
              const path = [...scope, file];
              const source = await getFeedSource(path, { tx: sp });
              if (source.status !== 200) throw new Error(`${path.join("/")}: ${source.status}`);
              const input: FeedDocumentInput = { format: source.format, self: `${ORIGIN}/feeds/${path.join("/")}`, origin: ORIGIN, language: "de", scope: source.scope, labels: LABELS, fullText: true, items: source.items };
              const xml = feedDocument(input);
              const title = feedTitle(source.scope, LABELS.tagKicker);
              try {
                (source.format === "rss" ? checkRss : checkAtom)(xml, title, expected);
              } catch (error) {
                failures.push(`${id} /feeds/${path.join("/")}: ${(error as Error).message.split("\n")[0]}`);
              }
            }
          }
        });
      }
      expect(failures).toEqual([]);
    }));
});
