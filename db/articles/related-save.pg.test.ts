// Two articles related to each other, saved at the same moment by two people, on PostgreSQL.
// Each save row-locks its own article; its related link's foreign key then checks the other
// article with FOR KEY SHARE. Under FOR UPDATE that check waits for the other save, which
// waits for this one: a deadlock, and one person's save fails (`npm run load` found it: 12 of
// 69 autosaves). Under FOR NO KEY UPDATE neither waits.
// PostgreSQL only: PGlite has one connection, so its transactions never overlap.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Db } from "../client";
import * as schema from "../schema";
import { lockArticle } from "./load";
import { writeRelations } from "./save";

describe("saving related articles at the same moment on PostgreSQL", () => {
  it("lets both saves through: neither waits for the other's article lock", async () => {
    const url = process.env.DATABASE_URL;
    const setup = new pg.Client({ connectionString: url });
    const [one, two] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([setup.connect(), one.connect(), two.connect()]);
    // Both sessions must see the articles, so these rows are committed (and deleted below).
    const tag = `related-lock-${process.pid}-${Date.now().toString(36)}`;
    const { rows: sections } = await setup.query<{ id: number }>("insert into sections (slug, name, position) values ($1, $1, 900) returning id", [tag]);
    const { rows: ids } = await setup.query<{ id: number }>(
      `insert into articles (section_id, slug, headline, body, language) values ($1, $2 || '-a', 'A', '{"type":"doc","content":[]}', 'de'), ($1, $2 || '-b', 'B', '{"type":"doc","content":[]}', 'de') returning id`,
      [sections[0].id, tag],
    );
    const [a, b] = ids.map((r) => r.id);
    try {
      const dbOne = drizzle({ client: one, schema }) as unknown as Db;
      const dbTwo = drizzle({ client: two, schema }) as unknown as Db;
      await one.query("begin");
      await two.query("begin");
      // What saveArticle does first in each transaction…
      await lockArticle(dbOne, a);
      await lockArticle(dbTwo, b);
      // …and then, while both locks are held, each writes its related link to the other.
      const results = await Promise.allSettled([
        writeRelations(dbOne, a, { related: [{ articleId: b, title: "B" }] }),
        writeRelations(dbTwo, b, { related: [{ articleId: a, title: "A" }] }),
      ]);
      expect(results.map((r) => (r.status === "fulfilled" ? "saved" : String((r.reason as Error).cause ?? r.reason)))).toEqual(["saved", "saved"]);
    } finally {
      await one.query("rollback").catch(() => undefined);
      await two.query("rollback").catch(() => undefined);
      await Promise.all([one.end(), two.end()]);
      await setup.query("delete from articles where id = any($1)", [[a, b]]);
      await setup.query("delete from sections where id = $1", [sections[0].id]);
      await setup.end();
    }
  });
});
