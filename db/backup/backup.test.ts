// Round trip: the demo newsroom plus an uploaded image → export → import into a fresh
// database → every table compared row by row, the media bytes byte by byte, and the
// restored database keeps working (new ids do not collide, hashes-less accounts are locked).
// PGlite in temporary folders by default; two throw-away databases beside DATABASE_URL's on PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage } from "@/lib/media/test-images";
import { localStorage } from "@/lib/media/storage";
import { seedDemo } from "@/scripts/seed-demo";
import { DEMO_PASSWORD } from "@/scripts/env";
import { closeDb, getHandle, type Db } from "../client";
import { SYSTEM_VIEWER } from "../context";
import { createArticle } from "../articles/create";
import { postComment } from "../comments/post";
import { uploadMedia } from "../media/upload";
import * as schema from "../schema";
import { createSection } from "../sections/create";
import { createUser } from "../users/create";
import { verifyCredentials } from "../users/queries";
import { resetPassword } from "../users/reset-password";
import { EXCLUDED_TABLES, listTables, rows } from "./catalog";
import { exportBackup } from "./export";
import { NO_PASSWORD_HASH } from "./format";
import { importBackup } from "./import";

const baseUrl = process.env.DATABASE_URL?.trim() || "";
const engine = baseUrl ? "postgres" : "pglite";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-backup-"));
const src = { dir: path.join(root, "src"), url: baseUrl && withDatabase(baseUrl, "_backup_src") };
const dst = { dir: path.join(root, "dst"), url: baseUrl && withDatabase(baseUrl, "_backup_dst") };
const out = path.join(root, "backup");
const outWithHashes = path.join(root, "backup-with-hashes");

function withDatabase(url: string, suffix: string): string {
  const u = new URL(url);
  u.pathname = `${u.pathname.replace(/^\//, "")}${suffix}`;
  return u.toString();
}

/** Points db/client.ts at one side; the next getHandle() opens (and migrates) it. */
async function use(side: typeof src) {
  await closeDb();
  process.env.COPYDESK_DATA_DIR = side.dir;
  process.env.DATABASE_URL = side.url;
  return getHandle();
}

async function recreateDatabases(drop = false) {
  if (!baseUrl) return;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    for (const side of [src, dst]) {
      const name = new URL(side.url).pathname.slice(1);
      await admin.query(`drop database if exists "${name}" with (force)`);
      if (!drop) await admin.query(`create database "${name}"`);
    }
  } finally {
    await admin.end();
  }
}

const schemaTables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable);

/** Every table as the database itself renders each row (to_jsonb: full timestamp precision, tsvector text). */
async function dumpJson(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const t of await listTables(db)) {
    const order = sql.raw(t.primaryKey.map((c) => `t."${c}"`).join(", "));
    dump[t.name] = (await rows<{ row: Record<string, unknown> }>(db, sql`select to_jsonb(t) as row from ${sql.identifier(t.name)} t order by ${order}`)).map((r) => r.row);
  }
  return dump;
}

/** Every table as the app reads it (drizzle's typed rows), straight from the schema definitions. */
async function dumpTyped(db: Db): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of schemaTables) {
    const config = getTableConfig(table);
    const pk = config.columns.filter((c) => c.primary).concat(config.primaryKeys.flatMap((k) => k.columns));
    dump[config.name] = await db.select().from(table).orderBy(...pk.map((c) => asc(c)));
  }
  return dump;
}

function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

const EDITOR = "editor@copydesk.test";
let before: { json: Awaited<ReturnType<typeof dumpJson>>; typed: Awaited<ReturnType<typeof dumpTyped>> };
let after: typeof before;
let imported: Awaited<ReturnType<typeof importBackup>>;

