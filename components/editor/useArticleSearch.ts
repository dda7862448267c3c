"use client";
import { useEffect, useState } from "react";
import { findArticlesAction } from "@/app/(desk)/desk/actions";
/** What the pickers show of a live article (the shape findArticlesAction returns). */
type LinkableArticle = { id: number; headline: string; sectionName: string; href: string; publishedAt: string };

/** Live articles whose headline matches what is typed (debounced); empty while nothing is typed. */
export function useArticleSearch(query: string): LinkableArticle[] {
  const [found, setFound] = useState<LinkableArticle[]>([]);
  useEffect(() => {
    if (!query.trim()) return;
    const timer = setTimeout(async () => {
      const result = await findArticlesAction(query);
      if (result.ok) setFound(result.data.items);
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);
  return query.trim() ? found : [];
}
