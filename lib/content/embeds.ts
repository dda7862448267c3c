// Which pasted addresses become embeds, and what each provider's frame is. Shared by the
// editor (a URL on its own line becomes an embed), validation (a stored embed must be exactly
// what its URL recognises to) and the renderer (the frame address is derived, never stored).
import { MASTODON_HOSTS } from "./embed-origins.mjs";

export const EMBED_PROVIDERS = [
  "youtube",
  "vimeo",
  "x",
  "instagram",
  "tiktok",
  "mastodon",
  "bluesky",
  "datawrapper",
  "flourish",
  "openstreetmap",
  "umap",
  "soundcloud",
] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

/** What the embed node stores; `url` is the canonical address of the original, `id` the provider's own. */
export type EmbedRef = { provider: EmbedProvider; id: string; url: string };

type Spec = {
  name: string;
  recognise: (url: URL) => { id: string; url: string } | null;
  frame: (id: string) => string;
};

const hostIn = (url: URL, hosts: string[]) => hosts.includes(url.hostname);
const parts = (url: URL) => url.pathname.split("/").filter(Boolean);
const YT_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^\d{1,25}$/;
const SLUG = /^[A-Za-z0-9_-]{1,100}$/;

function youtube(url: URL) {
  const p = parts(url);
  let id: string | null | undefined = null;
  if (url.hostname === "youtu.be") id = p.length === 1 ? p[0] : null;
  else if (hostIn(url, ["youtube.com", "www.youtube.com", "m.youtube.com", "www.youtube-nocookie.com"])) {
    if (p.length === 1 && p[0] === "watch") id = url.searchParams.get("v");
    else if (p.length === 2 && ["shorts", "embed", "live"].includes(p[0]!)) id = p[1];
  }
  return id && YT_ID.test(id) ? { id, url: `https://www.youtube.com/watch?v=${id}` } : null;
}

function vimeo(url: URL) {
  const p = parts(url);
  let id: string | undefined;
  if (hostIn(url, ["vimeo.com", "www.vimeo.com"]) && p.length === 1) id = p[0];
  else if (url.hostname === "player.vimeo.com" && p.length === 2 && p[0] === "video") id = p[1];
  return id && DIGITS.test(id) ? { id, url: `https://vimeo.com/${id}` } : null;
}

function x(url: URL) {
  const p = parts(url);
  if (!hostIn(url, ["x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com"])) return null;
  if (p.length < 3 || !["status", "statuses"].includes(p[1]!) || !/^[A-Za-z0-9_]{1,15}$/.test(p[0]!) || !DIGITS.test(p[2]!)) return null;
  if (p.length > 3 && !(p.length === 5 && ["photo", "video"].includes(p[3]!))) return null;
  return { id: p[2]!, url: `https://x.com/${p[0]}/status/${p[2]}` };
}

function instagram(url: URL) {
  const p = parts(url);
  if (!hostIn(url, ["instagram.com", "www.instagram.com"]) || p.length < 2 || p.length > 3) return null;
  if (!["p", "reel", "tv"].includes(p[0]!) || !SLUG.test(p[1]!) || (p.length === 3 && p[2] !== "embed")) return null;
  const kind = p[0] === "tv" ? "p" : p[0];
  return { id: `${kind}/${p[1]}`, url: `https://www.instagram.com/${kind}/${p[1]}/` };
}

function tiktok(url: URL) {
  const p = parts(url);
  if (!hostIn(url, ["tiktok.com", "www.tiktok.com", "m.tiktok.com"])) return null;
  if (p.length === 3 && /^@[A-Za-z0-9_.]{1,24}$/.test(p[0]!) && p[1] === "video" && DIGITS.test(p[2]!)) {
    return { id: p[2]!, url: `https://www.tiktok.com/${p[0]}/video/${p[2]}` };
  }
  return null;
}

