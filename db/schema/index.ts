// The Copydesk data model (one pg-core schema for PGlite and PostgreSQL).
//   articles            the working copy the desk edits (optimistic `version`)
//   article_revisions   immutable snapshots for history / diff / restore
//   publications        the live snapshot readers see; written only by the publish transaction
//   article_events      the audit trail of workflow transitions
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { JSONContent } from "@tiptap/core";
import type { MediaVariant } from "@/lib/media/urls";
import type { PublishedByline, PublishedCorrection, PublishedImage, PublishedRelated, PublishedTag } from "@/lib/reader/types";

export const userRole = pgEnum("user_role", ["admin", "editor", "journalist"]);
export const articleStatus = pgEnum("article_status", [
  "draft",
  "in_review",
  "changes_requested",
  "scheduled",
  "published",
  "unpublished",
]);
export const articleLanguage = pgEnum("article_language", ["de", "en"]);
/** A live blog's state: null on `articles.live_state` means an ordinary article. */
export const liveState = pgEnum("live_state", ["live", "ended"]);
export const revisionKind = pgEnum("revision_kind", ["create", "save", "autosave", "submit", "publish", "restore"]);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    role: userRole("role").notNull().default("journalist"),
    passwordHash: text("password_hash").notNull(),
    /** Bumped on password reset, role change or deactivation: older sessions stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    active: boolean("active").notNull().default(true),
    bio: text("bio").notNull().default(""),
    /** Author photo (from the media library) for author pages. */
    avatarMediaId: integer("avatar_media_id").references((): AnyPgColumn => media.id, { onDelete: "set null" }),
    /** The desk's language for this person; null follows their browser. */
    locale: articleLanguage("locale"),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), uniqueIndex("users_slug_key").on(t.slug)],
);

/** The media library: an uploaded image, its variants and the defaults used when it is placed. */
export const media = pgTable(
  "media",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Where the original lives in storage; variants sit beside it. */
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    variants: jsonb("variants").$type<MediaVariant[]>().notNull(),
    caption: text("caption").notNull().default(""),
    credit: text("credit").notNull().default(""),
    alt: text("alt").notNull().default(""),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("media_storage_key_key").on(t.storageKey), index("media_created_idx").on(t.createdAt)],
);

/** Binary columns (the Yjs state, media files): Uint8Array in, Uint8Array out, on node-postgres and PGlite alike. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * Media files kept in PostgreSQL (COPYDESK_MEDIA_STORAGE=postgres): every app instance on the
 * database sees every file. One row per file, its bytes in `media_object_chunks`, so a 20 MB
 * original is written and read a chunk at a time instead of as one huge value. Not linked to
 * `media` by a foreign key: the files are written before the library row (db/media/upload.ts),
 * and the other backends have no such link either.
 */
export const mediaObjects = pgTable("media_objects", {
  key: text("key").primaryKey(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  chunks: integer("chunks").notNull(),
  sha256: text("sha256").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const mediaObjectChunks = pgTable(
  "media_object_chunks",
  {
    key: text("key")
      .notNull()
      .references(() => mediaObjects.key, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] })],
);

export const sections = pgTable("sections", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  position: integer("position").notNull().default(0),
});

