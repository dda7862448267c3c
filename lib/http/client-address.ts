/**
 * The client's address, for rate limits and counting. Next fills X-Forwarded-For with the socket
 * address when no proxy set it; behind a reverse proxy the right-most entry is the one that proxy
 * added, and entries further left are whatever the client claimed, so they are not trusted.
 */
export function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  const address = last || headers?.get("x-real-ip")?.trim();
  return address ? address.slice(0, 64) : null;
}
