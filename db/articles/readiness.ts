import "server-only";
import { Invalid } from "@/lib/errors";
import type { LockedArticle } from "./load";
import { ReadyArticle } from "./schemas";

export type FieldProblems = Record<string, string[]>;

type ReadyInput = Pick<
  LockedArticle,
  "headline" | "standfirst" | "sectionId" | "language" | "body" | "seoTitle" | "seoDescription" | "leadImageId" | "leadCaption" | "leadCredit" | "leadAlt"
> & { authorIds: readonly number[] };

/**
 * What still keeps a draft from going to the editors or readers (headline, section, an image's
 * credit and alt, lengths…), as message keys per field; empty when nothing does. Drafts are
 * stored however incomplete they are; only submit, schedule and publish ask this.
 */
export function readinessProblems(article: ReadyInput): FieldProblems {
  const result = ReadyArticle.safeParse({ ...article, authorIds: [...article.authorIds], slug: undefined });
  const problems: FieldProblems = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.length ? String(issue.path[0]) : "form";
      const message = /^(validation|errors)\.[A-Za-z.]+$/.test(issue.message) ? issue.message : "validation.invalidValue";
      if (!problems[key]?.includes(message)) (problems[key] ??= []).push(message);
    }
  }
  return problems;
}

/** Refuses a workflow step for an article that is not complete yet, naming each field. */
export function assertReady(article: ReadyInput): void {
  const problems = readinessProblems(article);
  if (Object.keys(problems).length) throw new Invalid(problems);
}
