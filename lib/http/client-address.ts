/**
 * The client's address, for rate limits and counting, as the production server decided it from
 * the connection and the trusted proxies (lib/http/request-address.mjs) — never X-Forwarded-For
 * as the client sent it. Without that server (`next dev`) there is no address: per-address
 * limits then do not apply, and views are told apart by browser only.
 */
export const CLIENT_ADDRESS_HEADER = "x-copydesk-client-address";

export function clientAddress(headers: Headers | undefined): string | null {
  const address = headers?.get(CLIENT_ADDRESS_HEADER)?.trim();
  return address ? address.slice(0, 64) : null;
}
