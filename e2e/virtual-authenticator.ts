// Chromium's virtual authenticator (CDP WebAuthn domain) for passkey journeys: a CTAP2 authenticator
// built into the "device", with resident keys and user verification that always succeeds — a
// fingerprint reader that says yes. It lives as long as the page's CDP session.
import type { CDPSession, Page } from "@playwright/test";

export async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}
