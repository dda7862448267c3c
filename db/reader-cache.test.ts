import pg from "pg";
import { describe, expect, it } from "vitest";
import { tagExpiredAt } from "@/lib/cache/expire";
import { publicationTags, readerTags } from "@/lib/cache/tags";
import { withTransaction } from "./context";
import { announceReaderChange, startReaderCacheSync } from "./reader-cache";
import { engine } from "./testing";

const unique = (name: string) => `test:${name}:${Date.now()}:${Math.random()}`;

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

  // Only PostgreSQL has other instances (the embedded database belongs to one process).
  if (engine === "postgres")
    it("hears another instance's change through PostgreSQL", async () => {
    startReaderCacheSync();
    const tag = unique("elsewhere");
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // The listener connects in the background; keep announcing until it has heard one.
      await expect
        .poll(async () => {
          await other.query("select pg_notify('copydesk_reader_cache', $1)", [JSON.stringify([tag])]);
          return tagExpiredAt(tag);
        }, { timeout: 15_000 })
        .toBeGreaterThan(0);
    } finally {
      await other.end();
    }
  });
});
