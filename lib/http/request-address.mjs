// The client's address, decided once per request by the production server (scripts/serve.mjs)
// from the connection itself, before Next sees the request. Plain JavaScript: serve.mjs runs
// under node directly.
//
// X-Forwarded-For is believed only hop by hop from the connecting address, and only while that
// hop is a proxy we were told to trust (COPYDESK_TRUSTED_PROXIES: addresses, CIDR ranges or
// proxy-addr's names `loopback`, `linklocal`, `uniquelocal`; default none). Otherwise a client
// could name any address it likes and get a fresh sign-in, comment and view allowance each time.
import proxyaddr from "proxy-addr";

/** Set on every request (a client's own value is overwritten); read by lib/http/client-address.ts. */
export const CLIENT_ADDRESS_HEADER = "x-copydesk-client-address";

const compiled = new Map();
function trustFor(list) {
  let trust = compiled.get(list);
  if (!trust) {
    const entries = list.split(",").map((s) => s.trim()).filter(Boolean);
    trust = proxyaddr.compile(entries);
    compiled.set(list, trust);
  }
  return trust;
}

/** Writes the client's address into the request's headers, replacing anything the client sent. */
export function stampClientAddress(req, trusted = process.env.COPYDESK_TRUSTED_PROXIES ?? "") {
  let address = "";
  try {
    address = proxyaddr(req, trustFor(trusted)) ?? "";
  } catch {
    address = req.socket?.remoteAddress ?? ""; // an unparsable list entry: trust no one
  }
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
  req.headers[CLIENT_ADDRESS_HEADER] = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64);
}
