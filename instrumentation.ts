// Runs once when a Copydesk server starts: keeps this instance's page cache in step with the
// database (other instances' changes, scheduled articles falling due; see db/reader-cache.ts)
// and starts the co-editing server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startReaderCacheSync } = await import("./db/reader-cache");
  startReaderCacheSync();
  // Co-editing (WebSocket upgrades on /api/collab are handed to it by scripts/serve.mjs and
  // scripts/dev-server.mjs through a globalThis symbol; see db/articles/collab-server.ts).
  const { startCollabServer } = await import("./db/articles/collab-server");
  startCollabServer();
}
