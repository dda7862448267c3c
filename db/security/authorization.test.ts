// Every data verb outside the article workflow (that one has its own 270-case matrix in
// db/articles/permissions.test.ts) called directly — no UI, no action — as anonymous, the
// owning journalist, another journalist, an editor and an admin, with other people's ids.
// Each is allowed or refused exactly as lib/permissions.ts says (its own `can` is the oracle),
// a refusal is a Forbidden, and a refused call leaves every table exactly as it was.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/errors";
import { hashClientAddress } from "@/lib/comments";
import { localStorage } from "@/lib/media/storage";
import { makeImage } from "@/lib/media/test-images";
import { can, canEditMedia, type Viewer } from "@/lib/permissions";
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
import { updateMediaDefaults } from "../media/update";
import { uploadMedia } from "../media/upload";
import { createSection } from "../sections/create";
import { moveSection, renameSection, reorderSections } from "../sections/manage";
import { createTag, deleteTag, mergeTags, renameTag } from "../tags/manage";
import { adminCreateUser } from "../users/admin-create";
import { changeOwnPassword } from "../users/change-password";
import { changeRole } from "../users/change-role";
import { createUser } from "../users/create";
import { resetPassword } from "../users/reset-password";
import { setActive } from "../users/set-active";
import { setOwnLocale } from "../users/set-locale";
import { updateOwnProfile } from "../users/update-profile";
import { sections, users } from "../schema";
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
      const live = await createArticle({ ctx: n.ctx(n.journalist), input: { ...base, headline: "Live" } });
      await publishArticle({ ctx: n.ctx(n.editor), input: live });
      await postComment({ ctx: n.ctx(null), input: { articleId: live.id, name: "Leser", text: "Gut.", clientHash: hashClientAddress("192.0.2.1", "s") } });
      const [comment] = (await listModerationQueue({ status: "pending" }, { tx })).items;
      const tagA = await createTag({ ctx: n.ctx(n.editor), input: { name: `Hafen ${n.tag}` } });
      const tagB = await createTag({ ctx: n.ctx(n.editor), input: { name: `Fähre ${n.tag}` } });
      const sectionIds = (await tx.select({ id: sections.id }).from(sections).orderBy(sections.position, sections.name, sections.id)).map((s) => s.id);
      let unique = 0;

      type Case = { verb: string; allowed: (v: Viewer | null) => boolean; run: (ctx: Ctx) => Promise<unknown> };
      const cases: Case[] = [
        { verb: "createArticle", allowed: (v) => can(v, "article.create"), run: (ctx) => createArticle({ ctx, input: { ...base, headline: `Neu ${++unique}`, authorIds: [n.otherJournalist.id] } }) },
        { verb: "restoreRevision", allowed: (v) => can(v, "article.edit", draftAccess), run: (ctx) => restoreRevision({ ctx, input: { id: saved.id, version: saved.version, revisionId: firstRevision.id } }) },
        { verb: "addArticleNote", allowed: (v) => can(v, "article.note"), run: (ctx) => addArticleNote({ ctx, input: { articleId: draft.id, body: "Notiz" } }) },
        { verb: "moderateComments", allowed: (v) => can(v, "comment.moderate"), run: (ctx) => moderateComments({ ctx, input: { ids: [comment.id], action: "approve" } }) },
        { verb: "setCommentsOpen", allowed: (v) => can(v, "comment.moderate"), run: (ctx) => setCommentsOpen({ ctx, input: { articleId: live.id, open: false } }) },
        { verb: "uploadMedia", allowed: (v) => can(v, "media.upload"), run: async (ctx) => uploadMedia({ ctx, storage, input: { filename: "b.png", bytes: await makeImage("png", 8, 8) } }) },
        { verb: "updateMediaDefaults", allowed: (v) => canEditMedia(v, { uploadedById: n.journalist.id }), run: (ctx) => updateMediaDefaults({ ctx, input: { id: image.id, caption: "Fremd", credit: "x", alt: "y" } }) },
        { verb: "createUser", allowed: (v) => can(v, "user.manage"), run: (ctx) => createUser({ ctx, input: { email: `neu-${++unique}-${n.tag}@copydesk.test`, name: "Neu", role: "admin", password: "correct horse battery" } }) },
        { verb: "adminCreateUser", allowed: (v) => can(v, "user.manage"), run: (ctx) => adminCreateUser({ ctx, input: { email: `neu-${++unique}-${n.tag}@copydesk.test`, name: "Neu", role: "admin" } }) },
        { verb: "changeRole", allowed: (v) => can(v, "user.manage"), run: (ctx) => changeRole({ ctx, input: { id: n.otherJournalist.id, role: "admin" } }) },
        { verb: "setActive", allowed: (v) => can(v, "user.manage"), run: (ctx) => setActive({ ctx, input: { id: n.otherJournalist.id, active: false } }) },
        { verb: "resetPassword", allowed: (v) => can(v, "user.manage"), run: (ctx) => resetPassword({ ctx, input: { id: n.otherJournalist.id } }) },
        { verb: "createTag", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => createTag({ ctx, input: { name: `Neu ${++unique} ${n.tag}` } }) },
        { verb: "renameTag", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => renameTag({ ctx, input: { id: tagA.id, name: `Umbenannt ${n.tag}` } }) },
        { verb: "mergeTags", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => mergeTags({ ctx, input: { sourceId: tagA.id, targetId: tagB.id } }) },
        { verb: "deleteTag", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => deleteTag({ ctx, input: { id: tagB.id } }) },
        { verb: "createSection", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => createSection({ ctx, input: { name: `Ressort ${++unique} ${n.tag}` } }) },
        { verb: "renameSection", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => renameSection({ ctx, input: { id: n.sections.kultur.id, name: `Feuilleton ${n.tag}` } }) },
        { verb: "moveSection", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => moveSection({ ctx, input: { id: n.sections.kultur.id, direction: "up" } }) },
        { verb: "reorderSections", allowed: (v) => can(v, "taxonomy.manage"), run: (ctx) => reorderSections({ ctx, input: { ids: [...sectionIds].reverse() } }) },
        // Self-service verbs act on the signed-in person only; an id smuggled into the input changes nothing.
        { verb: "updateOwnProfile", allowed: (v) => v !== null, run: (ctx) => updateOwnProfile({ ctx, input: { name: "Neuer Name", bio: "Bio", avatarMediaId: null, id: n.admin.id, userId: n.admin.id } as never }) },
        { verb: "changeOwnPassword", allowed: (v) => v !== null, run: (ctx) => changeOwnPassword({ ctx, input: { currentPassword: "correct horse battery", newPassword: "another horse battery", repeatPassword: "another horse battery", id: n.admin.id } as never }) },
        { verb: "setOwnLocale", allowed: (v) => v !== null, run: (ctx) => setOwnLocale({ ctx, input: { locale: "en", id: n.admin.id } as never }) },
      ];

      // Every case starts from this state: each one runs in a savepoint that is rolled back.
      const before = await databaseState(tx);
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
      expect(changedTables(before, after)).toEqual(["users"]);
      const [admin] = await tx.select().from(users).where(eq(users.id, n.admin.id));
      const [journalist] = await tx.select().from(users).where(eq(users.id, n.journalist.id));
      expect(admin.name).toBe(n.admin.name);
      expect(admin.locale).toBeNull();
      expect([journalist.name, journalist.locale]).toEqual(["Lena K.", "en"]);
    }));
});
