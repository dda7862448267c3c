export type PageCacheEntry = { value: unknown; lastModified: number; tags: string[]; size: number; cacheControl?: unknown };
import type { LRUCache } from "lru-cache";

export type PageCacheStore = { entries: LRUCache<string, PageCacheEntry>; expiredAt: Map<string, number>; epoch: number; forgottenAt: number };
export const MAX_PAGE_CACHE_BYTES: number;
export const REMEMBER_EXPIRY_MS: number;
export function forgetOldExpiries(s: PageCacheStore, now: number): void;
export function store(): PageCacheStore;
export function expireTags(tags: string | Iterable<string>): void;
export function onExpire(listener: (tags: string[]) => void): () => void;
export function reachability(): { reachable: boolean };