export const articles = pgTable(
  "articles",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Null: a draft nobody has placed yet (a draft needs no section; submit and publish do). */
    sectionId: integer("section_id").references(() => sections.id),
    slug: text("slug").notNull(),
    /** Empty in a draft nobody has titled yet (submit and publish need one). */
    headline: text("headline").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    language: articleLanguage("language").notNull().default("de"),
    body: jsonb("body").$type<JSONContent>().notNull(),
    status: articleStatus("status").notNull().default("draft"),
    /** Optimistic concurrency: every write sends the version it started from. */
    version: integer("version").notNull().default(1),
    /** Working-copy version that the live publication was made from (null: never published). */
    publishedVersion: integer("published_version"),
    wordCount: integer("word_count").notNull().default(0),
    /** Reader comments are accepted (pre-moderated) unless an editor closes them. */
    commentsOpen: boolean("comments_open").notNull().default(true),
    /** Search-engine title and description; empty falls back to headline and standfirst. */
    seoTitle: text("seo_title").notNull().default(""),
    seoDescription: text("seo_description").notNull().default(""),
    /** Lead image and how this article captions it (the library's defaults are only a start). */
    leadImageId: integer("lead_image_id").references(() => media.id, { onDelete: "set null" }),
    leadCaption: text("lead_caption").notNull().default(""),
    leadCredit: text("lead_credit").notNull().default(""),
    leadAlt: text("lead_alt").notNull().default(""),
    /** Set: the article is a live blog (entries under its body); "ended" stops live updates. */
    liveState: liveState("live_state"),
    liveStartedAt: timestamp("live_started_at", { withTimezone: true }),
    liveEndedAt: timestamp("live_ended_at", { withTimezone: true }),
    /**
     * Bumped by every change to the live blog's entries, in the changing transaction (which holds
     * this row's lock until it commits): revisions commit in order, so a reader who has seen
     * revision n misses nothing by asking for what is newer.
     */
    liveRevision: integer("live_revision").notNull().default(0),
    createdById: integer("created_by_id").references(() => users.id),
    updatedById: integer("updated_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("articles_section_slug_key").on(t.sectionId, t.slug),
    index("articles_status_updated_idx").on(t.status, t.updatedAt),
    // The desk's "recently published" and "all articles" lists, newest change first on a big
    // archive (read backwards: ORDER BY updated_at DESC, id DESC).
    index("articles_updated_idx").on(t.updatedAt, t.id),
    // The desk list's headline filter (ILIKE '%word%'): trigrams find the few articles with a
    // rare word on a big archive instead of reading every headline (pg_trgm; PGlite loads it too).
    index("articles_headline_trgm_idx").using("gin", t.headline.op("gin_trgm_ops")),
    // The live blogs (a handful among a big archive): the news sitemap lists those still live.
    index("articles_live_idx").on(t.liveState).where(sql`${t.liveState} is not null`),
  ],
);

/**
 * The co-editing document of an article (a Yjs update holding its whole state), kept so editors
 * resume where they were. Only the collaboration server reads it; everything else reads the JSON
 * working copy in `articles`, derived from it on every store.
 */
export const articleCollabStates = pgTable("article_collab_states", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  state: bytea("state").notNull(),
  /** The state vector of `state`: what the `saved` message tells editors is stored. */
  stateVector: bytea("state_vector").notNull(),
  /**
   * The article `version` this state was stored with. A newer version in `articles` means someone
   * wrote the working copy without the document (restore, import, the old save form): the next
   * load applies that copy to the document as a forward change.
   */
  articleVersion: integer("article_version").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Bylines, in order. */
export const articleAuthors = pgTable(
  "article_authors",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index("article_authors_user_idx").on(t.userId)],
);

/** The article's metadata as it was at a revision (for diff and restore). */
export type RevisionFields = {
  sectionId: number | null;
  slug: string;
  language: "de" | "en";
  seoTitle: string;
  seoDescription: string;
  leadImage: { mediaId: number; caption: string; credit: string; alt: string } | null;
  authorIds: number[];
  tags: string[];
  related: ({ articleId: number; title: string } | { url: string; title: string })[];
};

export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: revisionKind("kind").notNull(),
    headline: text("headline").notNull(),
    standfirst: text("standfirst").notNull(),
    body: jsonb("body").$type<JSONContent>().notNull(),
    /** Null on revisions written before metadata was kept with them. */
    fields: jsonb("fields").$type<RevisionFields>(),
    /** Why this revision exists beyond its kind, e.g. the version a restore brought back. */
    restoredFrom: integer("restored_from"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Autosaves by one person coalesce into one revision; this is its latest write. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("article_revisions_article_idx").on(t.articleId, t.version)],
);

