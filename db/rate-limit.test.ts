import { describe, expect, it } from "vitest";
import { engine, inRollback } from "./testing";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "./rate-limit";

describe(`rate limits on ${engine}`, () => {
  it("counts within a window, refuses past the limit, and starts over after reset", () =>
    inRollback(async (tx) => {
      const w = { limit: 3, windowSeconds: 60 };
      const key = `test:${Math.random()}`;
      const states = [];
      for (let i = 0; i < 4; i++) states.push(await hitRateLimit(key, w, { tx }));
      expect(states.map((s) => s.limited)).toEqual([false, false, false, true]);
      expect(states[3].retryAfterSeconds).toBeGreaterThan(0);
      expect(states[3].retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(await peekRateLimit(key, w, { tx })).toMatchObject({ count: 4, limited: true });
      await resetRateLimit(key, { tx });
      expect(await peekRateLimit(key, w, { tx })).toMatchObject({ count: 0, limited: false });
      expect((await hitRateLimit(key, w, { tx })).count).toBe(1);
    }));

  it("starts a new window once the old one has passed", () =>
    inRollback(async (tx) => {
      const key = `test:${Math.random()}`;
      await hitRateLimit(key, { limit: 1, windowSeconds: 60 }, { tx });
      expect((await hitRateLimit(key, { limit: 1, windowSeconds: 60 }, { tx })).limited).toBe(true);
      // A zero-second window has always expired.
      expect(await hitRateLimit(key, { limit: 1, windowSeconds: 0 }, { tx })).toMatchObject({ count: 1, limited: false });
    }));
});
