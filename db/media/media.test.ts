import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { localStorage, readMedia, type MediaStorage } from "@/lib/media/storage";
import { makeImage, SVG_WITH_SCRIPT } from "@/lib/media/test-images";
import { engine, inRollback, newsroom } from "../testing";
import { media } from "../schema";
import { getMedia, listMedia } from "./queries";
import { updateMediaDefaults } from "./update";
import { uploadMedia } from "./upload";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-media-db-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every file under the test store, relative to it. */
function storedFiles(): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();
}

describe(`media library on ${engine}`, () => {
  const storage = localStorage(root);

  it("uploads a JPEG: files first, then the row with its variants; the item links to them", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const bytes = await makeImage("jpeg", 1200, 800);
      const item = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "C:\\fakepath\\Hafen am Abend.jpg", bytes, caption: " Der Hafen ", credit: "dpa" } });
      expect(item).toMatchObject({ width: 1200, height: 800, filename: "Hafen am Abend.jpg", caption: "Der Hafen", credit: "dpa", alt: "", uploadedById: n.journalist.id });
      expect(item.src).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f-]{36}\/w960\.webp$/);
      expect(item.srcset.split(", ").map((s) => s.split(" ")[1])).toEqual(["480w", "960w", "1200w"]);
      const [row] = await tx.select().from(media).where(eq(media.id, item.id));
      expect(row.mimeType).toBe("image/jpeg");
      expect(row.bytes).toBe(bytes.length);
      expect(row.storageKey).toMatch(/\/original\.jpg$/);
      for (const key of [row.storageKey, ...row.variants.map((v) => v.key)]) expect(await storage.get(key)).not.toBeNull();
      expect(Buffer.from((await readMedia(storage, row.storageKey))!.bytes).equals(bytes)).toBe(true);
    }));

  it("refuses what is not an accepted image, and stores nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const before = storedFiles();
      const svg = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "logo.svg", bytes: SVG_WITH_SCRIPT } }).catch((e) => e);
      expect([svg.constructor, svg.message]).toEqual([Invalid, "validation.mediaSvg"]);
      const text = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "photo.jpg", bytes: Buffer.from("just some words\n") } }).catch((e) => e);
      expect([text.constructor, text.message]).toEqual([Invalid, "validation.mediaNotImage"]);
      expect(await tx.select().from(media)).toHaveLength(0);
      expect(storedFiles()).toEqual(before);
    }));

  it("refuses an anonymous upload before looking at the file", () =>
    inRollback(async (tx) => {
      const error = await uploadMedia({ ctx: { viewer: null, tx }, storage, input: { filename: "a.png", bytes: await makeImage("png", 10, 10) } }).catch((e) => e);
      expect(error).toBeInstanceOf(Forbidden);
    }));

  it("removes the files again when the row cannot be written", () =>
    inRollback(async (tx) => {
      await newsroom(tx);
      const before = storedFiles();
      const puts: string[] = [];
      const watching: MediaStorage = { ...storage, put: (key, bytes, type) => (puts.push(key), storage.put(key, bytes, type)) };
      // A viewer id that is no user: the foreign key refuses the row after the files are written.
      const ghost = { id: 2_000_000_000, role: "journalist" as const, name: "Ghost" };
      const error = await tx
        .transaction(async (inner) => uploadMedia({ ctx: { viewer: ghost, tx: inner as never }, storage: watching, input: { filename: "a.png", bytes: await makeImage("png", 600, 400) } }))
        .catch((e) => e);
      expect(error).toBeInstanceOf(Error);
      expect(puts).toHaveLength(3); // the original and two variants were written …
      expect(storedFiles()).toEqual(before); // … and are gone again
    }));

  it("finds images by caption, credit or filename, case-insensitively, newest first, a page at a time", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const ctx = n.ctx(n.journalist);
      const png = await makeImage("png", 40, 30);
      const harbour = await uploadMedia({ ctx, storage, input: { filename: "IMG_0001.png", bytes: png, caption: `Fähre im Hafen ${n.tag}`, credit: "Foto: Ann Weber" } });
      const council = await uploadMedia({ ctx, storage, input: { filename: `Rathaus-${n.tag}.png`, bytes: png, caption: "Sitzung", credit: "dpa" } });
      await uploadMedia({ ctx, storage, input: { filename: "100%_real.png", bytes: png } });
      const ids = async (q: string) => (await listMedia({ q }, { tx })).items.map((i) => i.id);
      expect(await ids(`FÄHRE IM HAFEN ${n.tag}`)).toEqual([harbour.id]);
      expect(await ids("ann weber")).toEqual([harbour.id]);
      expect(await ids(`rathaus-${n.tag}`)).toEqual([council.id]);
      expect(await ids(`hafen ${n.tag.toUpperCase()} weber`)).toEqual([harbour.id]); // every word, any field
      expect((await ids("100%")).length).toBe(1); // % is meant literally
      expect(await ids("%")).toHaveLength(1);
      expect(await ids(`nichts-${n.tag}`)).toEqual([]);
      const all = await listMedia({}, { tx });
      expect(all.items.slice(0, 3).map((i) => i.filename)).toEqual(["100%_real.png", `Rathaus-${n.tag}.png`, "IMG_0001.png"]);
      expect(all).toMatchObject({ page: 1, pages: 1, total: 3, q: "" });
      expect((await listMedia({ page: "99" }, { tx })).page).toBe(1); // past the end: the last page
      expect(await getMedia(harbour.id, { tx })).toMatchObject({ caption: `Fähre im Hafen ${n.tag}` });
      expect(await getMedia(0, { tx })).toBeNull();
    }));

  it("pages by 24", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const bytes = await makeImage("png", 16, 16);
      for (let i = 0; i < 25; i++) await uploadMedia({ ctx: n.ctx(n.editor), storage, input: { filename: `p${i}.png`, bytes } });
      const second = await listMedia({ page: 2 }, { tx });
      expect(second).toMatchObject({ page: 2, pages: 2, total: 25 });
      expect(second.items.map((i) => i.filename)).toEqual(["p0.png"]);
    }));

  it("lets the uploader and editors change the defaults; another journalist is refused", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const item = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "a.png", bytes: await makeImage("png", 20, 20) } });
      const own = await updateMediaDefaults({ ctx: n.ctx(n.journalist), input: { id: item.id, caption: "Eigene", credit: "Lena", alt: "Ein Hafen" } });
      expect(own).toMatchObject({ caption: "Eigene", credit: "Lena", alt: "Ein Hafen" });

      const refused = await updateMediaDefaults({ ctx: n.ctx(n.otherJournalist), input: { id: item.id, caption: "Fremd" } }).catch((e) => e);
      expect(refused).toBeInstanceOf(Forbidden);
      expect(refused.message).toBe("errors.mediaEditOwnOnly");
      expect((await getMedia(item.id, { tx }))?.caption).toBe("Eigene");

      for (const viewer of [n.editor, n.admin]) {
        const edited = await updateMediaDefaults({ ctx: n.ctx(viewer), input: { id: item.id, caption: `von ${viewer.role}`, credit: "dpa", alt: "Hafen" } });
        expect(edited.caption).toBe(`von ${viewer.role}`);
      }
      const anonymous = await updateMediaDefaults({ ctx: { viewer: null, tx }, input: { id: item.id } }).catch((e) => e);
      expect(anonymous).toBeInstanceOf(Forbidden);
      const missing = await updateMediaDefaults({ ctx: n.ctx(n.editor), input: { id: 99_999_999 } }).catch((e) => e);
      expect(missing).toBeInstanceOf(NotFound);
      const tooLong = await updateMediaDefaults({ ctx: n.ctx(n.editor), input: { id: item.id, credit: "x".repeat(201) } }).catch((e) => e);
      expect((tooLong as Invalid).fieldErrors).toEqual({ credit: ["validation.creditTooLong"] });
    }));
});
