import { describe, expect, it } from "vitest";
import { renderBody } from "../content/body";
import { EMBED_FRAME_ORIGINS } from "../content/embed-origins.mjs";
import { documentPolicy, embedFrameSources } from "./headers.mjs";

const embed = (provider: string, id: string, url: string) => ({ type: "embed", attrs: { provider, id, url, caption: "", credit: "" } });

describe("embedFrameSources", () => {
  it("lists exactly the frame origins of a page's embeds, each once", () => {
    const html = renderBody({
      type: "doc",
      content: [
        embed("youtube", "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        embed("youtube", "aaaaaaaaaaa", "https://www.youtube.com/watch?v=aaaaaaaaaaa"),
        embed("soundcloud", "dlf/folge-1", "https://soundcloud.com/dlf/folge-1"),
      ],
    });
    expect(embedFrameSources(`<main>${html}</main>`)).toEqual(["https://www.youtube-nocookie.com", "https://w.soundcloud.com"]);
  });

  it("ignores unknown origins even in hand-made markup, and pages without embeds get no frame-src", () => {
    expect(embedFrameSources('<figure class="embed" data-embed-src="https://evil.example/x"></figure>')).toEqual([]);
    expect(embedFrameSources("<p>Kein Video</p>")).toEqual([]);
    expect(documentPolicy({ scripts: [], framing: "'self'" })).not.toContain("frame-src");
    expect(documentPolicy({ scripts: [], framing: "'self'", frames: ["https://player.vimeo.com"] })).toContain("frame-src 'self' https://player.vimeo.com;");
  });

  it("a running live blog's first page allows every known provider's frame (entries arrive after the policy is sent); an ended one only its own", () => {
    const running = '<section class="live" lang="de" data-live="/api/live/42" data-revision="7"><ol class="live__entries"></ol></section>';
    expect(embedFrameSources(running)).toEqual([...EMBED_FRAME_ORIGINS]);
    expect(embedFrameSources('<section class="live" lang="de" data-revision="7"><ol class="live__entries"></ol></section>')).toEqual([]);
    expect(embedFrameSources('<p>data-live="/api/live/42"</p>')).toEqual([]);
  });
});
