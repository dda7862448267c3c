// Bad input, generated: 1,000 malformed payloads (a seeded PRNG, so a failure can be replayed)
// sent to the verbs behind every desk action and the reader's comment form. Server actions
// receive whatever the network sends — React's action decoder even makes Dates, BigInts, Maps
// and Sets — so wrong types, huge strings, deep JSON, unknown TipTap nodes, lone surrogates,
// NUL bytes, bad numbers and unknown ids must each end in one of the app's typed errors
// (lib/errors.ts), never in a crash the person would see as "something went wrong"; and a
// refused payload must leave the row count of every table as it was.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { hashClientAddress } from "@/lib/comments";
import { toNewsroomWallClock } from "@/lib/dates";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { createArticle } from "../articles/create";
import { addArticleNote } from "../articles/notes";
import { getArticleForEdit } from "../articles/queries";
import { publishArticle } from "../articles/publish";
import { requestChanges } from "../articles/request-changes";
import { restoreRevision } from "../articles/restore";
import { saveArticle } from "../articles/save";
import { scheduleArticle } from "../articles/schedule";
import { submitArticle } from "../articles/submit";
import { moderateComments } from "../comments/moderate";
import { postComment } from "../comments/post";
import { setCommentsOpen } from "../comments/set-open";
import { createSection } from "../sections/create";
import { moveSection } from "../sections/move";
import { renameSection } from "../sections/rename";
import { reorderSections } from "../sections/reorder";
import { createTag } from "../tags/create";
import { deleteTag } from "../tags/delete";
import { mergeTags } from "../tags/merge";
import { renameTag } from "../tags/rename";
import { adminCreateUser } from "../users/admin-create";
import { changeRole } from "../users/change-role";
import { setActive } from "../users/set-active";
import { updateOwnProfile } from "../users/update-profile";
import { findLinkableArticles, searchDeskArticles, suggestTags } from "../articles/queries";
import { listMedia } from "../media/queries";
import { getVisibleArticle } from "../publications/queries";
import { searchPublications } from "../publications/search";
import { getTagBySlug, getTagRedirect, listTagsWithCounts } from "../tags/queries";
import { getAuthorBySlug } from "../users/queries";
import { signInWithThrottle } from "../users/sign-in";
import { doc, engine, inRollback, newsroom } from "../testing";
import { changedTables, databaseState } from "../testing/state";
import { seededPicker } from "@/lib/random";

const PAYLOADS = 1000;
const SEED = 0x5eed_c0de;

type Rng = ReturnType<typeof seededPicker>;

function nested(depth: number, kind: "array" | "object" | "doc"): unknown {
  let value: unknown = kind === "doc" ? { type: "text", text: "x" } : "x";
  for (let i = 0; i < depth; i++) {
    value = kind === "array" ? [value] : kind === "object" ? { a: value } : { type: i % 2 ? "blockquote" : "paragraph", content: [value] };
  }
  return kind === "doc" ? { type: "doc", content: [value] } : value;
}

/** Values no field of any verb accepts. */
function badValue(r: Rng): unknown {
  switch (r.int(24)) {
    case 0: return null;
    case 1: return undefined;
    case 2: return r.pick([true, false]);
    case 3: return r.pick([-1, 0, -0, 1.5, -2147483649, 2147483648, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE]);
    case 4: return r.pick([NaN, Infinity, -Infinity]);
    case 5: return r.pick(["NaN", "Infinity", "-1", "0x10", "1e400", "99999999999999999999", " 7 ", "1_000"]);
    case 6: return BigInt(2) ** BigInt(64 + r.int(64));
    case 7: return new Date(r.pick([0, NaN, 8.64e15, -8.64e15]));
    case 8: return r.pick([new Map([["a", 1]]), new Set([1, 2])]);
    case 9: return [];
    case 10: return [r.int(10), "x", null, {}];
    case 11: return {};
    case 12: return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 13: return "x".repeat(r.pick([10_001, 100_000, 2_100_000]));
    case 14: return "\u0000".repeat(1 + r.int(3)) + "text\u0000";
    case 15: return r.pick(["\ud800", "a\udc00b", "\udfff\ud800", "end\ud83d"]);
    case 16: return "\ufffd\u0000\ud800" + "\u202e".repeat(3);
    case 17: return nested(200 + r.int(3000), r.pick(["array", "object"] as const));
    case 18: return r.pick([999_999_999, 2_147_483_647, "999999999"]);
    case 19: return () => "function";
    case 20: return Symbol("s");
    case 21: return new Uint8Array([0xff, 0xfe, 0x00, 0xd8]);
    case 22: return { toString: () => { throw new Error("toString"); }, valueOf: () => { throw new Error("valueOf"); } };
    default: return Object.create(null);
  }
}

