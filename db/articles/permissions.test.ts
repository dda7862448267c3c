// Every workflow mutation × every role × every state, against the data layer: allowed or
// refused exactly as the permission table says, and a refusal writes nothing; an allowed one
// writes exactly one audit row (its action, its actor).
import { eq, gt, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { toNewsroomWallClock } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import type { ArticleStatus } from "@/lib/workflow";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { doc, engine, inRollback, newsroom } from "../testing";
import { articles, auditEvents } from "../schema";
import { createArticle } from "./create";
import { addArticleNote } from "./notes";
import { publishArticle } from "./publish";
import { requestChanges } from "./request-changes";
import { saveArticle } from "./save";
import { cancelSchedule } from "./cancel-schedule";
import { scheduleArticle } from "./schedule";
import { submitArticle } from "./submit";
import { unpublishArticle } from "./unpublish";
import { withdrawArticle } from "./withdraw";

type Actor = "author" | "otherJournalist" | "editor" | "admin" | "anonymous";
type Mutation = "save" | "submit" | "withdraw" | "requestChanges" | "publish" | "schedule" | "cancelSchedule" | "unpublish" | "note";
const STATES: ArticleStatus[] = ["draft", "in_review", "changes_requested", "scheduled", "published", "unpublished"];
const ALL = STATES;

/** The permission table of issue #4, written out: who may do what in which state. */
const ALLOWED: Record<Mutation, Partial<Record<Actor, ArticleStatus[]>>> = {
  save: { author: ["draft", "changes_requested"], editor: ALL, admin: ALL },
  submit: { author: ["draft", "changes_requested"], editor: ["draft", "changes_requested"], admin: ["draft", "changes_requested"] },
  withdraw: { author: ["in_review"], editor: ["in_review"], admin: ["in_review"] },
  requestChanges: { editor: ["in_review"], admin: ["in_review"] },
  publish: { editor: ALL, admin: ALL },
  schedule: { editor: ["draft", "in_review", "changes_requested", "scheduled", "unpublished"], admin: ["draft", "in_review", "changes_requested", "scheduled", "unpublished"] },
  cancelSchedule: { editor: ["scheduled"], admin: ["scheduled"] },
  unpublish: { editor: ["published", "scheduled"], admin: ["published", "scheduled"] },
  note: { author: ALL, otherJournalist: ALL, editor: ALL, admin: ALL },
};

const AUDIT_ACTION: Record<Mutation, string> = {
  save: "article.save",
  submit: "article.submit",
  withdraw: "article.withdraw",
  requestChanges: "article.request_changes",
  publish: "article.publish",
  schedule: "article.schedule",
  cancelSchedule: "article.cancel_schedule",
  unpublish: "article.unpublish",
  note: "article.note",
};

const ROLLBACK = new Error("rollback");

describe(`permission matrix on ${engine}`, () => {
  it("allows and refuses every mutation for every role in every state as the table says", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const viewers: Record<Actor, Viewer | null> = { author: n.journalist, otherJournalist: n.otherJournalist, editor: n.editor, admin: n.admin, anonymous: null };
      const later = toNewsroomWallClock(new Date(Date.now() + 3600_000));

      /** An article by the journalist, brought into `state` through the real verbs. */
      async function articleIn(state: ArticleStatus) {
        const j = n.ctx(n.journalist);
        const e = n.ctx(n.editor);
        const input = { headline: `Matrix ${state}`, standfirst: "", sectionId: n.sections.politik.id, language: "de" as const, body: doc("Text.") };
        let a: { id: number; version: number } = await createArticle({ ctx: j, input });
        if (state === "draft") return a;
        if (state === "in_review" || state === "changes_requested") {
          a = await submitArticle({ ctx: j, input: a });
          if (state === "changes_requested") a = await requestChanges({ ctx: e, input: { ...a, note: "Bitte kürzen." } });
          return a;
        }
        if (state === "scheduled") return scheduleArticle({ ctx: e, input: { ...a, at: later } });
        a = await publishArticle({ ctx: e, input: a });
        if (state === "unpublished") a = await unpublishArticle({ ctx: e, input: a });
        return a;
      }

      const run = (m: Mutation, ctx: Ctx, a: { id: number; version: number }) => {
        const base = { headline: "Geändert", standfirst: "", sectionId: n.sections.politik.id, language: "de" as const, body: doc("Neu.") };
        switch (m) {
          case "save": return saveArticle({ ctx, input: { ...base, ...a } });
          case "submit": return submitArticle({ ctx, input: a });
          case "withdraw": return withdrawArticle({ ctx, input: a });
          case "requestChanges": return requestChanges({ ctx, input: { ...a, note: "Bitte ändern." } });
          case "publish": return publishArticle({ ctx, input: a });
          case "schedule": return scheduleArticle({ ctx, input: { ...a, at: later } });
          case "cancelSchedule": return cancelSchedule({ ctx, input: a });
          case "unpublish": return unpublishArticle({ ctx, input: a });
          case "note": return addArticleNote({ ctx, input: { articleId: a.id, body: "Notiz." } });
        }
      };

      const mismatches: string[] = [];
      let cases = 0;
      for (const state of STATES) {
        const a = await articleIn(state);
        const [before] = await tx.select().from(articles).where(eq(articles.id, a.id));
        const [{ lastAudit }] = await tx.select({ lastAudit: sql<number>`coalesce(max(${auditEvents.id}), 0)` }).from(auditEvents);
        const auditSince = (db: Db) => db.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(gt(auditEvents.id, Number(lastAudit)));
        for (const m of Object.keys(ALLOWED) as Mutation[]) {
          for (const actor of Object.keys(viewers) as Actor[]) {
            cases++;
            const expected = ALLOWED[m][actor]?.includes(state) ?? false;
            let allowed = false;
            try {
              // Each attempt in a savepoint that is always rolled back: every case starts from `state`.
              await tx.transaction(async (sp) => {
                await run(m, { viewer: viewers[actor], tx: sp as unknown as Db }, a);
                const rows = await auditSince(sp as unknown as Db);
                const want = [{ action: AUDIT_ACTION[m], actorId: viewers[actor]?.id ?? null }];
                if (JSON.stringify(rows) !== JSON.stringify(want)) mismatches.push(`${m} by ${actor} in ${state}: audit rows ${JSON.stringify(rows)}`);
                throw ROLLBACK;
              });
            } catch (error) {
              if (error === ROLLBACK) allowed = true;
              else if (!(error instanceof AppError)) throw error; // a crash is never a refusal
            }
            if (!allowed && (await auditSince(tx)).length) mismatches.push(`${m} by ${actor} in ${state}: refused but audited`);
            if (allowed !== expected) mismatches.push(`${m} by ${actor} in ${state}: ${allowed ? "allowed" : "refused"}, expected ${expected ? "allowed" : "refused"}`);
          }
        }
        const [after] = await tx.select().from(articles).where(eq(articles.id, a.id));
        expect(after.version).toBe(before.version);
        expect(after.status).toBe(before.status);
      }
      expect(mismatches).toEqual([]);
      expect(cases).toBe(STATES.length * 9 * 5);
    }));
});
