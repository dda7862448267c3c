import "server-only";
// Keeps every instance's cached reader pages in step with the database.
//
//  - A verb that changes what readers see calls `announceReaderChange` inside its transaction:
//    this instance expires the tags once the transaction commits, and on PostgreSQL a NOTIFY
//    (delivered at commit, to every instance listening on the same database) does the same
//    elsewhere.
//  - A scheduled article has no event when it falls due: each instance's ticker asks the
//    database once a second what has become visible since it last asked.
import { inArray, sql } from "drizzle-orm";
import { expireReaderTags } from "@/lib/cache/expire";
import { purgeEdge } from "@/lib/cache/purge";
import { reachability } from "@/lib/cache/store.mjs";
import { isDatabaseUnavailable } from "@/lib/errors";
import { publicationTags, readerTags, type PublicationKeys } from "@/lib/cache/tags";
import { databaseUrl, directDatabaseUrl, getHandle, type Db } from "./client";
import { onCommit } from "./context";
import { processOrigin } from "./process-origin";
import { publications } from "./schema";

const CHANNEL = "copydesk_reader_cache";
/** NOTIFY payloads are limited to 8000 bytes; past that, everything is expired instead. */
const MAX_PAYLOAD = 7000;
/**
 * This process's mark on its NOTIFYs: it expired those tags at its own commit already, so its
 * own notification only purges the edge again (another expiry would flush the caches twice and
 * tell every open live-blog page twice).
 */
const ORIGIN = processOrigin();

export async function announceReaderChange(tx: Db, tags: Iterable<string>): Promise<void> {
  const list = [...new Set(tags)];
  if (list.length === 0) return;
  onCommit(tx, () => {
    expireReaderTags(list);
    // The edge is purged at once by the instance that made the change (and again by every
    // instance when its NOTIFY arrives, below); the verb waits for the first attempt, bounded.
    return purgeEdge(list);
  });
  // The embedded database has one process. Decided from the configuration, not by opening the
  // database: a verb running on a caller's transaction (a test's, say) must not open the default one.
  if (!databaseUrl()) return;
  const payload = JSON.stringify({ origin: ORIGIN, tags: list });
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${payload.length <= MAX_PAYLOAD ? payload : JSON.stringify({ origin: ORIGIN, tags: [readerTags.all] })})`);
}

type PublicationRow = { section_slug: string; slug: string; tags: PublicationKeys["tags"]; bylines: PublicationKeys["bylines"] };
const rowTags = (row: PublicationRow) => publicationTags({ sectionSlug: row.section_slug, slug: row.slug, tags: row.tags, bylines: row.bylines });

/**
 * The tags of the pages that show these articles' comments (or whether they take comments): each
 * article's own page, while it has a publication. Read inside `tx`.
 */
export async function commentPageTags(tx: Db, articleIds: Iterable<number>): Promise<string[]> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ sectionSlug: publications.sectionSlug, slug: publications.slug })
    .from(publications)
    .where(inArray(publications.articleId, ids));
  return rows.map((row) => readerTags.article(row.sectionSlug, row.slug));
}

/** The tags of an article's current publication (none if it has none), read inside `tx`. */
export async function currentPublicationTags(tx: Db, articleId: number): Promise<string[]> {
  const result = (await tx.execute(sql`select section_slug, slug, tags, bylines from publications where article_id = ${articleId}`)) as unknown as {
    rows: PublicationRow[];
  };
  return result.rows[0] ? rowTags(result.rows[0]) : [];
}

const TICK_MS = 1000;

const state = globalThis as unknown as { __copydeskReaderCacheSync?: boolean };

/** A NOTIFY's tags and who sent it: `{ origin, tags }`, or a bare list of tags (an older instance). */
function notification(payload: string): { tags: string[]; origin?: string } {
  try {
    const value = JSON.parse(payload) as unknown;
    if (Array.isArray(value)) return { tags: value.map(String) };
    const { origin, tags } = value as { origin?: unknown; tags?: unknown };
    if (Array.isArray(tags)) return { tags: tags.map(String), origin: typeof origin === "string" ? origin : undefined };
  } catch {
    // not ours, or cut short: expire everything below
  }
  return { tags: [readerTags.all] };
}

/** Starts the listener (PostgreSQL) and the scheduled-article ticker, once per process. */
export function startReaderCacheSync(): void {
  if (state.__copydeskReaderCacheSync) return;
  state.__copydeskReaderCacheSync = true;
  // LISTEN needs a session of its own: past any transaction pooler (DATABASE_DIRECT_URL).
  const url = directDatabaseUrl();
  if (url) void listen(url);
  void tick(null);
}

async function listen(url: string): Promise<void> {
  const { Client } = await import("pg");
  let retryMs = 1000;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      const closed = new Promise<void>((resolve) => {
        client.on("error", () => resolve());
        client.on("end", () => resolve());
      });
      client.on("notification", (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        const { tags, origin } = notification(message.payload);
        if (origin !== ORIGIN) expireReaderTags(tags);
        // And the edge once more, now that this instance is fresh: it may have refetched the page
        // from here in the moment between the writer's purge and this notification, and would
        // otherwise keep that copy (for a day).
        void purgeEdge(tags);
      });
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      // Changes made while this instance was not listening are unknown: start clean.
      expireReaderTags([readerTags.all]);
      retryMs = 1000;
      await closed;
    } catch {
      // the database is away; try again
    }
    await client.end().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    retryMs = Math.min(retryMs * 2, 30_000);
  }
}

/**
 * The pages of scheduled publications that became visible after the database time `since`, and
 * the database time now (where to ask from next). Only scheduled ones: a plain publish is
 * visible from its own transaction's time and already expired its pages at commit
 * (announceReaderChange); doing it again a second later would only empty the front cache twice.
 */
export async function dueSince(db: Db, since: string): Promise<{ now: string; tags: string[] }> {
  const result = (await db.execute(sql`
    select n.now, p.section_slug, p.slug, p.tags, p.bylines
    from (select now()::text as now) n
    left join (publications p join articles a on a.id = p.article_id and a.status = 'scheduled')
      on p.visible_from > ${since}::timestamptz and p.visible_from <= n.now::timestamptz`)) as unknown as {
    rows: ({ now: string } & (PublicationRow | { section_slug: null }))[];
  };
  return { now: result.rows[0].now, tags: result.rows.flatMap((r) => (r.section_slug === null ? [] : rowTags(r as PublicationRow))) };
}

/** Once a second: expires what fell due since the last tick (the ticker of startReaderCacheSync). */
async function tick(since: string | null): Promise<void> {
  let next = since;
  try {
    const { db } = await getHandle();
    if (since === null) {
      const result = (await db.execute(sql`select now()::text as now`)) as unknown as { rows: { now: string }[] };
      next = result.rows[0].now;
    } else {
      const due = await dueSince(db, since);
      next = due.now;
      if (due.tags.length) {
        expireReaderTags(due.tags);
        // Every instance's ticker sees it fall due: the edge hears it from each (a purge is idempotent).
        void purgeEdge(due.tags);
      }
    }
    reachability().reachable = true;
  } catch (error) {
    // the database is away: ask again (from the same point) on the next tick
    if (isDatabaseUnavailable(error)) reachability().reachable = false;
  }
  setTimeout(() => void tick(next), TICK_MS).unref();
}

/** The tags of a live blog's entries: its page (while published) and its entry feed. Read inside `tx`. */
export async function liveEntryTags(tx: Db, articleId: number): Promise<string[]> {
  return [...(await commentPageTags(tx, [articleId])), readerTags.live(articleId)];
}
