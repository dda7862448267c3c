export type RouteKind = "desk" | "api" | "asset" | "media" | "short-link" | "per-request" | "reader";
export const ROUTE_KINDS: ReadonlyMap<string, RouteKind>;
export function isArticlePath(pathname: string): boolean;
export function articleAddress(pathname: string): { article: string; rest: string } | null;
export function isLivePoll(url: string): boolean;
export function frontCacheKeyOf(url: string): string;
export function neverCached(url: string): boolean;
export function articleMatchers(): string[];
