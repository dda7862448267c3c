import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, getHandle } from "./client";

// These open the embedded engine on purpose, whatever DATABASE_URL says.
describe("embedded database guards", () => {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.COPYDESK_DATA_DIR, phase: process.env.NEXT_PHASE };
  let dir = "";

  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = saved.url ?? "";
    process.env.COPYDESK_DATA_DIR = saved.dir ?? "";
    if (saved.phase === undefined) delete process.env.NEXT_PHASE;
    else process.env.NEXT_PHASE = saved.phase;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function useTempDataDir() {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-client-"));
    process.env.DATABASE_URL = "";
    process.env.COPYDESK_DATA_DIR = dir;
    return dir;
  }

  it("refuses to open a data folder another live process holds, saying what to do", async () => {
    const data = useTempDataDir();
    fs.writeFileSync(path.join(data, "pglite.pid"), String(process.ppid)); // our parent: alive, not us
    await expect(getHandle()).rejects.toThrow(/in use by another process \(pid \d+\)\. Stop the Copydesk server/);
  });

  it("takes over a lock left behind by a process that died, and migrates a fresh folder", async () => {
    const data = useTempDataDir();
    fs.writeFileSync(path.join(data, "pglite.pid"), "2147483646"); // no such process
    const handle = await getHandle();
    expect(handle.engine).toBe("pglite");
    expect(fs.readFileSync(path.join(data, "pglite.pid"), "utf8")).toBe(String(process.pid));
    await closeDb();
    expect(fs.existsSync(path.join(data, "pglite.pid"))).toBe(false);
  });

  it("never opens the database during `next build`", () => {
    useTempDataDir();
    process.env.NEXT_PHASE = "phase-production-build";
    expect(() => getHandle()).toThrow(/during `next build`/);
  });
});
