// Growing delays on top of the fixed sign-in windows: past a window's allowance every failure
// doubles the wait before the next attempt (per account, per known device, per address), up to
// a cap, so waiting out the window over and over gets ever slower — while the owner's known
// browser is never delayed by a stranger's failures. Time is moved by ageing the counters
// (inside one transaction now() stands still).
import { and, desc, eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { issueDeviceToken, readDeviceToken } from "@/lib/device-trust";
import type { Db } from "../client";
import { delayAfter } from "../rate-limit";
import { auditEvents, rateLimits, users } from "../schema";
import { engine, inRollback, newsroom } from "../testing";
import { SIGN_IN_DELAYS, SIGN_IN_LIMITS, signInWithThrottle } from "./sign-in";

const PASSWORD = "correct horse battery";

/** Moves the counters whose key starts with `prefix` `seconds` into the past. */
async function age(tx: Db, prefix: string, seconds: number) {
  await tx
    .update(rateLimits)
    .set({ windowStart: sql`${rateLimits.windowStart} - make_interval(secs => ${seconds})` })
    .where(like(rateLimits.key, `${prefix}%`));
}

async function emailOf(tx: Db, id: number) {
  return (await tx.select({ email: users.email }).from(users).where(eq(users.id, id)))[0].email;
}

describe("growing delay arithmetic", () => {
  it("is free within the allowance, then doubles to the cap", () => {
    const policy = { free: 5, baseSeconds: 60, capSeconds: 3600, memorySeconds: 86400 };
    expect([0, 1, 5].map((f) => delayAfter(f, policy))).toEqual([0, 0, 0]);
    expect([6, 7, 8, 9, 10, 11, 12, 100].map((f) => delayAfter(f, policy))).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });
});

describe(`growing sign-in delays on ${engine}`, () => {
  it("each failure past the window's allowance doubles the wait for the account; the right password after the wait gets in and clears it", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = await emailOf(tx, n.journalist.id);
      const key = `signin:account:${email.toLowerCase()}`;
      for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) expect((await signInWithThrottle({ email, password: `falsch ${i}` }, { tx })).status).toBe("invalid");
      expect((await signInWithThrottle({ email, password: PASSWORD }, { tx })).status).toBe("throttled"); // the window, as before

      // The window passes; the remembered failures do not.
      await age(tx, key, SIGN_IN_LIMITS.account.windowSeconds + 1);
      const waits: number[] = [];
      for (let failure = SIGN_IN_LIMITS.account.limit + 1; failure <= SIGN_IN_LIMITS.account.limit + 4; failure++) {
        expect((await signInWithThrottle({ email, password: `noch falsch ${failure}` }, { tx })).status).toBe("invalid");
        const next = await signInWithThrottle({ email, password: PASSWORD }, { tx }); // even the right one must wait
        expect(next.status).toBe("throttled");
        const wait = next.status === "throttled" ? next.retryAfterSeconds : 0;
        waits.push(wait);
        await age(tx, "signin:delay:account:", wait - 1);
        expect((await signInWithThrottle({ email, password: PASSWORD }, { tx })).status).toBe("throttled"); // a second early
        await age(tx, "signin:delay:account:", 1);
        await age(tx, key, SIGN_IN_LIMITS.account.windowSeconds + 1); // keep the fixed window out of the way
      }
      expect(waits).toEqual([60, 120, 240, 480]);
      expect((await signInWithThrottle({ email, password: PASSWORD }, { tx })).status).toBe("ok");
      // A success forgets the failures: the next one is free again.
      expect((await signInWithThrottle({ email, password: "falsch" }, { tx })).status).toBe("invalid");
      expect((await signInWithThrottle({ email, password: PASSWORD }, { tx })).status).toBe("ok");
    }));

  it("the cap holds, and failures a day old are forgotten", () =>
    inRollback(async (tx) => {
      const email = `niemand-${Math.random()}@example.org`;
      for (let i = 0; i < 20; i++) {
        await age(tx, "signin:", 48 * 3600); // window and delay both passed; memory is 24 h…
        await tx.update(rateLimits).set({ windowStart: sql`now() - make_interval(secs => 3601)` }).where(like(rateLimits.key, `signin:delay:account:${email}`)); // …but this keeps it
        expect((await signInWithThrottle({ email, password: "x" }, { tx })).status).toBe("invalid");
      }
      const capped = await signInWithThrottle({ email, password: "x" }, { tx });
      expect(capped).toEqual({ status: "throttled", retryAfterSeconds: SIGN_IN_DELAYS.account.capSeconds });
      await age(tx, "signin:", SIGN_IN_DELAYS.account.memorySeconds);
      expect((await signInWithThrottle({ email, password: "x" }, { tx })).status).toBe("invalid");
    }));

  it("a stranger growing the account's delay from many addresses never delays the owner's known browser", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = await emailOf(tx, n.editor.id);
      const device = readDeviceToken(issueDeviceToken(email, "s"), "s");
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) await signInWithThrottle({ email, password: `guess ${round}-${i}`, address: `203.0.113.${round * 10 + i + 1}` }, { tx });
        await age(tx, "signin:account:", SIGN_IN_LIMITS.account.windowSeconds + 1);
        await age(tx, "signin:delay:account:", SIGN_IN_DELAYS.account.capSeconds);
      }
      expect((await signInWithThrottle({ email, password: "one more guess", address: "203.0.113.200" }, { tx })).status).toBe("invalid");
      const stranger = await signInWithThrottle({ email, password: PASSWORD, address: "198.51.100.4" }, { tx });
      expect(stranger.status === "throttled" && stranger.retryAfterSeconds).toBe(delayAfter(SIGN_IN_LIMITS.account.limit + 4, SIGN_IN_DELAYS.account)); // one failure got through per round, and the last guess
      expect((await signInWithThrottle({ email, password: PASSWORD, address: "198.51.100.4", device }, { tx })).status).toBe("ok");
    }));

  it("an address that keeps failing waits longer and longer; another address is not slowed", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
      for (let i = 0; i < SIGN_IN_LIMITS.address.limit; i++) await signInWithThrottle({ email: `probe-${i}-${n.tag}@example.org`, password: "x", address: ip }, { tx });
      await age(tx, `signin:address:${ip}`, SIGN_IN_LIMITS.address.windowSeconds + 1);
      expect((await signInWithThrottle({ email: `probe-x-${n.tag}@example.org`, password: "x", address: ip }, { tx })).status).toBe("invalid");
      const editor = await emailOf(tx, n.editor.id);
      expect(await signInWithThrottle({ email: editor, password: PASSWORD, address: ip }, { tx })).toEqual({ status: "throttled", retryAfterSeconds: SIGN_IN_DELAYS.address.baseSeconds });
      expect((await signInWithThrottle({ email: editor, password: PASSWORD, address: "198.51.100.77" }, { tx })).status).toBe("ok");
    }));

  it("writes an audit row for each success, failure and throttled attempt, with the address", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = await emailOf(tx, n.journalist.id);
      const address = "192.0.2.33";
      await signInWithThrottle({ email, password: PASSWORD, address }, { tx });
      for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) await signInWithThrottle({ email, password: `falsch ${i}`, address }, { tx });
      await signInWithThrottle({ email, password: PASSWORD, address }, { tx });
      const rows = await tx
        .select({ action: auditEvents.action, actorId: auditEvents.actorId, targetId: auditEvents.targetId, address: auditEvents.address, summary: auditEvents.summary })
        .from(auditEvents)
        .where(and(like(auditEvents.action, "signin.%"), eq(auditEvents.address, address)))
        .orderBy(desc(auditEvents.id));
      expect(rows.map((r) => r.action)).toEqual(["signin.throttled", ...Array(SIGN_IN_LIMITS.account.limit).fill("signin.failure"), "signin.success"]);
      expect(rows.at(-1)).toMatchObject({ actorId: n.journalist.id, targetId: String(n.journalist.id) });
      expect(rows[0]).toMatchObject({ actorId: null, targetId: email.toLowerCase(), summary: { by: ["limit"] } });
      expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    }));
});
