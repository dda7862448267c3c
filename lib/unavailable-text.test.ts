import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { UNAVAILABLE_TEXT } from "./unavailable-text";

describe("the last-resort error page's words", () => {
  it("are the catalogues' words", () => {
    for (const [locale, m] of [["de", de], ["en", en]] as const) {
      expect(UNAVAILABLE_TEXT[locale]).toEqual({ title: m.site.unavailableTitle, text: m.site.unavailableText, retry: m.site.unavailableRetry, home: m.site.backHome });
    }
  });
});
