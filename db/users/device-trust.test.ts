// Throttling that slows guessing but cannot be turned against the owner (OWASP, "Slow down
// online guessing attacks with device cookies"): a stranger failing on an account from many
// addresses locks out unknown browsers only; the owner's browser, holding the signed device
// cookie it got at its last good sign-in, still gets in — while guessing from that browser, or
// with a forged or another account's cookie, stays throttled.
import { describe, expect, it } from "vitest";
import { issueDeviceToken, readDeviceToken } from "@/lib/device-trust";
import { signInWithThrottle, SIGN_IN_LIMITS } from "./sign-in";
import { engine, inRollback, newsroom } from "../testing";
import { users } from "../schema";
import { eq } from "drizzle-orm";

const PASSWORD = "correct horse battery";
const SECRET = "test-secret-for-device-cookies";

describe(`sign-in throttling with trusted devices on ${engine}`, () => {
  it("a stranger rotating addresses cannot lock the owner out of their known browser; guessing stays throttled", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const [{ email }] = await tx.select({ email: users.email }).from(users).where(eq(users.id, n.editor.id));
      const other = (await tx.select({ email: users.email }).from(users).where(eq(users.id, n.journalist.id)))[0].email;
      // The owner signed in from this browser before: it holds a device cookie for the account.
      const cookie = issueDeviceToken(email, SECRET);
      const device = readDeviceToken(cookie, SECRET);
      expect(device?.email).toBe(email.toLowerCase());

      // A stranger, a new address for every guess, far past the account's limit.
      for (let i = 0; i < SIGN_IN_LIMITS.account.limit * 3; i++) {
        const outcome = await signInWithThrottle({ email, password: `guess ${i}`, address: `203.0.113.${i + 1}` }, { tx });
        expect(outcome.status).toBe(i < SIGN_IN_LIMITS.account.limit ? "invalid" : "throttled");
      }
      // Even the right password from an unknown browser is refused now…
      expect((await signInWithThrottle({ email, password: PASSWORD, address: "198.51.100.9" }, { tx })).status).toBe("throttled");
      // …and from a browser with a forged cookie, or one trusted for another account.
      const forged = readDeviceToken(issueDeviceToken(email, "another secret"), SECRET);
      expect(forged).toBeNull();
      const foreign = readDeviceToken(issueDeviceToken(other, SECRET), SECRET);
      expect((await signInWithThrottle({ email, password: PASSWORD, address: "198.51.100.9", device: foreign }, { tx })).status).toBe("throttled");
      // The owner's known browser signs in.
      expect((await signInWithThrottle({ email, password: PASSWORD, address: "198.51.100.9", device }, { tx })).status).toBe("ok");

      // Guessing from the trusted browser (a stolen cookie) is throttled per device.
      for (let i = 0; i < SIGN_IN_LIMITS.device.limit; i++) {
        expect((await signInWithThrottle({ email, password: `guess ${i}`, address: `192.0.2.${i + 1}`, device }, { tx })).status).toBe("invalid");
      }
      expect((await signInWithThrottle({ email, password: PASSWORD, address: "192.0.2.200", device }, { tx })).status).toBe("throttled");
    }));

  it("device cookies are signed, bound to one account and refuse tampering", () => {
    const token = issueDeviceToken("Chief@Example.org", SECRET);
    expect(readDeviceToken(token, SECRET)).toMatchObject({ email: "chief@example.org" });
    expect(readDeviceToken(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), SECRET)).toBeNull();
    expect(readDeviceToken("", SECRET)).toBeNull();
    expect(readDeviceToken(undefined, SECRET)).toBeNull();
    expect(readDeviceToken(token, "")).toBeNull();
  });
});
