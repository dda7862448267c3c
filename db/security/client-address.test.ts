// Who is asking, for sign-in throttling, comments and view counts: a client that rotates
// X-Forwarded-For must stay one client unless the request came through a configured trusted
// proxy (COPYDESK_TRUSTED_PROXIES). Real HTTP: a Node server that prepares each request as the
// production server (scripts/serve.mjs) does, and the app's own reading of the address.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-address";
import { stampClientAddress } from "@/lib/http/request-address.mjs";
import { signInWithThrottle, SIGN_IN_LIMITS } from "../users/sign-in";
import { engine, inRollback } from "../testing";

let trusted = "";
const server = http.createServer((req, res) => {
  stampClientAddress(req, trusted);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  res.end(JSON.stringify({ address: clientAddress(headers) }));
});
// Longer than any pause between two requests here (each sign-in hashes a password): with Node's
// 5 s default a loaded machine saw the server close an idle connection just as fetch reused it
// (ECONNRESET).
server.keepAliveTimeout = 60_000;
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function addressSeen(headers: Record<string, string>): Promise<string | null> {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return ((await response.json()) as { address: string | null }).address;
}

describe(`the client's address on ${engine}`, () => {
  it("is the connecting address when no proxy is trusted, whatever the headers claim", async () => {
    trusted = "";
    expect(await addressSeen({})).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "6.6.6.6, 203.0.113.8", "x-real-ip": "203.0.113.9", "x-copydesk-client-address": "203.0.113.10" })).toBe("127.0.0.1");
  });

  it("is the first untrusted hop from the right when the request came through a trusted proxy", async () => {
    trusted = "loopback, 10.0.0.0/8";
    expect(await addressSeen({})).toBe("127.0.0.1");
    expect(await addressSeen({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    // A client's own claim left of our proxies' entries is not believed.
    expect(await addressSeen({ "x-forwarded-for": "6.6.6.6, 203.0.113.8, 10.1.2.3" })).toBe("203.0.113.8");
    trusted = "192.0.2.1"; // a proxy that is not the one connecting
    expect(await addressSeen({ "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("keeps a client rotating X-Forwarded-For under one sign-in address limit", () =>
    inRollback(async (tx) => {
      trusted = "";
      const outcomes: string[] = [];
      for (let i = 0; i <= SIGN_IN_LIMITS.address.limit; i++) {
        const address = await addressSeen({ "x-forwarded-for": `198.51.100.${i + 1}` });
        outcomes.push((await signInWithThrottle({ email: `rotating-${i}@example.org`, password: "guess", address }, { tx })).status);
      }
      expect(outcomes.slice(0, SIGN_IN_LIMITS.address.limit).every((s) => s === "invalid")).toBe(true);
      expect(outcomes.at(-1)).toBe("throttled");
    }));
});
