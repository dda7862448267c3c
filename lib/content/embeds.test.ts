import { describe, expect, it } from "vitest";
import { embedFrameOrigin } from "./embed-origins.mjs";
import { embedFrameSrc, recogniseEmbed } from "./embeds";

// [pasted address, provider, id, canonical address, frame address]
const KNOWN: [string, string, string, string, string][] = [
  ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "youtube", "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
  ["https://youtu.be/dQw4w9WgXcQ?si=abc", "youtube", "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
  ["https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
  ["https://vimeo.com/76979871", "vimeo", "76979871", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"],
  ["https://player.vimeo.com/video/76979871", "vimeo", "76979871", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"],
  ["https://x.com/tagesschau/status/1790000000000000000", "x", "1790000000000000000", "https://x.com/tagesschau/status/1790000000000000000", "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true"],
  ["https://twitter.com/tagesschau/status/1790000000000000000?s=20", "x", "1790000000000000000", "https://x.com/tagesschau/status/1790000000000000000", "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true"],
  ["https://www.instagram.com/p/C7abcDEF123/?igsh=x", "instagram", "p/C7abcDEF123", "https://www.instagram.com/p/C7abcDEF123/", "https://www.instagram.com/p/C7abcDEF123/embed/"],
  ["https://www.instagram.com/reel/C7abcDEF123/", "instagram", "reel/C7abcDEF123", "https://www.instagram.com/reel/C7abcDEF123/", "https://www.instagram.com/reel/C7abcDEF123/embed/"],
  ["https://www.tiktok.com/@tagesschau/video/7301234567890123456", "tiktok", "7301234567890123456", "https://www.tiktok.com/@tagesschau/video/7301234567890123456", "https://www.tiktok.com/embed/v2/7301234567890123456"],
  ["https://social.bund.de/@Bundesregierung/112233445566778899", "mastodon", "social.bund.de/@Bundesregierung/112233445566778899", "https://social.bund.de/@Bundesregierung/112233445566778899", "https://social.bund.de/@Bundesregierung/112233445566778899/embed"],
  ["https://bsky.app/profile/tagesschau.de/post/3kxyzabcdef22", "bluesky", "tagesschau.de/3kxyzabcdef22", "https://bsky.app/profile/tagesschau.de/post/3kxyzabcdef22", "https://embed.bsky.app/embed/tagesschau.de/app.bsky.feed.post/3kxyzabcdef22"],
  ["https://datawrapper.dwcdn.net/aBc12/3/", "datawrapper", "aBc12", "https://datawrapper.dwcdn.net/aBc12/", "https://datawrapper.dwcdn.net/aBc12/"],
  ["https://www.datawrapper.de/_/aBc12/", "datawrapper", "aBc12", "https://datawrapper.dwcdn.net/aBc12/", "https://datawrapper.dwcdn.net/aBc12/"],
  ["https://public.flourish.studio/visualisation/1234567/", "flourish", "visualisation/1234567", "https://public.flourish.studio/visualisation/1234567/", "https://flo.uri.sh/visualisation/1234567/embed"],
  ["https://www.openstreetmap.org/?mlat=52.51627&mlon=13.37770#map=16/52.51627/13.37770", "openstreetmap", "16/52.51627/13.37770/marker", "https://www.openstreetmap.org/?mlat=52.51627&mlon=13.37770#map=16/52.51627/13.37770", ""],
  ["https://www.openstreetmap.org/#map=12/48.1372/11.5756", "openstreetmap", "12/48.1372/11.5756", "https://www.openstreetmap.org/#map=12/48.1372/11.5756", ""],
  ["https://umap.openstreetmap.fr/de/map/wahllokale-koeln_123456", "umap", "wahllokale-koeln_123456", "https://umap.openstreetmap.fr/de/map/wahllokale-koeln_123456", ""],
  ["https://soundcloud.com/deutschlandfunk/podcast-folge-1", "soundcloud", "deutschlandfunk/podcast-folge-1", "https://soundcloud.com/deutschlandfunk/podcast-folge-1", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fdeutschlandfunk%2Fpodcast-folge-1&visual=false"],
];

describe("recogniseEmbed", () => {
  it.each(KNOWN)("recognises %s", (input, provider, id, url, frame) => {
    const found = recogniseEmbed(input);
    expect(found).toEqual({ provider, id, url });
    const src = embedFrameSrc(found!.provider, found!.id);
    if (frame) expect(src).toBe(frame);
    // Every frame address is one the sanitizer and the page policy accept.
    expect(embedFrameOrigin(src)).not.toBeNull();
  });

  it("frames an OpenStreetMap view around its centre, with the marker asked for", () => {
    const src = embedFrameSrc("openstreetmap", "16/52.51627/13.37770/marker");
    expect(src).toMatch(/^https:\/\/www\.openstreetmap\.org\/export\/embed\.html\?bbox=13\.3[0-9.]+%2C52\.5[0-9.]+%2C13\.3[0-9.]+%2C52\.5[0-9.]+&layer=mapnik&marker=52\.51627%2C13\.37770$/);
  });

  it.each([
    // look-alike and lookup-confusing hosts
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
    "https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
    "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ",
    "https://x.com.evil.example/a/status/1",
    "https://twitter.com/a/status/1/../../../evil",
    "https://mastodon.evil.example/@someone/112233445566778899",
    "https://social.bund.de.evil.example/@Bundesregierung/1",
    "https://bsky.app.evil.example/profile/a.de/post/3kxyzabcdef22",
    "https://datawrapper.dwcdn.net.evil.example/aBc12/",
    "https://flo.uri.sh.evil.example/visualisation/1/embed",
    // other schemes
    "javascript:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "javascript://www.youtube.com/watch?v=dQw4w9WgXcQ%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,aHR0cHM6Ly93d3cueW91dHViZS5jb20vd2F0Y2g/dj1kUXc0dzlXZ1hjUQ==",
    "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "//www.youtube.com/watch?v=dQw4w9WgXcQ",
    "www.youtube.com/watch?v=dQw4w9WgXcQ",
    // known hosts, but not an embeddable address or a malformed id
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=\"alert(1)",
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/channel/UC123",
    "https://vimeo.com/about",
    "https://x.com/tagesschau",
    "https://www.instagram.com/tagesschau/",
    "https://soundcloud.com/deutschlandfunk",
    "https://www.openstreetmap.org/#map=99/52.5/13.4",
    "https://example.org/article",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ extra",
    "java\tscript:alert(1)",
    "",
  ])("leaves %s a link (or nothing)", (input) => {
    expect(recogniseEmbed(input)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(recogniseEmbed(null)).toBeNull();
    expect(recogniseEmbed({ toString: () => "https://youtu.be/dQw4w9WgXcQ" })).toBeNull();
  });
});

describe("embedFrameOrigin", () => {
  it.each(["https://evil.example/embed", "http://www.youtube-nocookie.com/embed/x", "javascript:alert(1)", "https://www.youtube-nocookie.com.evil.example/embed/x", "https://a@www.youtube-nocookie.com/embed/x"])(
    "refuses %s",
    (src) => expect(embedFrameOrigin(src)).toBeNull(),
  );
});
