import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { inspectImage } from "./inspect";
import { isMediaKey, localStorage, newMediaPrefix, readMedia } from "./storage";
import { makeImage, pngClaiming, SVG_WITH_SCRIPT, type Format } from "./test-images";
import { mediaUrl, pickSrc, renditionFromSrcset, srcsetFor } from "./urls";
import { makeVariants, variantWidths } from "./variants";

async function refusal(promise: Promise<unknown>): Promise<Invalid> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return error as Invalid;
}

describe("inspectImage and makeVariants", () => {
  const cases: [Format, string][] = [
    ["jpeg", "image/jpeg"],
    ["png", "image/png"],
    ["webp", "image/webp"],
    ["avif", "image/avif"],
    ["gif", "image/gif"],
  ];
  for (const [format, mime] of cases) {
    it(`accepts ${format} by its bytes and makes WebP variants of 480/960/1200/1600 (never wider than the original)`, async () => {
      const bytes = await makeImage(format, 2000, 1000);
      const image = await inspectImage(bytes);
      expect(image).toMatchObject({ mimeType: mime, width: 2000, height: 1000, pages: 1 });
      const variants = await makeVariants(bytes, image);
      expect(variants.map((v) => [v.width, v.height])).toEqual([
        [480, 240],
        [960, 480],
        [1200, 600],
        [1600, 800],
      ]);
      for (const v of variants) expect((await sharp(v.bytes).metadata()).format).toBe("webp");
    });
  }

  it("never enlarges: a 700-pixel image gets 480 and 700, a 300-pixel one just 300", async () => {
    expect(variantWidths(700)).toEqual([480, 700]);
    expect(variantWidths(300)).toEqual([300]);
    const small = await makeImage("png", 300, 200);
    const variants = await makeVariants(small, await inspectImage(small));
    expect(variants.map((v) => v.width)).toEqual([300]);
  });

  it("turns the picture by its EXIF orientation and strips metadata from the variants", async () => {
    // Stored 600×400 with orientation 6 ("rotate 90° clockwise to display"): shown 400×600.
    const bytes = await makeImage("jpeg", 600, 400, (s) =>
      s.withMetadata({ orientation: 6 }).withExif({ IFD0: { Copyright: "Secret Source", Artist: "Ann Onymous" } }),
    );
    expect((await sharp(bytes).metadata()).orientation).toBe(6);
    const image = await inspectImage(bytes);
    expect([image.width, image.height]).toEqual([400, 600]);
    const [variant] = await makeVariants(bytes, image);
    const meta = await sharp(variant.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([400, 600]);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(variant.bytes).includes("Secret Source")).toBe(false);
  });

  it("refuses an SVG (here one carrying a script), even named .jpg", async () => {
    expect((await refusal(inspectImage(SVG_WITH_SCRIPT))).message).toBe("validation.mediaSvg");
    const bare = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    expect((await refusal(inspectImage(bare))).message).toBe("validation.mediaSvg");
  });

  it("refuses a text file renamed .jpg, saying it is text", async () => {
    const error = await refusal(inspectImage(Buffer.from("Dear editor,\nplease find my photos attached. Grüße!\n")));
    expect(error.message).toBe("validation.mediaNotImage");
    expect(error.params).toEqual({ kind: "validation.mediaKind.text" });
  });

  it("refuses other things by what they are: HTML, PDF, random bytes, a TIFF", async () => {
    expect((await refusal(inspectImage(Buffer.from("<!DOCTYPE html><html><script>x()</script></html>")))).params).toEqual({ kind: "validation.mediaKind.html" });
    expect((await refusal(inspectImage(Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")))).params).toEqual({ kind: "validation.mediaKind.pdf" });
    expect((await refusal(inspectImage(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x00, 0x00])))).params).toEqual({ kind: "validation.mediaKind.unknown" });
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#ccc" } }).tiff().toBuffer();
    const error = await refusal(inspectImage(tiff));
    expect([error.message, error.params]).toEqual(["validation.mediaFormat", { format: "TIF" }]);
  });

  it("refuses an empty file and one over the size limit (COPYDESK_MEDIA_MAX_MB)", async () => {
    expect((await refusal(inspectImage(new Uint8Array()))).message).toBe("validation.mediaEmpty");
    const bytes = await makeImage("png", 64, 64);
    const limited = await refusal(inspectImage(bytes, { maxBytes: bytes.length - 1 }));
    expect(limited.message).toBe("validation.mediaTooLarge");
    const before = process.env.COPYDESK_MEDIA_MAX_MB;
    process.env.COPYDESK_MEDIA_MAX_MB = "0.001"; // about 1 KB
    try {
      const error = await refusal(inspectImage(bytes));
      expect([error.message, error.params]).toEqual(["validation.mediaTooLarge", { max: "0.001" }]);
      process.env.COPYDESK_MEDIA_MAX_MB = "1";
      await expect(inspectImage(bytes)).resolves.toMatchObject({ width: 64 });
      const big = Buffer.concat([bytes, Buffer.alloc(1024 * 1024)]);
      expect((await refusal(inspectImage(big))).params).toEqual({ max: "1" });
    } finally {
      if (before === undefined) delete process.env.COPYDESK_MEDIA_MAX_MB;
      else process.env.COPYDESK_MEDIA_MAX_MB = before;
    }
  });

  it("refuses a tiny PNG that claims 100,000 × 100,000 pixels, quickly and without decoding it", async () => {
    const bomb = pngClaiming(100_000, 100_000);
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const error = await refusal(inspectImage(bomb));
    expect([error.message, error.params]).toEqual(["validation.mediaTooManyPixels", { max: 60 }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a real large image under a low pixel limit, and sharp's own limit stops a decode past it", async () => {
    const solid = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#336699" } }).png().toBuffer();
    expect(solid.length).toBeLessThan(200_000); // 12 MP that compress to almost nothing
    expect((await refusal(inspectImage(solid, { maxPixels: 5_000_000 }))).message).toBe("validation.mediaTooManyPixels");
    // The backstop: even if a header check were skipped, the decode refuses.
    const image = await inspectImage(solid);
    // sharp's "exceeds pixel limit" comes back as the same refusal the header check gives.
    await expect(makeVariants(solid, { ...image, maxPixels: 1_000_000 })).rejects.toMatchObject({ message: "validation.mediaTooManyPixels", params: { max: 1 } });
  });
});

describe("urls", () => {
  const variants = [
    { key: "2026/11/0b7a2c1e-1111-4222-8333-444455556666/w960.webp", width: 960, height: 640, format: "webp" as const, bytes: 1 },
    { key: "2026/11/0b7a2c1e-1111-4222-8333-444455556666/w480.webp", width: 480, height: 320, format: "webp" as const, bytes: 1 },
  ];
  it("builds public paths, a srcset narrowest first, and picks the narrowest rendition wide enough", () => {
    expect(mediaUrl("2026/11/x/w480.webp")).toBe("/media/2026/11/x/w480.webp");
    expect(srcsetFor(variants)).toBe(
      "/media/2026/11/0b7a2c1e-1111-4222-8333-444455556666/w480.webp 480w, /media/2026/11/0b7a2c1e-1111-4222-8333-444455556666/w960.webp 960w",
    );
    expect(pickSrc(variants, 400)).toMatch(/w480\.webp$/);
    expect(pickSrc(variants, 700)).toMatch(/w960\.webp$/);
    expect(pickSrc(variants, 5000)).toMatch(/w960\.webp$/);
    expect(pickSrc([], 5000)).toBe("");
  });
});

describe("local storage", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-media-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("puts, gets (with the content type from the key) and deletes; missing is null", async () => {
    const store = localStorage(root);
    const key = `${newMediaPrefix(new Date("2026-11-05T10:00:00Z"))}/w480.webp`;
    expect(key).toMatch(/^2026\/11\/[0-9a-f-]{36}\/w480\.webp$/);
    await store.put(key, Buffer.from("RIFF"), "image/webp");
    expect(await readMedia(store, key)).toEqual({ bytes: new Uint8Array(Buffer.from("RIFF")), contentType: "image/webp" });
    expect(fs.readdirSync(path.join(root, path.dirname(key)))).toEqual(["w480.webp"]); // no leftovers
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // twice is fine
  });

  it("accepts only server-made keys: no traversal, no other names or types", async () => {
    const store = localStorage(root);
    fs.writeFileSync(path.join(root, "secret.txt"), "secret");
    for (const bad of ["../secret.txt", "secret.txt", "2026/11/../../secret.txt", "2026/11/x/w480.webp", "/etc/passwd", "2026/11/0b7a2c1e-1111-4222-8333-444455556666/w480.html", "2026/11/0b7a2c1e-1111-4222-8333-444455556666/../w480.webp"]) {
      expect(isMediaKey(bad)).toBe(false);
      expect(await store.get(bad)).toBeNull();
      await expect(store.put(bad, Buffer.from("x"), "image/webp")).rejects.toThrow();
    }
    const key = `${newMediaPrefix()}/original.jpg`;
    await expect(store.put(key, Buffer.from("x"), "text/html")).rejects.toThrow(/content type/);
  });
});

describe("Open Graph rendition", () => {
  it("takes the 1200-pixel rendition from a srcset, else the narrowest wider one, else the widest", () => {
    expect(renditionFromSrcset("/m/w480.webp 480w, /m/w1200.webp 1200w, /m/w1600.webp 1600w", 1200)).toEqual({ url: "/m/w1200.webp", width: 1200 });
    expect(renditionFromSrcset("/m/w480.webp 480w, /m/w960.webp 960w, /m/w1600.webp 1600w", 1200)).toEqual({ url: "/m/w1600.webp", width: 1600 });
    expect(renditionFromSrcset("/m/w700.webp 700w", 1200)).toEqual({ url: "/m/w700.webp", width: 700 });
    expect(renditionFromSrcset("", 1200)).toBeNull();
  });
});