export const tags = pgTable(
  "tags",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
  },
  (t) => [uniqueIndex("tags_slug_key").on(t.slug), uniqueIndex("tags_name_key").on(sql`lower(${t.name})`)],
);

export const articleTags = pgTable(
  "article_tags",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index("article_tags_tag_idx").on(t.tagId)],
);

/** "Related" / "Zum Thema": another Copydesk article, or an external URL with a title. */
export const relatedLinks = pgTable(
  "related_links",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    targetArticleId: integer("target_article_id").references(() => articles.id, { onDelete: "cascade" }),
    url: text("url"),
    title: text("title").notNull(),
  },
  (t) => [index("related_links_article_idx").on(t.articleId, t.position)],
);

/** Postgres full-text search document (weighted headline, standfirst, body). */
const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/**
 * What readers see, denormalised so an article page is one indexed read. Written only by
 * the publish transaction; `visible_from` in the future is a scheduled publication.
 */
export const publications = pgTable(
  "publications",
  {
    articleId: integer("article_id")
      .primaryKey()
      .references(() => articles.id, { onDelete: "cascade" }),
    sectionSlug: text("section_slug").notNull(),
    sectionName: text("section_name").notNull(),
    slug: text("slug").notNull(),
    language: articleLanguage("language").notNull(),
    headline: text("headline").notNull(),
    standfirst: text("standfirst").notNull(),
    seoTitle: text("seo_title").notNull().default(""),
    seoDescription: text("seo_description").notNull().default(""),
    leadImage: jsonb("lead_image").$type<PublishedImage | null>(),
    /** Public correction and update notes, oldest first. */
    corrections: jsonb("corrections").$type<PublishedCorrection[]>().notNull().default([]),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    bylines: jsonb("bylines").$type<PublishedByline[]>().notNull(),
    tags: jsonb("tags").$type<PublishedTag[]>().notNull(),
    related: jsonb("related").$type<PublishedRelated[]>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    visibleFrom: timestamp("visible_from", { withTimezone: true }).notNull(),
    /** The working-copy version this snapshot was rendered from. */
    version: integer("version").notNull(),
    /** Built at publish time with the article language's stemmer (german / english). */
    search: tsvector("search"),
  },
  (t) => [
    uniqueIndex("publications_section_slug_key").on(t.sectionSlug, t.slug),
    index("publications_visible_idx").on(t.visibleFrom),
    // Newest first (the id breaks ties, for stable pages): the home page, feeds and the news
    // sitemap read the top of this index; a section's list reads the top of its own range.
    index("publications_published_idx").on(t.publishedAt, t.articleId),
    index("publications_section_published_idx").on(t.sectionSlug, t.publishedAt, t.articleId),
    index("publications_search_idx").using("gin", t.search),
    // The editor's link and related-article picker (headline ILIKE '%word%', live articles).
    index("publications_headline_trgm_idx").using("gin", t.headline.op("gin_trgm_ops")),
    index("publications_bylines_idx").using("gin", sql`${t.bylines} jsonb_path_ops`),
    index("publications_tags_idx").using("gin", sql`${t.tags} jsonb_path_ops`),
  ],
);

/** Audit trail: every workflow transition, who, when, and the note. */
export const articleEvents = pgTable(
  "article_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    fromStatus: articleStatus("from_status"),
    toStatus: articleStatus("to_status").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("article_events_article_idx").on(t.articleId, t.createdAt)],
);

/** A public correction or update note, published with an update of the article. */
export const correctionKind = pgEnum("correction_kind", ["correction", "update"]);
export const articleCorrections = pgTable(
  "article_corrections",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: correctionKind("kind").notNull(),
    text: text("text").notNull(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("article_corrections_article_idx").on(t.articleId, t.createdAt)],
);

/** The desk's internal thread per article (never shown to readers). */
export const articleNotes = pgTable(
  "article_notes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("article_notes_article_idx").on(t.articleId, t.createdAt)],
);

