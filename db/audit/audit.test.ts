// The audit log: rows carry who, what, which target and from where; the admin's list filters
// and pages newest first; the export yields every matching row; only admins read it.
import { describe, expect, it } from "vitest";
import { hashClientAddress } from "@/lib/comments";
import { Forbidden, Invalid } from "@/lib/errors";
import { toNewsroomWallClock } from "@/lib/dates";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { postComment } from "../comments/post";
import { markAllRead } from "../notifications/mark-all-read";
import { createTag } from "../tags/create";
import { renameTag } from "../tags/rename";
import { resetPassword } from "../users/reset-password";
import { auditEvents } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import { AUDIT_PAGE_SIZE, exportAuditEvents, listAuditEvents } from "./queries";
import { audit } from "./record";

async function all<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

describe(`audit log on ${engine}`, () => {
  it("records actor, action, target, what changed and the request's address — and no secret", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const admin = { ...n.admin, address: "198.51.100.23" };
      const tag = await createTag({ ctx: { viewer: admin, tx }, input: { name: `Grüße ${n.tag}` } });
      await renameTag({ ctx: { viewer: admin, tx }, input: { id: tag.id, name: `Straße ${n.tag}` } });
      const { temporaryPassword } = await resetPassword({ ctx: { viewer: admin, tx }, input: { id: n.journalist.id } });

      const { items } = await listAuditEvents(n.admin, { actor: String(n.admin.id) }, { tx });
      expect(items.map((e) => e.action)).toEqual(["user.password_reset", "tag.rename", "tag.create"]);
      expect(items[1]).toMatchObject({
        actorId: n.admin.id,
        actorName: n.admin.name,
        targetType: "tag",
        targetId: String(tag.id),
        address: "198.51.100.23",
        summary: { before: { name: `Grüße ${n.tag}` }, after: { name: `Straße ${n.tag}` } },
      });
      expect(JSON.stringify(items)).not.toContain(temporaryPassword);
    }));

  it("a reader's comment is recorded without a person or an address; marking notifications read is the person's own", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: { headline: "Kommentiert", standfirst: "", sectionId: n.sections.politik.id, language: "de", body: doc("Text.") } });
      await publishArticle({ ctx: n.ctx(n.editor), input: a });
      await postComment({ ctx: n.ctx(null), input: { articleId: a.id, name: "Jörg", text: "Gut so.", clientHash: hashClientAddress("192.0.2.1", "s") } });
      await markAllRead({ ctx: n.ctx(n.journalist) });
      const [comment] = (await listAuditEvents(n.admin, { action: "comment.post" }, { tx })).items;
      expect(comment).toMatchObject({ actorId: null, address: null, summary: { articleId: a.id } });
      const [read] = (await listAuditEvents(n.admin, { action: "notifications.read_all", actor: String(n.journalist.id) }, { tx })).items;
      expect(read.summary).toEqual({ count: 1 }); // the "published" notification
    }));

  it("filters by person, system, action, target and days; pages newest first; exports every match", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const base = { headline: "x", standfirst: "", sectionId: n.sections.politik.id, language: "de" as const, body: doc("T.") };
      for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await createArticle({ ctx: n.ctx(n.journalist), input: { ...base, headline: `Artikel ${i}` } });
      await audit(tx, { viewer: null }, { action: "backup.import", target: "backup", id: "2026-01-01", summary: { rows: 1 } });
      // One row a month ago, for the date range.
      await tx.insert(auditEvents).values({ at: new Date(Date.now() - 30 * 86400_000), actorId: n.journalist.id, action: "article.note", targetType: "article", targetId: "1" });

      const mine = { actor: String(n.journalist.id), action: "article.create" } as const;
      const first = await listAuditEvents(n.admin, mine, { tx });
      expect(first.items).toHaveLength(AUDIT_PAGE_SIZE);
      expect(first.hasNext).toBe(true);
      expect(first.items[0].summary).toMatchObject({ headline: `Artikel ${AUDIT_PAGE_SIZE + 4}` });
      const second = await listAuditEvents(n.admin, { ...mine, page: "2" }, { tx });
      expect(second.items).toHaveLength(5);
      expect(second.hasNext).toBe(false);
      expect(second.items.at(-1)!.summary).toMatchObject({ headline: "Artikel 0" });

      expect((await listAuditEvents(n.admin, { actor: "system", action: "backup.import" }, { tx })).items).toHaveLength(1);
      expect((await listAuditEvents(n.admin, { target: "backup", targetId: "2026-01-01" }, { tx })).items).toHaveLength(1);
      const today = toNewsroomWallClock(new Date()).slice(0, 10);
      const monthAgo = toNewsroomWallClock(new Date(Date.now() - 30 * 86400_000)).slice(0, 10);
      const notes = (range: { from?: string; to?: string }) => listAuditEvents(n.admin, { actor: String(n.journalist.id), action: "article.note", ...range }, { tx });
      expect((await notes({ from: monthAgo, to: monthAgo })).items).toHaveLength(1);
      expect((await notes({ from: today })).items).toHaveLength(0);

      const exported = await all(exportAuditEvents(n.admin, { actor: String(n.journalist.id) }, { tx }, 7));
      expect(exported.map((e) => e.action).filter((a) => a === "article.create")).toHaveLength(AUDIT_PAGE_SIZE + 5);
      expect(exported.map((e) => e.id)).toEqual([...exported.map((e) => e.id)].sort((x, y) => y - x)); // newest entry first
      expect(new Set(exported.map((e) => e.id)).size).toBe(exported.length);
    }));

  it("refuses anyone but an admin, and bad filters with a message at the field", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      for (const viewer of [null, n.journalist, n.editor]) {
        await expect(listAuditEvents(viewer, {}, { tx })).rejects.toBeInstanceOf(Forbidden);
        await expect(all(exportAuditEvents(viewer, {}, { tx }))).rejects.toBeInstanceOf(Forbidden);
      }
      const bad = async (input: Record<string, string>) => (await listAuditEvents(n.admin, input, { tx }).catch((e: unknown) => e)) as Invalid;
      expect((await bad({ action: "article.explode" })).fieldErrors).toEqual({ action: ["validation.auditActionUnknown"] });
      expect((await bad({ from: "gestern" })).fieldErrors).toEqual({ from: ["validation.auditDateInvalid"] });
      expect((await bad({ from: "2026-12-04", to: "2026-12-01" })).fieldErrors).toEqual({ to: ["validation.auditDateOrder"] });
      expect((await bad({ actor: "1; drop table users" })).fieldErrors).toEqual({ actor: ["validation.invalidValue"] });
      expect((await bad({ from: "2026-13-45" })).fieldErrors).toEqual({ from: ["validation.auditDateInvalid"] });
    }));
});
