// Hostile uploads through the upload verb, beyond lib/media/media.test.ts (which covers SVG with
// a script, text/HTML/PDF/TIFF, empty, oversize and a 100,000² PNG at the inspection level):
// polyglots, truncated and header-only images, extensions that lie, bombs in every accepted
// format. Each is refused with a message that says why (an Invalid with a message key, never a
// crash), writes no file and no row — or, if it is a real picture carrying a script, only
// re-encoded WebP variants reach readers, without the script.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { localStorage, readMedia } from "@/lib/media/storage";
import { makeImage, pngClaiming, SVG_WITH_SCRIPT } from "@/lib/media/test-images";
import { GET as serveMedia } from "@/app/media/[...key]/route";
import { media } from "../schema";
import { engine, inRollback, newsroom } from "../testing";
import { uploadMedia } from "../media/upload";

// The media route reads from $COPYDESK_DATA_DIR/media: point it at a throw-away folder.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-uploads-"));
const root = path.join(dataDir, "media");
fs.mkdirSync(root);
const previousDataDir = process.env.COPYDESK_DATA_DIR;
process.env.COPYDESK_DATA_DIR = dataDir;
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.COPYDESK_DATA_DIR;
  else process.env.COPYDESK_DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const get = (key: string) => serveMedia(new Request("http://localhost/media"), { params: Promise.resolve({ key: key.split("/") }) });
const storedFiles = () => (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort();

const SCRIPT = "<script>alert(document.domain)</script>";
const html = Buffer.from(`<html><body>${SCRIPT}</body></html>`);

// A GIF header whose width bytes open a JavaScript comment, closed after the header and followed by a call: the classic GIF/JS polyglot.
function gifJsPolyglot(): Buffer {
  const header = Buffer.from("GIF89a/*", "latin1"); // width 0x2a2f, then height
  const rest = Buffer.from([0x0a, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00]);
  return Buffer.concat([header, rest, Buffer.from("*/=alert(1)//;", "latin1")]);
}

/** JPEG start-of-image and a JFIF header, then an HTML page: "image" to a sniffer, a page to a browser. */
function jpegHeaderThenHtml(): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, html]);
}

/** A GIF / WebP whose header claims huge dimensions, with next to no pixel data. */
function gifClaiming(width: number, height: number): Buffer {
  const b = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x2c, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]);
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  b.writeUInt16LE(width, 18);
  b.writeUInt16LE(height, 20);
  return b;
}

describe(`hostile uploads on ${engine}`, () => {
  const storage = localStorage(root);

  it("refuses polyglots, lies and bombs with a reason, writing no file and no row", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      // Big enough that a cut at 90% leaves the header whole: only decoding finds the damage.
      const [jpeg, png, webp, avif] = await Promise.all((["jpeg", "png", "webp", "avif"] as const).map((f) => makeImage(f, 200, 150)));
      const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.9));
      const svgNoProlog = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="4" height="4"/></svg>`);
      const cases: [string, string, Uint8Array, string][] = [
        ["svg with script", "logo.svg", SVG_WITH_SCRIPT, "validation.mediaSvg"],
        ["svg named .png, no prolog, handler", "photo.png", svgNoProlog, "validation.mediaSvg"],
        ["svg behind a comment and BOM", "photo.jpg", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<!-- hi -->\n"), svgNoProlog]), "validation.mediaSvg"],
        ["html named .jpg", "photo.jpg", html, "validation.mediaNotImage"],
        ["jpeg header, then html", "photo.jpg", jpegHeaderThenHtml(), "validation.mediaUnreadable"],
        ["gif/javascript polyglot", "photo.gif", gifJsPolyglot(), "validation.mediaUnreadable"],
        ["truncated jpeg", "photo.jpg", cut(jpeg), "validation.mediaUnreadable"],
        ["truncated png", "photo.png", cut(png), "validation.mediaUnreadable"],
        ["truncated webp", "photo.webp", cut(webp), "validation.mediaUnreadable"],
        ["truncated avif", "photo.avif", cut(avif), "validation.mediaUnreadable"],
        ["png cut inside its header", "photo.png", png.subarray(0, 40), "validation.mediaUnreadable"],
        ["png bomb 50,000 × 50,000", "bomb.png", pngClaiming(50_000, 50_000), "validation.mediaTooManyPixels"],
        ["gif bomb 65,535 × 65,535", "bomb.gif", gifClaiming(65_535, 65_535), "validation.mediaTooManyPixels"],
        ["oversize", "big.png", Buffer.concat([png, Buffer.alloc(21 * 1024 * 1024)]), "validation.mediaTooLarge"],
        ["zip named .png", "photo.png", Buffer.from("504b0304140000000800", "hex"), "validation.mediaNotImage"],
        ["windows executable named .jpg", "photo.jpg", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64), Buffer.from("This program cannot be run in DOS mode")]), "validation.mediaNotImage"],
      ];
      const before = storedFiles();
      const wrong: string[] = [];
      for (const [name, filename, bytes, expected] of cases) {
        const error = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename, bytes } }).then(() => null, (e: unknown) => e);
        if (!(error instanceof Invalid) || error.message !== expected) wrong.push(`${name}: ${error instanceof Invalid ? error.message : String(error)}`);
      }
      expect(wrong).toEqual([]);
      expect(await tx.select().from(media)).toHaveLength(0);
      expect(storedFiles()).toEqual(before);
    }));

  it("takes a real picture carrying a script (in a comment, after its end, under a lying name) only as re-encoded WebP", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const photo = await makeImage("jpeg", 640, 480, (s) => s.withMetadata({ exif: { IFD0: { ImageDescription: SCRIPT } } }));
      // Script bytes after the end-of-image marker, where a lenient decoder stops reading.
      const polyglot = Buffer.concat([photo, html]);
      const item = await uploadMedia({ ctx: n.ctx(n.journalist), storage, input: { filename: "photo.html", bytes: polyglot, alt: "Hafen" } });
      const [row] = await tx.select().from(media);
      // The bytes decided: a JPEG, stored under .jpg — the name "photo.html" is only shown.
      expect(row.mimeType).toBe("image/jpeg");
      expect(row.storageKey).toMatch(/\/original\.jpg$/);
      expect(item.src).toMatch(/\/w\d+\.webp$/);
      for (const v of row.variants) {
        const bytes = Buffer.from((await readMedia(storage, v.key))!.bytes);
        expect((await sharp(bytes).metadata()).format).toBe("webp");
        expect(bytes.includes("<script")).toBe(false);
      }
      // Readers get the variants only, with nosniff; the original (script and all) is not served.
      expect((await readMedia(storage, row.storageKey))?.bytes.byteLength).toBe(polyglot.length);
      expect((await get(row.storageKey)).status).toBe(404);
      const variant = await get(row.variants[0].key);
      expect(variant.status).toBe(200);
      expect(variant.headers.get("content-type")).toBe("image/webp");
      expect(variant.headers.get("x-content-type-options")).toBe("nosniff");
    }));
});
