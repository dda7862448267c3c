// The article page's weight, measured and printed, never asserted (speed and size are measured,
// not asserted): HTML bytes (raw, as sent, gzip), and the JavaScript the browser fetched, raw
// and gzip, split into Next/React's runtime, framework client modules and our own components.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { expect, test, type Response } from "@playwright/test";

const ARTICLE = "/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden";
const distDir = process.env.COPYDESK_DIST_DIR || ".next";

const gzip = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 6 }).length; // nginx's and Node's usual level
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);

/**
 * Which client modules each chunk carries, from the build's client reference manifests (Turbopack's
 * chunk names are hashes). The runtime chunks every page loads are in build-manifest.json.
 */
function chunkContents(): { runtime: Set<string>; modules: Map<string, Set<string>> } {
  const runtime = new Set<string>();
  const modules = new Map<string, Set<string>>();
  try {
    const build = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
    for (const f of [...build.rootMainFiles, ...build.polyfillFiles]) runtime.add(`/_next/${f}`);
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "page_client-reference-manifest.js" ? [path.join(dir, e.name)] : []));
    for (const file of walk(path.join(distDir, "server", "app"))) {
      const text = fs.readFileSync(file, "utf8");
      const json = JSON.parse(text.slice(text.indexOf("] = ") + 4).replace(/;\s*$/, ""));
      for (const [name, entry] of Object.entries(json.clientModules as Record<string, { chunks: string[] }>)) {
        for (const chunk of entry.chunks) (modules.get(chunk) ?? modules.set(chunk, new Set()).get(chunk)!).add(name);
      }
    }
  } catch (error) {
    console.log(`(no build manifests in ${distDir}: chunks are not classified — ${(error as Error).message})`);
  }
  return { runtime, modules };
}

function kind(url: string, contents: ReturnType<typeof chunkContents>): string {
  const pathname = new URL(url).pathname;
  if (!pathname.startsWith("/_next/")) return "other";
  if (contents.runtime.has(pathname)) return "framework runtime";
  const names = [...(contents.modules.get(pathname) ?? [])];
  if (names.some((n) => n.startsWith("[project]/") && !n.startsWith("[project]/node_modules/"))) return "ours (components)";
  if (names.some((n) => /node_modules\/(next|react|react-dom)\//.test(n))) return "framework client modules";
  return names.length ? "libraries" : "unclassified";
}

test("the article page's HTML and JavaScript weight (printed, not asserted)", async ({ page }) => {
  const scripts: Response[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r);
  });
  const response = await page.goto(ARTICLE, { waitUntil: "load" });
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const html = await response!.body();
  const htmlSent = (await response!.request().sizes()).responseBodySize;
  // The RSC payload Next inlines for hydration (self.__next_f.push): part of the HTML bytes.
  const flight = (html.toString("utf8").match(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g) ?? []).join("");
  const contents = chunkContents();

  const rows = await Promise.all(
    scripts.map(async (r) => {
      const body = await r.body();
      return { url: new URL(r.url()).pathname, kind: kind(r.url(), contents), raw: body.length, sent: (await r.request().sizes()).responseBodySize, gzip: gzip(body) };
    }),
  );
  const lines = [
    `Page weight of ${ARTICLE}`,
    `  HTML              raw ${kb(html.length)}   sent ${kb(htmlSent)} (${response!.headers()["content-encoding"] ?? "identity"})   gzip ${kb(gzip(html))}`,
    `    of which inline RSC payload  raw ${kb(Buffer.byteLength(flight))}   gzip ${kb(gzip(Buffer.from(flight)))}`,
    `  JavaScript, ${rows.length} files:`,
    ...rows.map((r) => `    ${r.url.padEnd(48)} ${r.kind.padEnd(26)} raw ${kb(r.raw)}   sent ${kb(r.sent)}   gzip ${kb(r.gzip)}`),
  ];
  const totals = new Map<string, { raw: number; sent: number; gzip: number; files: number }>();
  for (const r of rows) {
    const t = totals.get(r.kind) ?? { raw: 0, sent: 0, gzip: 0, files: 0 };
    totals.set(r.kind, { raw: t.raw + r.raw, sent: t.sent + r.sent, gzip: t.gzip + r.gzip, files: t.files + 1 });
  }
  const all = rows.reduce((s, r) => ({ raw: s.raw + r.raw, sent: s.sent + r.sent, gzip: s.gzip + r.gzip }), { raw: 0, sent: 0, gzip: 0 });
  for (const [k, t] of totals) lines.push(`  JS ${k.padEnd(26)} ${String(t.files).padStart(2)} files   raw ${kb(t.raw)}   sent ${kb(t.sent)}   gzip ${kb(t.gzip)}`);
  lines.push(`  JS total                       ${String(rows.length).padStart(2)} files   raw ${kb(all.raw)}   sent ${kb(all.sent)}   gzip ${kb(all.gzip)}`);
  const report = lines.join("\n");
  console.log(report);
  await test.info().attach("page-weight.txt", { body: report, contentType: "text/plain" });
});
