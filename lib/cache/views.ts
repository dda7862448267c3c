import "server-only";
// The view count on an article page. Views change all the time, so they are not part of the
// article's tag-expired data (lib/cache/reader.ts): the count is kept for a minute, and that
// `revalidate` makes the cached article page render again at most once a minute while it is
// read (readers are always served the cached page; the number lags by up to a minute or two).
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { readViewCount } from "@/db/views/record";

export const VIEW_COUNT_SECONDS = 60;

export const cachedViewCount = cache((articleId: number) =>
  unstable_cache(() => readViewCount(articleId), ["views", String(articleId)], { revalidate: VIEW_COUNT_SECONDS })(),
);