function mastodon(url: URL) {
  const p = parts(url);
  if (!MASTODON_HOSTS.includes(url.hostname) || p.length < 2 || p.length > 3 || (p.length === 3 && p[2] !== "embed")) return null;
  if (!/^@[A-Za-z0-9_]{1,30}$/.test(p[0]!) || !DIGITS.test(p[1]!)) return null;
  const id = `${url.hostname}/${p[0]}/${p[1]}`;
  return { id, url: `https://${id}` };
}

function bluesky(url: URL) {
  const p = parts(url);
  if (!hostIn(url, ["bsky.app", "www.bsky.app"]) || p.length !== 4 || p[0] !== "profile" || p[2] !== "post") return null;
  const actor = p[1]!.toLowerCase();
  const handle = /^(?=.{3,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
  if (!(handle.test(actor) || /^did:plc:[a-z2-7]{24}$/.test(actor)) || !/^[a-z2-7]{13}$/.test(p[3]!)) return null;
  return { id: `${actor}/${p[3]}`, url: `https://bsky.app/profile/${actor}/post/${p[3]}` };
}

function datawrapper(url: URL) {
  const p = parts(url);
  let id: string | undefined;
  if (url.hostname === "datawrapper.dwcdn.net" && (p.length === 1 || (p.length === 2 && DIGITS.test(p[1]!)))) id = p[0];
  else if (hostIn(url, ["www.datawrapper.de", "datawrapper.de"]) && p.length === 2 && p[0] === "_") id = p[1];
  return id && /^[A-Za-z0-9]{5}$/.test(id) ? { id, url: `https://datawrapper.dwcdn.net/${id}/` } : null;
}

function flourish(url: URL) {
  const p = parts(url);
  const ok = (kind?: string, id?: string) => (kind === "visualisation" || kind === "story") && id && DIGITS.test(id);
  if (url.hostname === "public.flourish.studio" && p.length === 2 && ok(p[0], p[1])) {
    return { id: `${p[0]}/${p[1]}`, url: `https://public.flourish.studio/${p[0]}/${p[1]}/` };
  }
  if (url.hostname === "flo.uri.sh" && (p.length === 2 || (p.length === 3 && p[2] === "embed")) && ok(p[0], p[1])) {
    return { id: `${p[0]}/${p[1]}`, url: `https://public.flourish.studio/${p[0]}/${p[1]}/` };
  }
  return null;
}

/** An OpenStreetMap view: "#map=zoom/lat/lon", with a marker when the address has mlat/mlon. */
function openstreetmap(url: URL) {
  if (!hostIn(url, ["www.openstreetmap.org", "openstreetmap.org"]) || !["/", ""].includes(url.pathname)) return null;
  const m = /^#map=(\d{1,2})\/(-?\d{1,2}(?:\.\d{1,7})?)\/(-?\d{1,3}(?:\.\d{1,7})?)$/.exec(url.hash);
  if (!m) return null;
  const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (zoom < 1 || zoom > 19 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  const marker = url.searchParams.has("mlat") && url.searchParams.has("mlon");
  const id = `${zoom}/${m[2]}/${m[3]}${marker ? "/marker" : ""}`;
  const query = marker ? `?mlat=${m[2]}&mlon=${m[3]}` : "";
  return { id, url: `https://www.openstreetmap.org/${query}#map=${zoom}/${m[2]}/${m[3]}` };
}

function osmFrame(id: string) {
  const [zoom, lat, lon, marker] = id.split("/");
  const z = Number(zoom);
  // The frame shows about 640×400 px of 256-px tiles around the centre.
  const halfLon = (360 / 2 ** z) * (640 / 256) * 0.5;
  const halfLat = halfLon * Math.cos((Number(lat) * Math.PI) / 180) * (400 / 640);
  const f = (n: number) => n.toFixed(5);
  const bbox = [f(Number(lon) - halfLon), f(Number(lat) - halfLat), f(Number(lon) + halfLon), f(Number(lat) + halfLat)].join("%2C");
  return `https://www.openstreetmap.org/export/embed.html?bbox=${bbox}&layer=mapnik${marker ? `&marker=${lat}%2C${lon}` : ""}`;
}

function umap(url: URL) {
  const p = parts(url);
  if (url.hostname !== "umap.openstreetmap.fr" || p.length !== 3 || !/^[a-z]{2}(?:-[a-z]{2})?$/i.test(p[0]!) || p[1] !== "map") return null;
  if (!/^[a-z0-9-]{0,80}_\d{1,12}$/i.test(p[2]!)) return null;
  return { id: p[2]!, url: `https://umap.openstreetmap.fr/${p[0]}/map/${p[2]}` };
}

function soundcloud(url: URL) {
  const p = parts(url);
  if (!hostIn(url, ["soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"])) return null;
  const name = /^[a-z0-9_-]{1,100}$/i;
  const track = p.length === 2 && name.test(p[0]!) && name.test(p[1]!) && !["sets", "tracks", "likes", "albums", "reposts"].includes(p[1]!);
  const set = p.length === 3 && name.test(p[0]!) && p[1] === "sets" && name.test(p[2]!);
  if (!track && !set) return null;
  const id = p.join("/");
  return { id, url: `https://soundcloud.com/${id}` };
}

const SPECS: Record<EmbedProvider, Spec> = {
  youtube: { name: "YouTube", recognise: youtube, frame: (id) => `https://www.youtube-nocookie.com/embed/${id}` },
  vimeo: { name: "Vimeo", recognise: vimeo, frame: (id) => `https://player.vimeo.com/video/${id}?dnt=1` },
  x: { name: "X", recognise: x, frame: (id) => `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true` },
  instagram: { name: "Instagram", recognise: instagram, frame: (id) => `https://www.instagram.com/${id}/embed/` },
  tiktok: { name: "TikTok", recognise: tiktok, frame: (id) => `https://www.tiktok.com/embed/v2/${id}` },
  mastodon: { name: "Mastodon", recognise: mastodon, frame: (id) => `https://${id}/embed` },
  bluesky: {
    name: "Bluesky",
   
    recognise: bluesky,
    frame: (id) => `https://embed.bsky.app/embed/${id.split("/")[0]}/app.bsky.feed.post/${id.split("/")[1]}`,
  },
  datawrapper: { name: "Datawrapper", recognise: datawrapper, frame: (id) => `https://datawrapper.dwcdn.net/${id}/` },
  flourish: { name: "Flourish", recognise: flourish, frame: (id) => `https://flo.uri.sh/${id}/embed` },
  openstreetmap: { name: "OpenStreetMap", recognise: openstreetmap, frame: osmFrame },
  umap: {
    name: "uMap",
   
    recognise: umap,
    frame: (id) => `https://umap.openstreetmap.fr/de/map/${id}?scrollWheelZoom=false&editMode=disabled&moreControl=false&embedControl=false`,
  },
  soundcloud: {
    name: "SoundCloud",
   
    recognise: soundcloud,
    frame: (id) => `https://w.soundcloud.com/player/?url=${encodeURIComponent(`https://soundcloud.com/${id}`)}&visual=false`,
  },
};

/**
 * The embed an address stands for, or null: only http(s), only the providers' exact hosts
 * (so "youtube.com.evil.example" and "evil.example/youtube.com/…" stay links), no user, password
 * or port, and only the address shapes of a post, video, chart or map.
 */
export function recogniseEmbed(input: unknown): EmbedRef | null {
  if (typeof input !== "string") return null;
  const text = input.trim();
  if (!text || text.length > 2048 || /[\u0000-\u0020\u007f\\]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || url.port) return null;
  for (const provider of EMBED_PROVIDERS) {
    const found = SPECS[provider].recognise(url);
    if (found) return { provider, ...found };
  }
  return null;
}

/** The address of the provider's frame for a recognised embed. Derived here, never taken from stored data. */
export function embedFrameSrc(provider: EmbedProvider, id: string): string {
  return SPECS[provider].frame(id);
}

export function providerName(provider: EmbedProvider): string {
  return SPECS[provider].name;
}

export function isEmbedProvider(value: unknown): value is EmbedProvider {
  return typeof value === "string" && (EMBED_PROVIDERS as readonly string[]).includes(value);
}
