import { describe, expect, it } from "vitest";
import { expireTags } from "@/lib/cache/store.mjs";
import { readerTags } from "@/lib/cache/tags";
import { liveEventStream, openLiveStreams } from "./events";

/** Reads a stream's text until `done` says it has what it waits for. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, seen: { text: string }, done: (text: string) => boolean) {
  const decoder = new TextDecoder();
  while (!done(seen.text)) {
    const { value, done: ended } = await reader.read();
    if (ended) throw new Error(`the stream ended after ${JSON.stringify(seen.text)}`);
    seen.text += decoder.decode(value, { stream: true });
  }
}

describe("a live blog's event stream", () => {
  it("says 'changed' to the blog's open pages when its reader tag expires, and nothing for other blogs", async () => {
    const left = new AbortController();
    const response = liveEventStream(41, left.signal);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const other = liveEventStream(42, left.signal);
    const reader = response.body!.getReader();
    const otherReader = other.body!.getReader();
    const seen = { text: "" };
    const otherSeen = { text: "" };
    await readUntil(reader, seen, (t) => t.includes("retry: 3000\n\n"));
    await readUntil(otherReader, otherSeen, (t) => t.includes("retry: 3000\n\n"));

    expireTags([readerTags.live(41), readerTags.home]);
    await readUntil(reader, seen, (t) => t.endsWith("data: changed\n\n"));
    expireTags([readerTags.all]); // too many tags for one message: every blog hears it
    await readUntil(reader, seen, (t) => t.split("data: changed").length === 3);
    await readUntil(otherReader, otherSeen, (t) => t.includes("data: changed"));
    expect(otherSeen.text.split("data: changed").length).toBe(2); // the first expiry was not its own

    left.abort();
    expect(openLiveStreams()).toBe(0);
    expect((await reader.read()).done).toBe(true);
  });

  it("refuses streams past the limit (pages then poll) and forgets a stream whose reader cancelled", async () => {
    const stay = new AbortController();
    const first = liveEventStream(7, stay.signal, 1);
    expect(liveEventStream(7, stay.signal, 1).status).toBe(503);
    await first.body!.cancel();
    expect(openLiveStreams()).toBe(0);
    expect(liveEventStream(7, stay.signal, 1).status).toBe(200);
    stay.abort();
    expect(openLiveStreams()).toBe(0);
  });
});
