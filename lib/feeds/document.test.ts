import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { renderBody } from "../content/body";
import { feedBody } from "./document";

describe("the body in feeds", () => {
  it("keeps an embed's link to the original, caption and credit, without the site's frame address", () => {
    const html = renderBody({
      type: "doc",
      content: [
        {
          type: "embed",
          attrs: {
            provider: "openstreetmap",
            id: "13/53.5410/9.8420/marker",
            url: "https://www.openstreetmap.org/?mlat=53.5410&mlon=9.8420#map=13/53.5410/9.8420",
            caption: "Die Watten unterhalb der Stadt – „Seegraswiesen“",
            credit: "Karte: OpenStreetMap",
          },
        },
      ],
    } as JSONContent);
    expect(html).toContain("data-embed-src=");
    const feed = feedBody(html);
    expect(feed).not.toMatch(/data-embed-/);
    expect(feed).toContain('href="https://www.openstreetmap.org/?mlat=53.5410&amp;mlon=9.8420#map=13/53.5410/9.8420"');
    expect(feed).toContain("Die Watten unterhalb der Stadt – „Seegraswiesen“");
    expect(feed).toContain("Karte: OpenStreetMap");
    expect(feed).not.toMatch(/<iframe|<script/i);
  });

  it("leaves text that merely looks like the attribute alone", () => {
    const html = '<p>The site writes <code> data-embed-src="…"</code> on its placeholders.</p><figure class="figure" data-media-id="7"></figure>';
    expect(feedBody(html)).toBe(html);
  });
});