describe(`backup round trip on ${engine}`, () => {
  beforeAll(async () => {
    await recreateDatabases();
    const { db } = await use(src);
    await seedDemo();
    // Beyond the demo: an uploaded image used as an author photo and a lead image (the
    // users ↔ media reference cycle), and a reader comment.
    const storage = localStorage(path.join(src.dir, "media"));
    const editor = (await db.select().from(schema.users).where(eq(schema.users.email, EDITOR)))[0];
    const image = await uploadMedia({
      ctx: { viewer: { id: editor.id, role: editor.role, name: editor.name } },
      storage,
      input: { filename: "hafen.jpg", bytes: await makeImage("jpeg", 1700, 900), caption: "Der Hafen „am Abend“", credit: "dpa", alt: "Kräne im Abendlicht" },
    });
    await db.update(schema.users).set({ avatarMediaId: image.id }).where(eq(schema.users.id, editor.id));
    const [published] = await db.select().from(schema.publications).orderBy(asc(schema.publications.articleId)).limit(1);
    await db.update(schema.articles).set({ leadImageId: image.id, leadCaption: "Hafen", leadCredit: "dpa", leadAlt: "Kräne" }).where(eq(schema.articles.id, published.articleId));
    await postComment({ ctx: { viewer: null }, input: { articleId: published.articleId, name: "Jörg Leser", text: "Sehr „gut“ — danke!\nZweite Zeile.", clientHash: "abc123" } });

    expect(await verifyCredentials({ email: EDITOR, password: DEMO_PASSWORD })).not.toBeNull();
    before = { json: await dumpJson(db), typed: await dumpTyped(db) };
    await exportBackup({ db, storage, out, engine });
    await exportBackup({ db, storage, out: outWithHashes, engine, withPasswordHashes: true });

    const target = await use(dst);
    imported = await importBackup({ db: target.db, storage: localStorage(path.join(dst.dir, "media")), from: out });
    after = { json: await dumpJson(target.db), typed: await dumpTyped(target.db) };
  });

  afterAll(async () => {
    await closeDb();
    await recreateDatabases(true);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("covers every table of the schema but the excluded counters, with real content in each that matters", () => {
    const names = schemaTables.map((t) => getTableConfig(t).name).filter((n) => !EXCLUDED_TABLES.has(n));
    expect(Object.keys(imported.tables).sort()).toEqual(names.sort());
    for (const table of ["users", "sections", "articles", "article_revisions", "publications", "tags", "article_tags", "article_events", "notifications", "media", "comments", "related_links", "article_authors"]) {
      expect(before.json[table].length, table).toBeGreaterThan(0);
    }
    expect(before.json.rate_limits).toBeUndefined(); // a comment was counted, but counters stay out
  });

  it("restores every row exactly, ids included (users without their password hash)", () => {
    for (const [table, original] of Object.entries(before.json)) {
      const restored = after.json[table];
      if (table === "users") {
        const strip = (r: Record<string, unknown>) => ({ ...r, password_hash: undefined });
        expect(restored.map(strip)).toEqual(original.map(strip));
        expect(restored.every((r) => r.password_hash === NO_PASSWORD_HASH)).toBe(true);
      } else if (table === "audit_events") {
        // The log comes back whole, and the import adds itself as its next entry.
        expect(original.length).toBeGreaterThan(0);
        expect(restored.slice(0, original.length)).toEqual(original);
        expect(restored.slice(original.length).map((r) => [r.action, r.actor_id])).toEqual([["backup.import", null]]);
      } else {
        expect(restored, table).toEqual(original);
      }
    }
    for (const [table, original] of Object.entries(before.typed)) {
      if (EXCLUDED_TABLES.has(table)) {
        expect(after.typed[table], table).toEqual([]);
        continue;
      }
      const strip = (r: unknown) => ({ ...(r as object), passwordHash: undefined });
      const restored = table === "audit_events" ? after.typed[table].slice(0, original.length) : after.typed[table];
      expect(restored.map(strip), table).toEqual(original.map(strip));
    }
  });

  it("restores the media files byte for byte", () => {
    const original = filesUnder(path.join(src.dir, "media"));
    const restored = filesUnder(path.join(dst.dir, "media"));
    expect(original.size).toBeGreaterThanOrEqual(2); // the original and at least one variant
    expect([...restored.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [key, bytes] of original) expect(restored.get(key)!.equals(bytes), key).toBe(true);
    expect(imported.mediaFiles).toBe(original.size);
  });

  it("leaves password hashes out unless asked", () => {
    const plain = fs.readFileSync(path.join(out, "tables", "users.jsonl"), "utf8");
    const withHashes = fs.readFileSync(path.join(outWithHashes, "tables", "users.jsonl"), "utf8");
    expect(plain).not.toContain("password_hash");
    expect(plain).not.toContain("$argon2");
    const hashes = withHashes.trim().split("\n").map((l) => (JSON.parse(l) as { password_hash: string }).password_hash);
    expect(hashes.length).toBe(3);
    expect(hashes.every((h) => h.startsWith("$argon2id$"))).toBe(true);
  });

  it("keeps restored accounts locked until a password is set, then lets them in", async () => {
    expect(await verifyCredentials({ email: EDITOR, password: DEMO_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: EDITOR, password: NO_PASSWORD_HASH })).toBeNull();
    const db = (await getHandle()).db;
    const [editor] = await db.select().from(schema.users).where(eq(schema.users.email, EDITOR));
    const { temporaryPassword } = await resetPassword({ ctx: { viewer: SYSTEM_VIEWER }, input: { id: editor.id } });
    expect(await verifyCredentials({ email: EDITOR, password: temporaryPassword })).toMatchObject({ id: editor.id, role: "editor" });
  });

  it("hands out new ids after the restored ones (sequences moved)", async () => {
    const db = (await getHandle()).db;
    const [journalist] = await db.select().from(schema.users).where(eq(schema.users.role, "journalist"));
    const section = await createSection({ ctx: { viewer: SYSTEM_VIEWER }, input: { name: "Nach dem Import" } });
    const article = await createArticle({
      ctx: { viewer: { id: journalist.id, role: journalist.role, name: journalist.name } },
      input: { headline: "Neu nach dem Import", standfirst: "", sectionId: section.id, language: "de", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Hallo" }] }] } },
    });
    const user = await createUser({ ctx: { viewer: SYSTEM_VIEWER }, input: { email: "neu@copydesk.test", name: "Neu Person", role: "journalist", password: "correct horse battery" } });
    const maxId = (table: string) => Math.max(...before.json[table].map((r) => Number(r.id)));
    expect(article.id).toBe(maxId("articles") + 1);
    expect(section.id).toBe(maxId("sections") + 1);
    expect(user.id).toBe(maxId("users") + 1);
    const [revision] = await db.select().from(schema.articleRevisions).where(eq(schema.articleRevisions.articleId, article.id));
    expect(revision.id).toBe(maxId("article_revisions") + 1);
  });

  it("refuses to import into a database that is not empty, and writes nothing", async () => {
    const db = (await getHandle()).db;
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(schema.articles))[0].n;
    const articlesBefore = await count();
    await expect(importBackup({ db, storage: localStorage(path.join(dst.dir, "media")), from: out })).rejects.toThrow(/not empty/);
    expect(await count()).toBe(articlesBefore);
  });
});
