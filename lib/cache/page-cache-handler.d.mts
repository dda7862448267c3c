// Types for Next's cache handler (plain JavaScript, loaded by Next as it is).
export default class PageCacheHandler {
  get(key: string, ctx?: { softTags?: string[] }): Promise<{ value: unknown; lastModified: number; cacheControl?: unknown } | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
