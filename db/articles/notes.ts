import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { executor, parseInput, withTransaction, type Ctx, type VerbArgs } from "../context";
import { audit } from "../audit/record";
import { articleNotes, articles, users } from "../schema";
import { actorId } from "./load";

export const AddNoteInput = z.object({
  articleId: z.coerce.number("validation.idInvalid").int("validation.idInvalid").positive("validation.idInvalid").max(2147483647, "validation.idInvalid"),
  body: z.string("validation.noteRequired").trim().min(1, "validation.noteRequired").max(2000, "validation.noteTooLong"),
});
export type AddNoteInput = z.input<typeof AddNoteInput>;

/** A line in the article's internal thread: the whole newsroom may talk about any article. */
export async function addArticleNote({ ctx, input }: VerbArgs<AddNoteInput>) {
  const data = parseInput(AddNoteInput, input);
  return withTransaction(ctx, async (tx) => {
    assertCan(ctx.viewer, "article.note");
    const [article] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, data.articleId));
    if (!article) throw new NotFound("errors.articleNotFound");
    const [note] = await tx
      .insert(articleNotes)
      .values({ articleId: data.articleId, authorId: actorId(ctx), body: data.body })
      .returning({ id: articleNotes.id, at: articleNotes.createdAt });
    await audit(tx, ctx, { action: "article.note", target: "article", id: data.articleId, summary: { noteId: note.id } });
    return { id: note.id, at: note.at.toISOString() };
  });
}

export type ArticleNote = { id: number; author: string | null; body: string; at: string };

export async function listArticleNotes(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<ArticleNote[]> {
  const db = await executor(ctx);
  const rows = await db
    .select({ id: articleNotes.id, author: users.name, body: articleNotes.body, at: articleNotes.createdAt })
    .from(articleNotes)
    .leftJoin(users, eq(users.id, articleNotes.authorId))
    .where(eq(articleNotes.articleId, articleId))
    .orderBy(asc(articleNotes.createdAt), asc(articleNotes.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
