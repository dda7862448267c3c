// Two people tagging at the same moment with the same new tags, typed in a different order,
// on PostgreSQL. Each save inserts the missing tags in one statement; a row whose unique key
// another open transaction has just inserted waits for that transaction. Inserted in the
// order typed, the two statements could each wait for the other (a deadlock: one save fails);
// inserted in slug order, the later one simply waits for the first.
// PostgreSQL only: PGlite has one connection, so its transactions never overlap.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Db } from "../client";
import * as schema from "../schema";
import { ensureTags } from "./ensure";

describe("creating the same new tags at the same moment on PostgreSQL", () => {
  it("never deadlocks, whatever order the tags were typed in", async () => {
    const url = process.env.DATABASE_URL;
    const [one, two] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([one.connect(), two.connect()]);
    const dbOne = drizzle({ client: one, schema }) as unknown as Db;
    const dbTwo = drizzle({ client: two, schema }) as unknown as Db;
    const prefix = `Gleichzeitig ${process.pid} ${Date.now().toString(36)}`;
    const outcomes = new Map<string, number>();
    const save = async (client: pg.Client, db: Db, names: string[]) => {
      await client.query("begin");
      try {
        const ids = await ensureTags(db, names);
        await client.query("commit");
        return ids.length;
      } catch (error) {
        await client.query("rollback");
        throw error;
      }
    };
    try {
      // Each round: 20 tags nobody has used yet, one person types them forwards, the other backwards.
      for (let round = 0; round < 60; round++) {
        const names = Array.from({ length: 20 }, (_, i) => `${prefix} R${round} T${i}`);
        const results = await Promise.allSettled([save(one, dbOne, names), save(two, dbTwo, [...names].reverse())]);
        for (const r of results) {
          const key = r.status === "fulfilled" ? `saved ${r.value} tags` : String((r.reason as Error).cause ?? r.reason);
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        }
      }
      expect(Object.fromEntries(outcomes)).toEqual({ "saved 20 tags": 120 });
    } finally {
      await one.query("delete from tags where name like $1", [`${prefix} %`]);
      await Promise.all([one.end(), two.end()]);
    }
  });
});
