// The Copydesk data model (one pg-core schema for PGlite and PostgreSQL).
//   articles            the working copy the desk edits (optimistic `version`)
//   article_revisions   immutable snapshots for history / diff / restore
//   publications        the live snapshot readers see; written only by the publish transaction
//   article_events      the audit trail of workflow transitions
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
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

/** One stored rendition of an uploaded image (responsive widths, WebP). */
export type MediaVariant = { width: number; height: number; format: "webp" | "jpeg" | "png" | "gif" | "avif"; key: string; bytes: number };

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
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id),
    slug: text("slug").notNull(),
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
  ],
);

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
  sectionId: number;
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

export type PublishedByline = { name: string; slug: string };
export type PublishedTag = { name: string; slug: string };
export type PublishedRelated = { title: string; href: string; external: boolean };
export type PublishedCorrection = { kind: "correction" | "update"; text: string; at: string };
export type PublishedImage = { src: string; srcset: string; width: number; height: number; alt: string; caption: string; credit: string };

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
