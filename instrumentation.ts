// Runs once when a Copydesk server starts: keeps this instance's page cache in step with the
// database (other instances' changes, scheduled articles falling due). See db/reader-cache.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startReaderCacheSync } = await import("./db/reader-cache");
  startReaderCacheSync();
}
