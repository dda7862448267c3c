import "server-only";
import { asc } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { sections } from "../schema";

export async function listSections(ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.name));
}
