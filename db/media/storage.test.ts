// Every media store behaves the same: local folder, PostgreSQL (on the engine under test), and
// S3 against a real gateway (Ceph RGW, db/testing/s3.ts) wherever it is installed. Then the
// library on each: an upload's renditions, served, deleted; and the migration between stores.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Conflict, Forbidden } from "@/lib/errors";
import { s3Storage } from "@/lib/media/s3-storage";
import { localStorage, newMediaPrefix, readMedia, sha256Of, type MediaStorage } from "@/lib/media/storage";
import { makeImage } from "@/lib/media/test-images";
import type { Db } from "../client";
import { createArticle } from "../articles/create";
import { articles, auditEvents, media, mediaObjectChunks } from "../schema";
import { engine, inRollback, newsroom } from "../testing";
import { cephInstalled, startCephS3 } from "../testing/s3";
import { CHUNK_BYTES, postgresStorage } from "./blob-storage";
import { deleteMedia } from "./delete";
import { migrateMedia } from "./migrate";
import { configuredMediaBackend } from "./storage";
import { uploadMedia } from "./upload";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-media-stores-"));
let ceph: Awaited<ReturnType<typeof startCephS3>> | undefined;

beforeAll(async () => {
  if (cephInstalled) ceph = await startCephS3("copydesk-media-test");
}, 240_000);
afterAll(async () => {
  await ceph?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

type Store = { name: string; make: (tx: Db) => MediaStorage };
const stores: Store[] = [
  { name: "local", make: () => localStorage(path.join(root, crypto.randomUUID())) },
  // In the test's transaction: what it writes is rolled back with the rows.
  { name: `postgres (${engine})`, make: (tx) => postgresStorage(async () => tx) },
  ...(cephInstalled ? [{ name: "s3 (Ceph RGW)", make: () => s3Storage({ ...ceph!.options, prefix: crypto.randomUUID() }) }] : []),
];

const key = (name = "w480.webp") => `${newMediaPrefix()}/${name}`;
const random = (bytes: number) => new Uint8Array(crypto.randomBytes(bytes));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe.each(stores)("media store: $name", ({ name, make }) => {
  it("stores, reads (whole and as a stream) and deletes a file; missing is null, twice is fine", () =>
    inRollback(async (tx) => {
      const store = make(tx);
      const k = key();
      const bytes = random(1000);
      await store.put(k, bytes, "image/webp");
      const object = await store.get(k);
      expect(object).toMatchObject({ contentType: "image/webp", size: 1000 });
      expect(same(await object!.bytes(), bytes)).toBe(true);
      expect(await sha256Of((await store.get(k))!.stream())).toEqual({ sha256: crypto.createHash("sha256").update(bytes).digest("hex"), size: 1000 });
      // Put again replaces it.
      const other = random(10);
      await store.put(k, other, "image/webp");
      expect(same((await readMedia(store, k))!.bytes, other)).toBe(true);
      await store.delete(k);
      expect(await store.get(k)).toBeNull();
      await store.delete(k);
      expect(await store.get(key())).toBeNull();
    }));

  // 21 MB, just over the upload limit. Into the in-memory PGlite (WebAssembly, on the test's own
  // thread) 5 MB: the 21 MB case took from 30 s to over two minutes on a busy 2-core machine.
  const large = name === `postgres (pglite)` ? 5 * 1024 * 1024 + 123 : 21 * 1024 * 1024 + 123;
  it(`streams a ${Math.round(large / 1048576)} MB original in pieces and gives back every byte`, { timeout: 300_000 }, () =>
    inRollback(async (tx) => {
      const store = make(tx);
      const k = key("original.jpg");
      const bytes = random(large);
      await store.put(k, bytes, "image/jpeg");
      const object = (await store.get(k))!;
      expect(object.size).toBe(bytes.byteLength);
      let pieces = 0;
      let largest = 0;
      const hash = crypto.createHash("sha256");
      for await (const piece of object.stream() as unknown as AsyncIterable<Uint8Array>) {
        pieces += 1;
        largest = Math.max(largest, piece.byteLength);
        hash.update(piece);
      }
      expect(hash.digest("hex")).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
      // Never the whole file at once: the route hands it on as it arrives.
      expect(pieces).toBeGreaterThan(1);
      expect(largest).toBeLessThan(bytes.byteLength);
    }));

  it("takes only server-made keys with their own content type", () =>
    inRollback(async (tx) => {
      const store = make(tx);
      for (const bad of ["../secret.txt", "2026/11/x/w480.webp", "2026/11/0b7a2c1e-1111-4222-8333-444455556666/w480.html"]) {
        await expect(store.put(bad, random(4), "image/webp")).rejects.toThrow(/media key/);
        expect(await store.get(bad)).toBeNull();
      }
      await expect(store.put(key("original.jpg"), random(4), "text/html")).rejects.toThrow(/content type/);
    }));

  it("holds an upload's original and renditions; deleting the image removes them all and writes one audit row", () =>
    inRollback(async (tx) => {
      const store = make(tx);
      const n = await newsroom(tx);
      const item = await uploadMedia({ ctx: n.ctx(n.journalist), storage: store, input: { filename: "Hafen.jpg", bytes: await makeImage("jpeg", 1300, 800) } });
      const [row] = await tx.select().from(media).where(eq(media.id, item.id));
      const keys = [row.storageKey, ...row.variants.map((v) => v.key)];
      for (const v of row.variants) {
        const stored = (await readMedia(store, v.key))!;
        expect((await sharp(stored.bytes).metadata()).width).toBe(v.width);
      }
      // Another journalist may not delete it; nor may anyone while an article shows it.
      await expect(deleteMedia({ ctx: n.ctx(n.otherJournalist), storage: store, input: { id: item.id } })).rejects.toThrow(Forbidden);
      const article = await createArticle({ ctx: n.ctx(n.journalist), input: { headline: "Hafen", sectionId: null, body: { type: "doc", content: [{ type: "paragraph" }] } } });
      await tx.update(articles).set({ leadImageId: item.id }).where(eq(articles.id, article.id));
      await expect(deleteMedia({ ctx: n.ctx(n.editor), storage: store, input: { id: item.id } })).rejects.toThrow(Conflict);
      await tx.update(articles).set({ leadImageId: null }).where(eq(articles.id, article.id));

      const before = (await tx.select().from(auditEvents).where(eq(auditEvents.action, "media.delete"))).length;
      await deleteMedia({ ctx: n.ctx(n.journalist), storage: store, input: { id: item.id } });
      expect(await tx.select().from(media).where(eq(media.id, item.id))).toEqual([]);
      for (const k of keys) expect(await store.get(k)).toBeNull();
      expect((await tx.select().from(auditEvents).where(eq(auditEvents.action, "media.delete"))).length).toBe(before + 1);
    }));
});

describe(`PostgreSQL media store on ${engine}`, () => {
  it("keeps a file as 256 KiB chunks, and every instance on the database reads it", () =>
    inRollback(async (tx) => {
      const k = key("original.png");
      const bytes = random(CHUNK_BYTES * 3 + 5);
      await postgresStorage(async () => tx).put(k, bytes, "image/png");
      const chunks = await tx.select().from(mediaObjectChunks).where(eq(mediaObjectChunks.key, k));
      expect(chunks.map((c) => c.data.byteLength).sort((a, b) => b - a)).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, 5]);
      // A second store object stands for another instance: nothing is kept in the first.
      expect(same((await readMedia(postgresStorage(async () => tx), k))!.bytes, bytes)).toBe(true);
    }));

  it("is chosen by COPYDESK_MEDIA_STORAGE; a misspelt backend is an error, not a quiet fall back to disk", () => {
    expect(configuredMediaBackend({})).toBe("local");
    expect(configuredMediaBackend({ COPYDESK_MEDIA_STORAGE: "Postgres" })).toBe("postgres");
    expect(() => configuredMediaBackend({ COPYDESK_MEDIA_STORAGE: "postgresql" })).toThrow(/not one of local, postgres, s3/);
  });
});

