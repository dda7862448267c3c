// EXPLAIN (ANALYZE, BUFFERS) of the catalog's queries (db/query-catalog.ts) on the archive a
// PostgreSQL bench run seeded, for looking into a slow one:
//
//   DATABASE_URL=postgres://…/copydesk_bench npx tsx --conditions=react-server scripts/bench/explain.ts [label words…]
//
// Reads the run's note (data/bench/seed-postgres-<database>.json) for what to ask about.
import fs from "node:fs";
import path from "node:path";
import { explainQueryCatalog } from "./queries";
import type { SeedInfo } from "./seed";

const url = process.env.DATABASE_URL?.trim();
if (!url) throw new Error("DATABASE_URL: the bench's PostgreSQL database");
const note = path.resolve("data/bench", `seed-postgres-${new URL(url).pathname.slice(1) || "default"}.json`);
const info = JSON.parse(fs.readFileSync(note, "utf8")) as SeedInfo;
const only = process.argv.slice(2);
console.log(await explainQueryCatalog(url, info, only.length ? only : undefined));
