import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engine, inRollback, newsroom } from "../testing";
import { DESK_COUNTED, DESK_PAGE_SIZE, searchDeskArticles } from "./queries";

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
});
