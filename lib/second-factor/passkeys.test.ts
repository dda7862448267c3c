// The passkeys' relying party: the configured public site URL when there is one (a passkey made
// for news.example.org is never asked for under another host name), else the request's host.
import { afterEach, describe, expect, it } from "vitest";
import { answeredChallenge, passkeyUserHandle, relyingParty } from "./passkeys";

const saved = { site: process.env.COPYDESK_SITE_URL, auth: process.env.AUTH_URL };
afterEach(() => {
  for (const [name, value] of [["COPYDESK_SITE_URL", saved.site], ["AUTH_URL", saved.auth]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
const request = (host: string, proto?: string) => new Headers({ host, ...(proto ? { "x-forwarded-proto": proto } : {}) });

describe("passkeys' relying party", () => {
  it("is the configured site URL's origin and host name, whatever host the request names", () => {
    process.env.COPYDESK_SITE_URL = "https://news.example.org/some/path";
    process.env.AUTH_URL = "https://auth.example.org";
    expect(relyingParty(request("evil.example"))).toEqual({ id: "news.example.org", name: "Copydesk", origin: "https://news.example.org" });
    delete process.env.COPYDESK_SITE_URL;
    expect(relyingParty(request("evil.example"))).toMatchObject({ id: "auth.example.org", origin: "https://auth.example.org" });
  });

  it("without one, is the request's host (the e2e server: http://localhost:port)", () => {
    delete process.env.COPYDESK_SITE_URL;
    delete process.env.AUTH_URL;
    expect(relyingParty(request("localhost:3300"))).toEqual({ id: "localhost", name: "Copydesk", origin: "http://localhost:3300" });
    expect(relyingParty(request("desk.example", "https"))).toMatchObject({ id: "desk.example", origin: "https://desk.example" });
  });

  it("reads the challenge an answer claims, and nothing from a malformed one", () => {
    const clientData = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(answeredChallenge(clientData({ type: "webauthn.get", challenge: "abc_-1" }))).toBe("abc_-1");
    expect(answeredChallenge(clientData({ challenge: 42 }))).toBeNull();
    expect(answeredChallenge(clientData({ challenge: "x".repeat(201) }))).toBeNull();
    expect(answeredChallenge("not base64 json")).toBeNull();
  });

  it("gives each account one stable user handle that does not carry the address", () => {
    expect(passkeyUserHandle(7)).toEqual(passkeyUserHandle(7));
    expect(passkeyUserHandle(7)).not.toEqual(passkeyUserHandle(8));
    expect(passkeyUserHandle(7)).toHaveLength(32);
  });
});
