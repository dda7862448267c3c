// Applies pending migrations (also done automatically when the app opens the database).
import { closeDb, getHandle } from "@/db/client";
import { loadDotEnv } from "./env";

loadDotEnv();
const handle = await getHandle();
console.log(`Migrations applied (${handle.engine}).`);
await closeDb();
