// The origins an embed may frame, one place for the body sanitizer (lib/content/body.ts), the
// URL recogniser (lib/content/embeds.ts) and the production server's per-page policy
// (lib/security/headers.mjs). Plain JavaScript: scripts/serve.mjs runs under node without a compiler.

/**
 * Mastodon has no one host: these are the instances Copydesk recognises (German public bodies and
 * large general ones). Any other instance's post stays a link, so a look-alike host can never be
 * framed.
 */
export const MASTODON_HOSTS = Object.freeze([
  "mastodon.social",
  "mastodon.online",
  "social.bund.de",
  "chaos.social",
  "norden.social",
  "muenchen.social",
  "troet.cafe",
  "mas.to",
  "hachyderm.io",
  "fosstodon.org",
  "mstdn.social",
  "det.social",
  "social.tchncs.de",
  "nrw.social",
  "berlin.social",
]);

/** Every origin an embed's frame may come from. Embeds are frames only: no provider script runs on our pages. */
export const EMBED_FRAME_ORIGINS = Object.freeze([
  "https://www.youtube-nocookie.com",
  "https://player.vimeo.com",
  "https://platform.twitter.com",
  "https://www.instagram.com",
  "https://www.tiktok.com",
  ...MASTODON_HOSTS.map((host) => `https://${host}`),
  "https://embed.bsky.app",
  "https://datawrapper.dwcdn.net",
  "https://flo.uri.sh",
  "https://www.openstreetmap.org",
  "https://umap.openstreetmap.fr",
  "https://w.soundcloud.com",
]);

const ORIGINS = new Set(EMBED_FRAME_ORIGINS);

/** The origin of an embed frame's address if it is one Copydesk may frame, else null. */
export function embedFrameOrigin(src) {
  if (typeof src !== "string" || src.length > 2048 || /[\u0000-\u001f\u007f\s\\]/.test(src)) return null;
  let url;
  try {
    url = new URL(src);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return null;
  return ORIGINS.has(url.origin) && src.startsWith(`${url.origin}/`) ? url.origin : null;
}