let hugeBody: unknown; // 50,000 paragraphs, over the 2 MB limit: made once

/** Bodies that are not a Copydesk article body. */
function badBody(r: Rng): unknown {
  const figure = (attrs: Record<string, unknown>) => ({ type: "doc", content: [{ type: "figure", attrs: { src: "/media/a/w960.webp", alt: "Alt", ...attrs } }] });
  const para = (node: unknown) => ({ type: "doc", content: [{ type: "paragraph", content: [node] }] });
  switch (r.int(16)) {
    case 0: return badValue(r);
    case 1: return { type: "doc", content: [{ type: r.pick(["image", "iframe", "script", "codeBlock", "table", "video", "html", "__proto__", "constructor", ""]) }] };
    case 2: return para({ type: "text", text: "x", marks: [{ type: r.pick(["code", "script", "textStyle", "highlight", "superscript", "toString"]) }] });
    case 3: return nested(41 + r.int(3000), "doc");
    case 4: return figure({ alt: badValue(r) });
    case 5: return figure({ srcset: r.pick([5, {}, ["a"], true, null]) });
    case 6: return figure({ caption: badValue(r), credit: badValue(r) });
    case 7: return figure({ src: badValue(r) });
    case 8: return para({ type: "text", text: badValue(r) });
    case 9: return para({ type: "text", text: "x", marks: [{ type: "link", attrs: { href: badValue(r) } }] });
    case 10: return { type: "doc", content: [{ type: "heading", attrs: { level: badValue(r) }, content: "text" }] };
    case 11: return { type: "doc", content: badValue(r) };
    case 12: return para({ type: "text", text: "x", marks: badValue(r) });
    case 13: return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "" }] }] };
    case 14: return (hugeBody ??= { type: "doc", content: Array.from({ length: 50_000 }, () => ({ type: "paragraph", content: [{ type: "text", text: "wort ".repeat(10) }] })) });
    default: return para({ type: "text", text: "\u0000 NUL im Text \ud800" });
  }
}

