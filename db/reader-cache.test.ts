import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { tagExpiredAt } from "@/lib/cache/expire";
import { onExpire } from "@/lib/cache/store.mjs";
import { publicationTags, readerTags } from "@/lib/cache/tags";
import { toNewsroomWallClock } from "@/lib/dates";
import { createArticle } from "./articles/create";
import { publishArticle } from "./articles/publish";
import { scheduleArticle } from "./articles/schedule";
import { withTransaction } from "./context";
import { announceReaderChange, dueSince, startReaderCacheSync } from "./reader-cache";
import { publications } from "./schema";
import { doc, engine, inRollback, newsroom } from "./testing";

const unique = (name: string) => `test:${name}:${Date.now()}:${Math.random()}`;

/** Another instance announces `tag` (a bare list, as it sends them) until this process's listener, connecting in the background, has expired it. */
async function heardFrom(other: pg.Client, tag: string) {
  await expect
    .poll(async () => {
      await other.query("select pg_notify('copydesk_reader_cache', $1)", [JSON.stringify([tag])]);
      return tagExpiredAt(tag);
    }, { timeout: 15_000 })
    .toBeGreaterThan(0);
}

describe(`reader page cache sync on ${engine}`, () => {
  it("expires a change's pages once its transaction commits — not before, and not after a rollback", async () => {
    const committed = unique("committed");
    await withTransaction({ viewer: null }, async (tx) => {
      await announceReaderChange(tx, [committed]);
      // A reader asking now must not get a page rendered (and kept) from the old data.
      expect(tagExpiredAt(committed)).toBeUndefined();
    });
    expect(tagExpiredAt(committed)).toBeGreaterThan(0);

    const rolledBack = unique("rolled-back");
    await expect(
      withTransaction({ viewer: null }, async (tx) => {
        await announceReaderChange(tx, [rolledBack]);
        throw new Error("the verb fails after announcing");
      }),
    ).rejects.toThrow("the verb fails");
    expect(tagExpiredAt(rolledBack)).toBeUndefined();
  });

  it("names every page that shows a publication", () => {
    const tags = publicationTags({ sectionSlug: "politik", slug: "kaempfer", tags: [{ slug: "verkehr" }], bylines: [{ slug: "lena-kaempfer" }] });
    expect(tags).toEqual([
      readerTags.article("politik", "kaempfer"),
      readerTags.home,
      readerTags.search,
      readerTags.section("politik"),
      readerTags.tag("verkehr"),
      readerTags.author("lena-kaempfer"),
    ]);
  });

  it("the ticker expires scheduled articles that fell due, and leaves plain publishes to their own commit", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const input = (headline: string) => ({ headline, standfirst: "Vorspann.", sectionId: n.sections.politik.id, language: "de" as const, body: doc("Text.") });
      const since = ((await tx.execute(sql`select (now() - interval '1 minute')::text as since`)) as unknown as { rows: { since: string }[] }).rows[0].since;
      const planned = await createArticle({ ctx: n.ctx(n.journalist), input: input("Geplant: Fähre fährt") });
      await scheduleArticle({ ctx: n.ctx(n.editor), input: { id: planned.id, version: planned.version, at: toNewsroomWallClock(new Date(Date.now() + 5 * 60_000)) } });
      // Time passes: the schedule fell due half a minute ago (the clock is the database's).
      await tx.update(publications).set({ visibleFrom: sql`now() - interval '30 seconds'` }).where(eq(publications.articleId, planned.id));
      const plain = await createArticle({ ctx: n.ctx(n.journalist), input: input("Sofort: Brücke gesperrt") });
      await publishArticle({ ctx: n.ctx(n.editor), input: { id: plain.id, version: plain.version } });

      const slugOf = async (id: number) => (await tx.select({ slug: publications.slug }).from(publications).where(eq(publications.articleId, id)))[0].slug;
      const section = n.sections.politik.slug;
      const due = await dueSince(tx, since);
      expect(due.tags).toContain(readerTags.article(section, await slugOf(planned.id)));
      expect(due.tags).toContain(readerTags.home);
      expect(due.tags).not.toContain(readerTags.article(section, await slugOf(plain.id)));
      // Asked again from where it left off, nothing is due twice.
      expect((await dueSince(tx, due.now)).tags).not.toContain(readerTags.article(section, await slugOf(planned.id)));
    }));

  // Only PostgreSQL has other instances (the embedded database belongs to one process).
  if (engine === "postgres")
    it("hears another instance's change through PostgreSQL", async () => {
    startReaderCacheSync();
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await heardFrom(other, unique("elsewhere"));
    } finally {
      await other.end();
    }
  });

  if (engine === "postgres")
    it("expires its own change once: its own NOTIFY only purges the edge again", async () => {
      startReaderCacheSync();
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await heardFrom(other, unique("listening"));
        const mine = unique("mine");
        let expiries = 0;
        const stop = onExpire((tags) => void (tags.includes(mine) && expiries++));
        try {
          await withTransaction({ viewer: null }, (tx) => announceReaderChange(tx, [mine]));
          expect(expiries).toBe(1);
          // Notifications arrive in order: once one sent after the commit is heard, so was our own.
          const after = unique("after");
          await other.query("select pg_notify('copydesk_reader_cache', $1)", [JSON.stringify({ origin: "another-instance", tags: [after] })]);
          await expect.poll(() => tagExpiredAt(after), { timeout: 15_000 }).toBeGreaterThan(0);
          expect(expiries).toBe(1);
        } finally {
          stop();
        }
      } finally {
        await other.end();
      }
    });
});
