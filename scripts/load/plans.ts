// What the load test's desk people start from: their plan (who, which draft, its language), the
// draft's text, and how the database's copy of a body is compared with what was typed.
import type { JSONContent } from "@tiptap/core";
import { parseBody } from "@/lib/content/body";
import { articleBody, rng } from "../bench/content";

export type EditorPlan = { email: string; password: string; articleId: number; language: "de" | "en" };

/** A draft of ~`words` words, the text every editor starts from. */
export function draftBody(seed: number, language: "de" | "en", words = 400): JSONContent {
  return articleBody(rng(seed), language, words);
}

/** The body as the server stores it: validated and normalized by the same TipTap schema. */
export function storedForm(body: JSONContent): JSONContent {
  return parseBody(body).toJSON() as JSONContent;
}

/** Deep equality regardless of key order (jsonb stores keys in its own order). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
