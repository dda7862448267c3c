import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engine, inRollback, newsroom } from "../testing";
import { DESK_COUNTED, DESK_PAGE_SIZE, formatDeskCursor, parseDeskCursor, searchDeskArticles } from "./queries";

describe(`the desk's filtered article list on ${engine}`, () => {
  it("counts matches up to DESK_COUNTED and says there are more, still paging past them", () =>
    inRollback(async (tx) => {
      await newsroom(tx);
      const made = DESK_COUNTED + 60;
      await tx.execute(sql`
        insert into articles (slug, headline, body, status, updated_at)
        select 'zaehltest-' || i, 'Zähltest ' || i, '{"type":"doc","content":[]}', 'draft', now() - make_interval(secs => i)
        from generate_series(1, ${made}) i`);

      const first = await searchDeskArticles({ q: "Zähltest" }, { tx });
      expect(first).toMatchObject({ total: DESK_COUNTED, more: true, page: 1 });
      expect(first.items.map((a) => a.headline).slice(0, 2)).toEqual(["Zähltest 1", "Zähltest 2"]); // newest change first
      expect(first.pages).toBe(DESK_COUNTED / DESK_PAGE_SIZE);

      // The last counted page offers one more; the one past all matches is short and the end.
      const last = DESK_COUNTED / DESK_PAGE_SIZE;
      const atLast = await searchDeskArticles({ q: "Zähltest", page: last }, { tx });
      expect(atLast.pages).toBe(last + 1);
      const end = Math.ceil(made / DESK_PAGE_SIZE);
      const atEnd = await searchDeskArticles({ q: "Zähltest", page: end }, { tx });
      expect(atEnd.items).toHaveLength(made - (end - 1) * DESK_PAGE_SIZE);
      expect(atEnd.pages).toBe(end);

      // Under the limit, the total is exact.
      const few = await searchDeskArticles({ q: "Zähltest 10" }, { tx }); // 10, 100–109, 1000–1060
      expect(few).toMatchObject({ total: 1 + 10 + 61, more: false, pages: 3 });
    }));

  it("pages next and previous by cursor exactly as by page number, to the microsecond", () =>
    inRollback(async (tx) => {
      await newsroom(tx);
      // 80 articles changed within the same millisecond (microseconds apart, as PostgreSQL keeps
      // them), some at the very same instant (the id decides), and 20 more a second earlier.
      await tx.execute(sql`
        insert into articles (slug, headline, body, status, updated_at)
        select 'blaettern-' || i, 'Blättern ' || i, '{"type":"doc","content":[]}', 'draft',
               timestamptz '2026-12-01 10:00:00.123000+00' + make_interval(secs => (i / 2) * 0.000001) - case when i > 80 then interval '1 second' else interval '0' end
        from generate_series(1, 100) i`);
      const byNumber: number[][] = [];
      for (let page = 1; page <= 4; page++) byNumber.push((await searchDeskArticles({ q: "Blättern", page }, { tx })).items.map((a) => a.id));
      expect(byNumber.flat()).toHaveLength(100);
      expect(new Set(byNumber.flat()).size).toBe(100);

      // Forward by cursor: the same pages, in the same order.
      const forward: number[][] = [];
      let at = await searchDeskArticles({ q: "Blättern" }, { tx });
      const firstNext = at.next!;
      forward.push(at.items.map((a) => a.id));
      while (at.next && at.page < at.pages) {
        at = await searchDeskArticles({ q: "Blättern", page: at.page + 1, after: at.next }, { tx });
        forward.push(at.items.map((a) => a.id));
      }
      expect(forward).toEqual(byNumber);
      expect(at).toMatchObject({ page: 4, pages: 4 });
      expect(at.next).not.toBeNull(); // a full last page offers a next one, which is empty
      expect((await searchDeskArticles({ q: "Blättern", page: 5, after: at.next! }, { tx })).items).toEqual([]);

      // Back by cursor from page 4: pages 3 and 2 again; page 2's previous is page 1 without one.
      const third = await searchDeskArticles({ q: "Blättern", page: 3, before: at.previous! }, { tx });
      expect(third.items.map((a) => a.id)).toEqual(byNumber[2]);
      const second = await searchDeskArticles({ q: "Blättern", page: 2, before: third.previous! }, { tx });
      expect(second.items.map((a) => a.id)).toEqual(byNumber[1]);
      expect(second.previous).toBeNull();

      // The cursor survives the address, and a mangled one is no cursor at all.
      expect(parseDeskCursor(formatDeskCursor(second.next!))).toEqual(second.next);
      expect(second.next!.at).toMatch(/^2026-12-01T10:00:00\.123\d{3}Z$/);
      for (const bad of ["", "x", "2026-12-01T10:00:00.123Z~1", "2026-12-01T10:00:00.123456Z~0", "2026-13-45T99:00:00.123456Z~5", "2026-12-01T10:00:00.123456Z~99999999999"]) {
        expect(parseDeskCursor(bad)).toBeUndefined();
      }

      // An article further down changed meanwhile moves to the top: page 2 by cursor (from the
      // page 1 the editor is looking at) is unchanged; by number it would repeat page 1's last row.
      await tx.execute(sql`update articles set updated_at = now() where id = ${byNumber[2][0]}`);
      const after = await searchDeskArticles({ q: "Blättern", page: 2, after: firstNext }, { tx });
      expect(after.items.map((a) => a.id)).toEqual(byNumber[1]);
      const byOffset = await searchDeskArticles({ q: "Blättern", page: 2 }, { tx });
      expect(byOffset.items[0].id).toBe(byNumber[0][DESK_PAGE_SIZE - 1]);
    }));

  it("a previous page that reaches the start of the list is the first page", () =>
    inRollback(async (tx) => {
      await newsroom(tx);
      await tx.execute(sql`
        insert into articles (slug, headline, body, status, updated_at)
        select 'anfang-' || i, 'Anfang ' || i, '{"type":"doc","content":[]}', 'draft', now() - make_interval(secs => i)
        from generate_series(1, 60) i`);
      const first = await searchDeskArticles({ q: "Anfang" }, { tx });
      // A link to "page 3" kept from before, whose first row is now on page 1.
      const back = await searchDeskArticles({ q: "Anfang", page: 3, before: first.next! }, { tx });
      expect(back.page).toBe(1);
      expect(back.items.map((a) => a.id)).toEqual(first.items.map((a) => a.id));
    }));
});
