// Every data verb outside the article workflow (that one has its own 270-case matrix in
// db/articles/permissions.test.ts) called directly — no UI, no action — as anonymous, the
// owning journalist, another journalist, an editor and an admin, with other people's ids.
// Each is allowed or refused exactly as lib/permissions.ts says (its own `can` is the oracle),
// a refusal is a Forbidden, and a refused call leaves every table exactly as it was (the audit
// log included); an allowed call writes exactly one audit row, naming its action and its actor.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, gt, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/errors";
import { hashClientAddress } from "@/lib/comments";
import { localStorage } from "@/lib/media/storage";
import { makeImage } from "@/lib/media/test-images";
import type { AuditAction } from "@/lib/audit";
import { can, canEditMedia, canEndSessionsOf, type Viewer } from "@/lib/permissions";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { createArticle } from "../articles/create";
import { addArticleNote } from "../articles/notes";
import { publishArticle } from "../articles/publish";
import { restoreRevision } from "../articles/restore";
import { listRevisions } from "../articles/revisions";
import { saveArticle } from "../articles/save";
import { moderateComments } from "../comments/moderate";
import { postComment } from "../comments/post";
import { setCommentsOpen } from "../comments/set-open";
import { listModerationQueue } from "../comments/queries";
import { deleteMedia } from "../media/delete";
import { updateMediaDefaults } from "../media/update";
import { uploadMedia } from "../media/upload";
import { createSection } from "../sections/create";
import { clearSlot } from "../front/clear";
import { placeArticle } from "../front/place";
import { moveSection } from "../sections/move";
import { renameSection } from "../sections/rename";
import { reorderSections } from "../sections/reorder";
import { createTag } from "../tags/create";
import { deleteTag } from "../tags/delete";
import { mergeTags } from "../tags/merge";
import { renameTag } from "../tags/rename";
import { adminCreateUser } from "../users/admin-create";
import { changeOwnPassword } from "../users/change-password";
import { changeRole } from "../users/change-role";
import { createUser } from "../users/create";
import { resetPassword } from "../users/reset-password";
import { setActive } from "../users/set-active";
import { setOwnLocale } from "../users/set-locale";
import { updateOwnProfile } from "../users/update-profile";
import { beginPasskeyEnrolment } from "../second-factor/begin-passkey";
import { beginTotpEnrolment } from "../second-factor/begin-totp";
import { resetSecondFactor } from "../second-factor/reset";
import { setSecondFactorRoles } from "../settings/second-factor-roles";
import { endAllSessions } from "../sessions/end-all";
import { endSession } from "../sessions/end";
import { startSession } from "../sessions/start";
import { updateSitePage } from "../site-pages/update";
import { auditEvents, sections, users } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import { changedTables, databaseState } from "../testing/state";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-authz-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Actor = "anonymous" | "journalist" | "otherJournalist" | "editor" | "admin";
const DONE = new Error("rolled back");

