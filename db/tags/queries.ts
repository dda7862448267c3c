import "server-only";
import { eq } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { tags } from "../schema";

export async function getTagBySlug(slug: string, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const [row] = await db.select({ name: tags.name, slug: tags.slug }).from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}
