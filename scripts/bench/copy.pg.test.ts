// The bench's COPY writer against a real PostgreSQL: every value comes back as it was sent
// (escapes, nulls, JSON, dates), a bad row fails the statement without breaking the connection.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyInto } from "./copy";

describe("COPY FROM STDIN over node-postgres", () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  beforeAll(async () => {
    await client.connect();
    await client.query("create temp table copy_probe (id int primary key, note text, doc jsonb, at timestamptz, flag boolean)");
  });
  afterAll(() => client.end());

  it("writes every row with its values intact", async () => {
    const tricky = "tab\there, line\nbreak, carriage\rreturn, back\\slash, \\N literally, Größe, 🙂";
    const at = new Date("2026-12-04T23:30:00.123Z");
    const rows = [
      [1, tricky, { quote: 'say "hi"\n', list: [1, "\\"] }, at, true],
      [2, null, null, null, false],
      [3, "", [], at, null],
    ] as const;
    expect(await copyInto(client, "copy_probe", ["id", "note", "doc", "at", "flag"], rows)).toBe(3);
    const back = await client.query("select id, note, doc, at, flag from copy_probe order by id");
    expect(back.rows).toEqual([
      { id: 1, note: tricky, doc: { quote: 'say "hi"\n', list: [1, "\\"] }, at, flag: true },
      { id: 2, note: null, doc: null, at: null, flag: false },
      { id: 3, note: "", doc: [], at, flag: null },
    ]);
  });

  it("rejects a row PostgreSQL refuses, and the connection keeps working", async () => {
    await expect(copyInto(client, "copy_probe", ["id", "note"], [[10, "a"], [10, "duplicate key"]])).rejects.toThrow(/duplicate key/);
    expect((await client.query("select count(*)::int as n from copy_probe where id = 10")).rows[0].n).toBe(0);
    expect(await copyInto(client, "copy_probe", ["id"], [[11]])).toBe(1);
  });
});