describe(`authorization probe of every non-workflow verb on ${engine}`, () => {
  it("allows and refuses each verb for each role as lib/permissions.ts says; a refusal writes nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const storage = localStorage(root);
      const viewers: Record<Actor, Viewer | null> = { anonymous: null, journalist: n.journalist, otherJournalist: n.otherJournalist, editor: n.editor, admin: n.admin };

      // What the verbs act on: the journalist's draft (with two revisions), image and comment; a tag; sections.
      const body = doc("Erster Text.");
      const base = { headline: "Eigener Entwurf", standfirst: "", sectionId: n.sections.politik.id, language: "de" as const, body };
      const draft = await createArticle({ ctx: n.ctx(n.journalist), input: base });
      const saved = await saveArticle({ ctx: n.ctx(n.journalist), input: { ...base, ...draft, body: doc("Zweiter Text.") } });
      const [firstRevision] = (await listRevisions(draft.id, { tx })).slice(-1);
      const draftAccess = { status: "draft" as const, authorIds: [n.journalist.id], createdById: n.journalist.id };
      const image = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "hafen.png", bytes: await makeImage("png", 24, 24), alt: "Hafen" } });
      // Deleted by the probe (in savepoints rolled back, so it is there again for each role).
      const spare = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "spare.png", bytes: await makeImage("png", 24, 24) } });
      const live = await createArticle({ ctx: n.ctx(n.journalist), input: { ...base, headline: "Live" } });
      await publishArticle({ ctx: n.ctx(n.editor), input: live });
      await postComment({ ctx: n.ctx(null), input: { articleId: live.id, name: "Leser", text: "Gut.", clientHash: hashClientAddress("192.0.2.1", "s") } });
      const [comment] = (await listModerationQueue({ status: "pending" }, { tx })).items;
      const tagA = await createTag({ ctx: n.ctx(n.editor), input: { name: `Hafen ${n.tag}` } });
      const tagB = await createTag({ ctx: n.ctx(n.editor), input: { name: `Fähre ${n.tag}` } });
      const sectionIds = (await tx.select({ id: sections.id }).from(sections).orderBy(sections.position, sections.name, sections.id)).map((s) => s.id);
      const politikFront = `/${n.sections.politik.slug}`;
      await placeArticle({ ctx: n.ctx(n.editor), input: { front: politikFront, slot: "second-1", article: live.id } });
      let unique = 0;

      const sessionOfOther = await startSession({ userId: n.otherJournalist.id, userAgent: "Firefox", address: "192.0.2.9" }, { tx });

      type Case = { verb: string; action: AuditAction; allowed: (v: Viewer | null) => boolean; run: (ctx: Ctx) => Promise<unknown> };
      const cases: Case[] = [
        { verb: "createArticle", action: "article.create", allowed: (v) => can(v, "article.create"), run: (ctx) => createArticle({ ctx, input: { ...base, headline: `Neu ${++unique}`, authorIds: [n.otherJournalist.id] } }) },
        { verb: "restoreRevision", action: "article.restore", allowed: (v) => can(v, "article.edit", draftAccess), run: (ctx) => restoreRevision({ ctx, input: { id: saved.id, version: saved.version, revisionId: firstRevision.id } }) },
        { verb: "addArticleNote", action: "article.note", allowed: (v) => can(v, "article.note"), run: (ctx) => addArticleNote({ ctx, input: { articleId: draft.id, body: "Notiz" } }) },
        { verb: "moderateComments", action: "comment.moderate", allowed: (v) => can(v, "comment.moderate"), run: (ctx) => moderateComments({ ctx, input: { ids: [comment.id], action: "approve" } }) },
        { verb: "setCommentsOpen", action: "comment.set_open", allowed: (v) => can(v, "comment.moderate"), run: (ctx) => setCommentsOpen({ ctx, input: { articleId: live.id, open: false } }) },
        { verb: "uploadMedia", action: "media.upload", allowed: (v) => can(v, "media.upload"), run: async (ctx) => uploadMedia({ ctx, storage, input: { filename: "b.png", bytes: await makeImage("png", 8, 8) } }) },
        { verb: "updateMediaDefaults", action: "media.update", allowed: (v) => canEditMedia(v, { uploadedById: n.journalist.id }), run: (ctx) => updateMediaDefaults({ ctx, input: { id: image.id, caption: "Fremd", credit: "x", alt: "y" } }) },
        { verb: "deleteMedia", action: "media.delete", allowed: (v) => canEditMedia(v, { uploadedById: n.journalist.id }), run: (ctx) => deleteMedia({ ctx, storage, input: { id: spare.id } }) },
        { verb: "createUser", action: "user.create", allowed: (v) => can(v, "user.manage"), run: (ctx) => createUser({ ctx, input: { email: `neu-${++unique}-${n.tag}@copydesk.test`, name: "Neu", role: "admin", password: "correct horse battery" } }) },
        { verb: "adminCreateUser", action: "user.create", allowed: (v) => can(v, "user.manage"), run: (ctx) => adminCreateUser({ ctx, input: { email: `neu-${++unique}-${n.tag}@copydesk.test`, name: "Neu", role: "admin" } }) },
        { verb: "changeRole", action: "user.role", allowed: (v) => can(v, "user.manage"), run: (ctx) => changeRole({ ctx, input: { id: n.otherJournalist.id, role: "admin" } }) },
        { verb: "setActive", action: "user.deactivate", allowed: (v) => can(v, "user.manage"), run: (ctx) => setActive({ ctx, input: { id: n.otherJournalist.id, active: false } }) },
        { verb: "resetSecondFactor", action: "user.second_factor_reset", allowed: (v) => can(v, "user.manage"), run: (ctx) => resetSecondFactor({ ctx, input: { id: n.otherJournalist.id } }) },
        { verb: "setSecondFactorRoles", action: "settings.second_factor_roles", allowed: (v) => can(v, "user.manage"), run: (ctx) => setSecondFactorRoles({ ctx, input: { roles: ["admin"] } }) },
        { verb: "resetPassword", action: "user.password_reset", allowed: (v) => can(v, "user.manage"), run: (ctx) => resetPassword({ ctx, input: { id: n.otherJournalist.id } }) },
        { verb: "createTag", action: "tag.create", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => createTag({ ctx, input: { name: `Neu ${++unique} ${n.tag}` } }) },
        { verb: "renameTag", action: "tag.rename", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => renameTag({ ctx, input: { id: tagA.id, name: `Umbenannt ${n.tag}` } }) },
        { verb: "mergeTags", action: "tag.merge", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => mergeTags({ ctx, input: { sourceId: tagA.id, targetId: tagB.id } }) },
        { verb: "deleteTag", action: "tag.delete", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => deleteTag({ ctx, input: { id: tagB.id } }) },
        { verb: "createSection", action: "section.create", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => createSection({ ctx, input: { name: `Ressort ${++unique} ${n.tag}` } }) },
        { verb: "renameSection", action: "section.rename", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => renameSection({ ctx, input: { id: n.sections.kultur.id, name: `Feuilleton ${n.tag}` } }) },
        { verb: "moveSection", action: "section.move", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => moveSection({ ctx, input: { id: n.sections.kultur.id, direction: "up" } }) },
        { verb: "reorderSections", action: "section.reorder", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => reorderSections({ ctx, input: { ids: [...sectionIds].reverse() } }) },
        { verb: "placeArticle", action: "front.place", allowed: (v) => can(v, "front.arrange"), run: (ctx) => placeArticle({ ctx, input: { front: "/", slot: "lead", article: `/a/${live.id}` } }) },
        { verb: "clearSlot", action: "front.clear", allowed: (v) => can(v, "front.arrange"), run: (ctx) => clearSlot({ ctx, input: { front: politikFront, slot: "second-1" } }) },
        // Self-service verbs act on the signed-in person only; an id smuggled into the input changes nothing.
        { verb: "updateOwnProfile", action: "user.profile", allowed: (v) => v !== null, run: (ctx) => updateOwnProfile({ ctx, input: { name: "Neuer Name", bio: "Bio", avatarMediaId: null, id: n.admin.id, userId: n.admin.id } as never }) },
        { verb: "changeOwnPassword", action: "user.password_change", allowed: (v) => v !== null, run: (ctx) => changeOwnPassword({ ctx, input: { currentPassword: "correct horse battery", newPassword: "another horse battery", repeatPassword: "another horse battery", id: n.admin.id } as never }) },
        { verb: "beginTotpEnrolment", action: "second_factor.enrol_start", allowed: (v) => v !== null, run: (ctx) => beginTotpEnrolment({ ctx }) },
        { verb: "beginPasskeyEnrolment", action: "second_factor.enrol_start", allowed: (v) => v !== null, run: (ctx) => beginPasskeyEnrolment({ ctx, rp: { id: "desk.example", name: "Copydesk", origin: "https://desk.example" } }) },
        { verb: "setOwnLocale", action: "user.locale", allowed: (v) => v !== null, run: (ctx) => setOwnLocale({ ctx, input: { locale: "en", id: n.admin.id } as never }) },
        { verb: "endSession", action: "session.end", allowed: (v) => canEndSessionsOf(v, n.otherJournalist.id), run: (ctx) => endSession({ ctx, input: { id: sessionOfOther } }) },
        { verb: "endAllSessions", action: "session.end_all", allowed: (v) => canEndSessionsOf(v, n.otherJournalist.id), run: (ctx) => endAllSessions({ ctx, input: { userId: n.otherJournalist.id } }) },
        { verb: "updateSitePage", action: "site_page.update", allowed: (v) => can(v, "site.pages"), run: (ctx) => updateSitePage({ ctx, input: { slug: "impressum", title: "Impressum", body: "Verlag „Copydesk“ GmbH, Straße 1" } }) },
      ];

      // Every case starts from this state: each one runs in a savepoint that is rolled back.
      const before = await databaseState(tx);
      const [{ lastAudit }] = await tx.select({ lastAudit: sql<number>`coalesce(max(${auditEvents.id}), 0)` }).from(auditEvents);
      const mismatches: string[] = [];
      let refused = 0;
      for (const c of cases) {
        for (const [actor, viewer] of Object.entries(viewers) as [Actor, Viewer | null][]) {
          const expected = c.allowed(viewer);
          let outcome: unknown = null;
          try {
            await tx.transaction(async (sp) => {
              try {
                await c.run({ viewer, tx: sp as unknown as Db });
                const rows = await sp.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(gt(auditEvents.id, Number(lastAudit)));
                const want = [{ action: c.action, actorId: viewer?.id ?? null }];
                if (JSON.stringify(rows) !== JSON.stringify(want)) mismatches.push(`${c.verb} by ${actor}: audit rows ${JSON.stringify(rows)}, expected ${JSON.stringify(want)}`);
              } catch (error) {
                outcome = error;
                const changed = changedTables(before, await databaseState(sp as unknown as Db));
                if (changed.length) mismatches.push(`${c.verb} by ${actor}: refused but wrote ${changed.join(", ")}`);
              }
              throw DONE;
            });
          } catch (error) {
            if (error !== DONE) throw error;
          }
          if (outcome === null) {
            if (!expected) mismatches.push(`${c.verb} by ${actor}: allowed, expected refused`);
            continue;
          }
          refused++;
          if (!(outcome instanceof Forbidden)) {
            mismatches.push(`${c.verb} by ${actor}: ${expected ? "refused, expected allowed" : "refused with the wrong error"}: ${String(outcome)}`);
          } else if (expected) {
            mismatches.push(`${c.verb} by ${actor}: refused (${outcome.message}), expected allowed`);
          } else if (actor === "anonymous" && outcome.message !== "errors.signInFirst") {
            mismatches.push(`${c.verb} by anonymous: says ${outcome.message}, expected errors.signInFirst`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      console.info(`[authz] ${cases.length} verbs × ${Object.keys(viewers).length} actors = ${cases.length * 5} calls, ${refused} refused, 0 writes by refusals`);
    }));

  it("a self-service verb with someone else's id in its input changes only the caller", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const before = await databaseState(tx);
      const smuggled = { id: n.admin.id, userId: n.admin.id, viewerId: n.admin.id };
      await updateOwnProfile({ ctx: n.ctx(n.journalist), input: { name: "Lena K.", bio: "Neu", avatarMediaId: null, ...smuggled } as never });
      await setOwnLocale({ ctx: n.ctx(n.journalist), input: { locale: "en", ...smuggled } as never });
      const after = await databaseState(tx);
      expect(changedTables(before, after)).toEqual(["audit_events", "users"]);
      const [admin] = await tx.select().from(users).where(eq(users.id, n.admin.id));
      const [journalist] = await tx.select().from(users).where(eq(users.id, n.journalist.id));
      expect(admin.name).toBe(n.admin.name);
      expect(admin.locale).toBeNull();
      expect([journalist.name, journalist.locale]).toEqual(["Lena K.", "en"]);
    }));
});
