export type PageCacheEntry = { value: unknown; lastModified: number; tags: string[]; size: number; cacheControl?: unknown };
export type PageCacheStore = { entries: Map<string, PageCacheEntry>; expiredAt: Map<string, number>; bytes: number; epoch: number; forgottenAt: number };
export const REMEMBER_EXPIRY_MS: number;
export function forgetOldExpiries(s: PageCacheStore, now: number): void;
export function store(): PageCacheStore;
export function expireTags(tags: string | Iterable<string>): void;
export function onExpire(listener: (tags: string[]) => void): () => void;
export function reachability(): { reachable: boolean };
