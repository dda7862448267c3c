export const MASTODON_HOSTS: readonly string[];
export const EMBED_FRAME_ORIGINS: readonly string[];
export function embedFrameOrigin(src: unknown): string | null;