describe(`fuzzing the verbs with ${PAYLOADS} malformed payloads on ${engine}`, () => {
  it("answers every one with a typed error (or a harmless acceptance) and no partial write", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const r = seededPicker(SEED);
      const base = { headline: "Fuzz", standfirst: "", sectionId: n.sections.politik.id, language: "de" as const, body: doc("Text.") };
      const article = await createArticle({ ctx: n.ctx(n.journalist), input: base });
      const live = await createArticle({ ctx: n.ctx(n.journalist), input: { ...base, headline: "Live" } });
      await publishArticle({ ctx: n.ctx(n.editor), input: live });
      const tag = await createTag({ ctx: n.ctx(n.editor), input: { name: `Fuzz ${n.tag}` } });
      const later = toNewsroomWallClock(new Date(Date.now() + 86_400_000));
      // The current version of the draft, for payloads that should get past the version check.
      const version = async () => (await getArticleForEdit(article.id, { tx }))!.version;

      type Target = { verb: string; viewer: Ctx["viewer"]; valid: () => Promise<Record<string, unknown>>; body?: boolean; run: (ctx: Ctx, input: never) => Promise<unknown> };
      const targets: Target[] = [
        { verb: "createArticle", viewer: n.journalist, body: true, valid: async () => ({ ...base }), run: (ctx, input) => createArticle({ ctx, input }) },
        {
          verb: "saveArticle",
          viewer: n.editor,
          body: true,
          valid: async () => ({ ...base, id: article.id, version: await version(), tags: ["Hafen"], related: [{ url: "https://example.org", title: "Mehr" }], authorIds: [n.journalist.id] }),
          run: (ctx, input) => saveArticle({ ctx, input }),
        },
        { verb: "submitArticle", viewer: n.journalist, valid: async () => ({ id: article.id, version: await version(), note: "" }), run: (ctx, input) => submitArticle({ ctx, input }) },
        { verb: "requestChanges", viewer: n.editor, valid: async () => ({ id: article.id, version: await version(), note: "Bitte." }), run: (ctx, input) => requestChanges({ ctx, input }) },
        { verb: "publishArticle", viewer: n.editor, valid: async () => ({ id: article.id, version: await version(), correctionKind: "update", correctionText: "" }), run: (ctx, input) => publishArticle({ ctx, input }) },
        { verb: "scheduleArticle", viewer: n.editor, valid: async () => ({ id: article.id, version: await version(), at: later }), run: (ctx, input) => scheduleArticle({ ctx, input }) },
        { verb: "restoreRevision", viewer: n.editor, valid: async () => ({ id: article.id, version: await version(), revisionId: 1 }), run: (ctx, input) => restoreRevision({ ctx, input }) },
        { verb: "addArticleNote", viewer: n.journalist, valid: async () => ({ articleId: article.id, body: "Notiz" }), run: (ctx, input) => addArticleNote({ ctx, input }) },
        {
          verb: "postComment",
          viewer: null,
          valid: async () => ({ articleId: live.id, name: "Leser", text: "Gut.", website: "", clientHash: hashClientAddress(`203.0.113.${r.int(250)}`, "s") }),
          run: (ctx, input) => postComment({ ctx, input }),
        },
        { verb: "moderateComments", viewer: n.editor, valid: async () => ({ ids: [1], action: "approve" }), run: (ctx, input) => moderateComments({ ctx, input }) },
        { verb: "setCommentsOpen", viewer: n.editor, valid: async () => ({ articleId: live.id, open: true }), run: (ctx, input) => setCommentsOpen({ ctx, input }) },
        { verb: "createTag", viewer: n.editor, valid: async () => ({ name: "Neu" }), run: (ctx, input) => createTag({ ctx, input }) },
        { verb: "renameTag", viewer: n.editor, valid: async () => ({ id: tag.id, name: "Umbenannt" }), run: (ctx, input) => renameTag({ ctx, input }) },
        { verb: "mergeTags", viewer: n.editor, valid: async () => ({ sourceId: tag.id, targetId: tag.id + 1 }), run: (ctx, input) => mergeTags({ ctx, input }) },
        { verb: "deleteTag", viewer: n.editor, valid: async () => ({ id: tag.id }), run: (ctx, input) => deleteTag({ ctx, input }) },
        { verb: "createSection", viewer: n.editor, valid: async () => ({ name: "Neues Ressort", position: 3 }), run: (ctx, input) => createSection({ ctx, input }) },
        { verb: "renameSection", viewer: n.editor, valid: async () => ({ id: n.sections.kultur.id, name: "Feuilleton" }), run: (ctx, input) => renameSection({ ctx, input }) },
        { verb: "moveSection", viewer: n.editor, valid: async () => ({ id: n.sections.kultur.id, direction: "up" }), run: (ctx, input) => moveSection({ ctx, input }) },
        { verb: "reorderSections", viewer: n.editor, valid: async () => ({ ids: [n.sections.politik.id, n.sections.kultur.id] }), run: (ctx, input) => reorderSections({ ctx, input }) },
        { verb: "adminCreateUser", viewer: n.admin, valid: async () => ({ email: `f${r.int(1e9)}@copydesk.test`, name: "Neu", role: "journalist" }), run: (ctx, input) => adminCreateUser({ ctx, input }) },
        { verb: "changeRole", viewer: n.admin, valid: async () => ({ id: n.otherJournalist.id, role: "editor" }), run: (ctx, input) => changeRole({ ctx, input }) },
        { verb: "setActive", viewer: n.admin, valid: async () => ({ id: n.otherJournalist.id, active: false }), run: (ctx, input) => setActive({ ctx, input }) },
        { verb: "updateOwnProfile", viewer: n.journalist, valid: async () => ({ name: "Lena", bio: "", avatarMediaId: null }), run: (ctx, input) => updateOwnProfile({ ctx, input }) },
      ];

      /** A payload: the whole input replaced, or 1–3 of its fields (or an unknown one) made bad. */
      async function payloadFor(t: Target): Promise<unknown> {
        if (r.int(10) === 0) return badValue(r);
        const input: Record<string, unknown> = await t.valid();
        const keys = Object.keys(input);
        const howMany = 1 + r.int(3);
        for (let i = 0; i < howMany; i++) {
          const key = t.body && r.int(3) === 0 ? "body" : r.pick(keys);
          input[key] = key === "body" ? badBody(r) : badValue(r);
        }
        return input;
      }

      const crashes: string[] = [];
      const partial: string[] = [];
      const outcomes: Record<string, number> = {};
      let state = await databaseState(tx, { digest: false });
      let tried = 0;
      let verbMs = 0;
      let checkMs = 0;
      for (let i = 0; i < PAYLOADS; i++) {
        const t = targets[i % targets.length];
        const input = await payloadFor(t);
        tried++;
        let error: unknown = null;
        const started = performance.now();
        try {
          await t.run({ viewer: t.viewer, tx }, input as never);
        } catch (e) {
          error = e;
        }
        const checked = performance.now();
        verbMs += checked - started;
        const after = await databaseState(tx, { digest: false });
        checkMs += performance.now() - checked;
        if (error === null) {
          outcomes.accepted = (outcomes.accepted ?? 0) + 1;
        } else if (error instanceof AppError) {
          outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
          const changed = changedTables(state, after);
          if (changed.length) partial.push(`#${i} ${t.verb}: refused (${error.message}) but wrote ${changed.join(", ")}`);
        } else {
          const where = (error as Error)?.stack?.split("\n").find((l) => /\/(db|lib)\//.test(l))?.trim() ?? "";
          crashes.push(`#${i} ${t.verb}: ${String((error as Error)?.message ?? error).slice(0, 140)} ${where}`);
        }
        state = after;
      }
      console.info(`[fuzz] ${tried} malformed payloads to ${targets.length} verbs (seed ${SEED.toString(16)}): ${JSON.stringify(outcomes)}; crashes ${crashes.length}; partial writes ${partial.length}; ${Math.round(verbMs)} ms in verbs, ${Math.round(checkMs)} ms counting rows`);
      expect(crashes).toEqual([]);
      expect(partial).toEqual([]);
      expect(tried).toBe(PAYLOADS);
      // Almost everything is refused; the few acceptances are payloads whose bad part the schema ignores (an unknown key).
      expect(outcomes.accepted ?? 0).toBeLessThan(PAYLOADS * 0.1);
    }));
});