describe(`media migration on ${engine}`, () => {
  const pairs: [Store, Store][] = stores.flatMap((a) => stores.filter((b) => b !== a).map((b): [Store, Store] => [a, b]));

  it.each(pairs.map(([a, b]) => ({ from: a, to: b, label: `${a.name} → ${b.name}` })))("$label: copies every file, checked; a second run skips them", ({ from, to }) =>
    inRollback(async (tx) => {
      const source = from.make(tx);
      const target = to.make(tx);
      const n = await newsroom(tx);
      const items = [
        await uploadMedia({ ctx: n.ctx(n.journalist), storage: source, input: { filename: "a.png", bytes: await makeImage("png", 500, 300) } }),
        await uploadMedia({ ctx: n.ctx(n.journalist), storage: source, input: { filename: "b.jpg", bytes: await makeImage("jpeg", 1000, 700) } }),
      ];
      const rows = await tx.select().from(media);
      const keys = rows.flatMap((r) => [r.storageKey, ...r.variants.map((v) => v.key)]);
      expect(items).toHaveLength(2);

      const first = await migrateMedia({ db: tx, from: source, to: target });
      expect(first).toMatchObject({ files: keys.length, copied: keys.length, skipped: 0, missing: [], failed: [] });
      for (const k of keys) expect(same((await readMedia(target, k))!.bytes, (await readMedia(source, k))!.bytes)).toBe(true);

      // Resumed (or run again after the switch): nothing to copy, but a damaged copy is replaced.
      const damaged = keys[1];
      await target.put(damaged, random(50), "image/webp");
      const second = await migrateMedia({ db: tx, from: source, to: target });
      expect(second).toMatchObject({ copied: 1, skipped: keys.length - 1, failed: [] });
      expect(same((await readMedia(target, damaged))!.bytes, (await readMedia(source, damaged))!.bytes)).toBe(true);
    }),
  );

  it("reports a file it could not copy faithfully, and one missing in the source, and goes on", () =>
    inRollback(async (tx) => {
      const source = localStorage(path.join(root, crypto.randomUUID()));
      const inner = postgresStorage(async () => tx);
      // A target that mangles what it stores: the read-back check must notice.
      const mangling: MediaStorage = { ...inner, put: (k, bytes, type) => inner.put(k, k.endsWith("w480.webp") ? bytes.subarray(1) : bytes, type) };
      const n = await newsroom(tx);
      const item = await uploadMedia({ ctx: n.ctx(n.journalist), storage: source, input: { filename: "c.jpg", bytes: await makeImage("jpeg", 900, 600) } });
      const [row] = await tx.select().from(media).where(eq(media.id, item.id));
      await source.delete(row.variants.find((v) => v.width === 900)!.key);
      const report = await migrateMedia({ db: tx, from: source, to: mangling });
      expect(report.missing).toEqual([row.variants.find((v) => v.width === 900)!.key]);
      expect(report.failed.map((f) => f.key)).toEqual([row.variants.find((v) => v.width === 480)!.key]);
      expect(report.failed[0].reason).toMatch(/SHA-256/);
      expect(report.copied).toBe(report.files - 2); // the original, and any other library image
    }));
});