/** In-app notifications: submitted → editors; sent back, published, unpublished → bylined authors. */
export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    actorId: integer("actor_id").references(() => users.id),
    kind: text("kind").notNull(),
    note: text("note").notNull().default(""),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

export const commentStatus = pgEnum("comment_status", ["pending", "approved", "rejected", "spam"]);

/** Reader comments, pre-moderated: only approved ones are shown. */
export const comments = pgTable(
  "comments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    status: commentStatus("status").notNull().default("pending"),
    /** A one-way hash of the poster's address, for rate limits and spam patterns; never shown. */
    clientHash: text("client_hash").notNull().default(""),
    moderatedById: integer("moderated_by_id").references(() => users.id),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("comments_article_status_idx").on(t.articleId, t.status, t.createdAt),
    index("comments_status_idx").on(t.status, t.createdAt),
  ],
);

/**
 * Signed-in sessions, one per sign-in (the session cookie names its id). Ending one deletes the
 * row, and a cookie whose row is gone opens nothing, wherever it is presented (app/auth.ts).
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent").notNull().default(""),
    address: text("address"),
    /** Signed in through the identity provider, whose ID token said it asked for a second factor itself (lib/sso.ts). */
    secondFactorAtProvider: boolean("second_factor_at_provider").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.lastSeenAt)],
);

/** Fixed-window counters shared by every app instance (sign-in throttling, comment limits). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
});

/** Old addresses that keep working: an article's earlier slug or section. */
export const slugRedirects = pgTable(
  "slug_redirects",
  {
    sectionSlug: text("section_slug").notNull(),
    slug: text("slug").notNull(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sectionSlug, t.slug] })],
);

/** A merged tag's old address, pointing at the tag that survived. */
export const tagRedirects = pgTable("tag_redirects", {
  slug: text("slug").primaryKey(),
  tagId: integer("tag_id")
    .notNull()
    .references(() => tags.id, { onDelete: "cascade" }),
});

/** Reader page views, counted in batches (bots excluded); the page may show a slightly older number. */
export const articleViews = pgTable("article_views", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  count: integer("count").notNull().default(0),
});

/**
 * The desk's arrangement of a front page: which article an editor put into which slot. `front`
 * is the page's path ("/" for the home page, "/politik" for a section front); slots nobody
 * filled show the newest articles (lib/front.ts). An article leaves every slot when it is
 * unpublished (db/articles/unpublish.ts), and reader queries only ever join visible
 * publications, so a placement can never show what readers may not see.
 */
