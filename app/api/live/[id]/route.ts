// What changed in a live blog since the revision a reader's open page has (public/live.js asks
// about once a second while the blog is live and the page visible). Small JSON, the same for
// every reader who is up to date (same URL), so an edge or proxy can answer most of them: it
// may be kept for a second. Entries come as the same HTML the cached page has (lib/live/render).
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { getLiveChanges } from "@/db/live/queries";
import { livePagePath, renderKeyEvents, renderLiveEntry } from "@/lib/live/render";
import { store } from "@/lib/cache/store.mjs";

const Params = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
const Since = z.coerce.number().int().min(0).max(2147483647);

const json = (body: unknown, status = 200, maxAge = 1) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": status === 200 ? `public, max-age=${maxAge}, s-maxage=${maxAge}` : "no-store" },
  });

// Answers kept in memory until anything readers see changes: every entry change expires reader
// tags at commit (here, and on other instances by NOTIFY), which moves the page cache's epoch.
// Readers who are up to date all ask the same question, so nearly every poll is a memory hit
// (measured on PGlite: ~47 answers/s when each one queried the database).
const MAX_KEPT = 2_000;
const kept = { epoch: -1, answers: new Map<string, { body: string; maxAge: number }>() };
type Answer = { status: number; body: unknown; maxAge: number };
const inflight = new Map<string, { epoch: number; answer: Promise<Answer> }>();

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Params.safeParse(await params);
  const since = Since.safeParse(new URL(request.url).searchParams.get("since") ?? "0");
  if (!id.success || !since.success) return json({ error: "bad request" }, 400);
  const epoch = store().epoch;
  if (kept.epoch !== epoch) {
    kept.epoch = epoch;
    kept.answers.clear();
  }
  const key = `${id.data.id}:${since.data}`;
  const hit = kept.answers.get(key);
  if (hit) return new Response(hit.body, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": `public, max-age=${hit.maxAge}, s-maxage=${hit.maxAge}` } });
  // Readers told of a change at the same moment (public/live.js) ask the same question at once:
  // one database query answers them all.
  let pending = inflight.get(key);
  if (!pending || pending.epoch !== epoch) {
    pending = { epoch, answer: answerFor(id.data.id, since.data) };
    inflight.set(key, pending);
    const mine = pending;
    void mine.answer.finally(() => {
      if (inflight.get(key) === mine) inflight.delete(key);
    }).catch(() => undefined);
  }
  const answer = await pending.answer;
  if (answer.status === 200 && store().epoch === epoch) {
    if (kept.answers.size >= MAX_KEPT) kept.answers.delete(kept.answers.keys().next().value!);
    kept.answers.set(key, { body: JSON.stringify(answer.body), maxAge: answer.maxAge });
  }
  return json(answer.body, answer.status, answer.maxAge);
}

async function answerFor(articleId: number, since: number): Promise<Answer> {
  const changes = await getLiveChanges(articleId, since);
  if (!changes) return { status: 404, body: { error: "not found" }, maxAge: 0 };
  const locale = changes.language;
  const t = await getTranslations({ locale, namespace: "liveReader" });
  const labels = { updated: t("updated"), pinned: t("pinned"), keyEvent: t("keyEvent"), by: t("by"), permalink: t("permalink") };
  return {
    status: 200,
    body: {
      state: changes.state,
      revision: changes.revision,
      entries: changes.entries.map((e) => ({ id: e.id, pinned: e.pinned, publishedAt: e.publishedAt, html: renderLiveEntry(e, labels, locale) })),
      removed: changes.removed,
      keyEvents: since < changes.revision ? renderKeyEvents(changes.keyEvents, (p) => livePagePath(changes.path, p), 1, locale) : null,
    },
    // An ended blog changes no more: its last answer may be kept longer.
    maxAge: changes.state === "ended" ? 60 : 1,
  };
}