describe(`hostile text in the reads behind URLs and search boxes on ${engine}`, () => {
  // Path segments, ?q= and sign-in fields come straight from the request: %00 in a URL is a NUL.
  const HOSTILE = ["\u0000", "a\u0000b", "\ud800", "x".repeat(100_000), "%00", "' or 1=1 --", "\\", "%", "_", "*", "!", "<script>alert(1)</script>", "&|!():*", "\u202e", ""];

  it("answers every lookup (nothing found, or a refusal), never with a driver error", () =>
    inRollback(async (tx) => {
      await newsroom(tx); // something to find
      const crashes: string[] = [];
      let calls = 0;
      for (const s of HOSTILE) {
        const lookups: [string, (ctx: { tx: Db }) => Promise<unknown>][] = [
          ["searchPublications", (ctx) => searchPublications({ q: s, page: s }, ctx)],
          ["getVisibleArticle", (ctx) => getVisibleArticle(s, s, ctx)],
          ["getTagBySlug", (ctx) => getTagBySlug(s, ctx)],
          ["getTagRedirect", (ctx) => getTagRedirect(s, ctx)],
          ["getAuthorBySlug", (ctx) => getAuthorBySlug(s, ctx)],
          ["listMedia", (ctx) => listMedia({ q: s, page: s }, ctx)],
          ["listTagsWithCounts", (ctx) => listTagsWithCounts({ q: s, page: s }, ctx)],
          ["searchDeskArticles", (ctx) => searchDeskArticles({ q: s }, ctx)],
          ["findLinkableArticles", (ctx) => findLinkableArticles(s, ctx)],
          ["suggestTags", (ctx) => suggestTags(s, ctx)],
          ["signInWithThrottle", (ctx) => signInWithThrottle({ email: s || "a@b.c", password: s || "x", address: "192.0.2.7" }, ctx)],
        ];
        for (const [name, lookup] of lookups) {
          calls++;
          // Each in a savepoint: on PostgreSQL a failed statement would otherwise end the test's transaction.
          await tx
            .transaction((sp) => lookup({ tx: sp as unknown as Db }))
            .catch((error: unknown) => {
              if (!(error instanceof AppError)) crashes.push(`${name}(${JSON.stringify(s.slice(0, 20))}): ${String((error as Error).message).slice(0, 120)}`);
            });
        }
      }
      console.info(`[fuzz] ${calls} hostile lookups, crashes ${crashes.length}`);
      expect(crashes).toEqual([]);
    }));
});