export const frontSlots = pgTable(
  "front_slots",
  {
    front: text("front").notNull(),
    slot: text("slot").notNull(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    placedById: integer("placed_by_id").references(() => users.id),
    placedAt: timestamp("placed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.front, t.slot] }), index("front_slots_article_idx").on(t.articleId)],
);

/** Pages of the site's own that an admin writes: imprint (Impressum), privacy. Plain text. */
export const sitePages = pgTable("site_pages", {
  slug: text("slug").primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull().default(""),
  updatedById: integer("updated_by_id").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The audit log: one row per change a person (or the system) made, written by `audit()`
 * (db/audit/record.ts) inside the same transaction as the change, so a refused or failed call
 * leaves none. `actor_id` is null for the system (scripts, imports) and for anonymous readers;
 * it has no foreign key, because the record must outlive anything it names. `summary` says what
 * changed and never holds a secret (passwords, hashes, session ids are dropped before writing).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull().default({}),
    address: text("address"),
  },
  (t) => [
    // Newest first, overall and per actor / action / target (the admin page's filters).
    index("audit_events_at_idx").on(t.at, t.id),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
    index("audit_events_target_idx").on(t.targetType, t.targetId, t.at),
  ],
);

/**
 * A live blog's entries. Each is its own small document: written by its authors, published on its
 * own (`body_html` rendered and sanitized then, like a publication), edited after publication
 * (`edited_at`: readers see "updated"), deleted with a reason (the row stays, readers lose it).
 */
export const liveEntries = pgTable(
  "live_entries",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    title: text("title").notNull().default(""),
    body: jsonb("body").$type<JSONContent>().notNull(),
    /** What readers get; empty until published, re-rendered on every edit after that. */
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    /** Bylines of this entry, in order (its writer first). */
    authorIds: integer("author_ids").array().notNull(),
    keyEvent: boolean("key_event").notNull().default(false),
    pinned: boolean("pinned").notNull().default(false),
    /** Optimistic concurrency, as for articles. */
    version: integer("version").notNull().default(1),
    /** The live blog's `live_revision` at this entry's last change (what readers' polls compare). */
    revision: integer("revision").notNull().default(0),
    /** The entry's own time (readers see it); set on first publication. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Last change after publication (text, title): readers see "updated". */
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deleteReason: text("delete_reason").notNull().default(""),
    createdById: integer("created_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    // The reader page and the live poll: one live blog's entries by time, and what changed since.
    index("live_entries_article_published_idx").on(t.articleId, t.publishedAt, t.id),
    index("live_entries_article_revision_idx").on(t.articleId, t.revision),
  ],
);

/** Journalists an editor allowed to publish entries in this one live blog directly. */
export const livePublishers = pgTable(
  "live_publishers",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);
export const secondFactorKind = pgEnum("second_factor_kind", ["totp", "passkey"]);

/**
 * A person's second factors for sign-in. TOTP: the shared secret, encrypted with a key derived
 * from AUTH_SECRET (lib/second-factor/secret-box.ts) — never shown again after enrolment — and
 * the last time step accepted, so a code cannot be used twice. Unconfirmed until the person
 * has typed a code from their app; only confirmed factors count at sign-in. Passkeys: the
 * credential's id, public key and signature counter.
 */
export const userSecondFactors = pgTable(
  "user_second_factors",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: secondFactorKind("kind").notNull(),
    label: text("label").notNull().default(""),
    secret: text("secret"),
    lastTimeStep: integer("last_time_step"),
    credentialId: text("credential_id"),
    publicKey: text("public_key"),
    // WebAuthn's signature counter is unsigned 32-bit: past PostgreSQL's integer range.
    counter: bigint("counter", { mode: "number" }),
    transports: jsonb("transports").$type<string[]>(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("user_second_factors_user_idx").on(t.userId),
    // One authenticator app per person (re-enrolling replaces an unconfirmed one).
    uniqueIndex("user_second_factors_totp_key").on(t.userId).where(sql`${t.kind} = 'totp'`),
    uniqueIndex("user_second_factors_credential_key").on(t.credentialId),
  ],
);

/** One-time recovery codes (argon2id hashes); a used code keeps its row with `used_at` set. */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_recovery_codes_user_idx").on(t.userId)],
);

export const webauthnPurpose = pgEnum("webauthn_purpose", ["register", "sign_in"]);

/**
 * Passkey challenges waiting for the browser's answer: each is good once (taken when it is
 * checked), for one person and one purpose, for a few minutes (lib/second-factor/passkeys.ts).
 * Server-side so that an intercepted answer cannot be replayed, even by an authenticator whose
 * signature counter stays at 0.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: webauthnPurpose("purpose").notNull(),
    challenge: text("challenge").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("webauthn_challenges_challenge_key").on(t.challenge), index("webauthn_challenges_user_idx").on(t.userId, t.purpose)],
);

/** Newsroom-wide settings an admin changes on the desk, one JSON value per key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who is writing in which article right now, as each app instance last reported it (the desk's
 * "being edited now" across instances). Each instance replaces its own rows every few seconds
 * while anyone is connected to it; a row not refreshed for half a minute (an instance that died)
 * no longer counts. db/articles/presence.ts writes, db/articles/presence-queries.ts reads.
 */
export const editorPresence = pgTable(
  "editor_presence",
  {
    instance: text("instance").notNull(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instance, t.articleId, t.userId] }), index("editor_presence_seen_idx").on(t.seenAt)],
);
