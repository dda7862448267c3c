# Varnish in front of Copydesk's app instances, kept fresh by purging cache tags.
#
# Every cached reader response names its tags in Surrogate-Key (lib/cache/edge.mjs); after each
# change the app sends `PURGE /` with `xkey-purge: <tags>` (lib/cache/purge.ts, configured by
# COPYDESK_PURGE_VARNISH=http://this-varnish:port) and xkey removes every object with one of
# them. The app's Cache-Control then lets Varnish keep pages for a day (s-maxage) when a purge
# target is configured: freshness comes from the purge, not the TTL.
#
# This file is the behaviour; the backends come from the file that includes it, which defines
# the app instances and a director named `app` over them in vcl_init (see site.example.vcl):
#   varnishd -a :80 -f /etc/varnish/copydesk-site.vcl
# Needs Debian's varnish (7.x) and varnish-modules (xkey).
vcl 4.1;

import std;
import xkey;

# Who may purge: the app instances (set to their addresses).
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  set req.backend_hint = app.backend();

  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "PURGE needs an xkey-purge header naming the tags"));
    }
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.n-gone + " objects"));
  }

  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # The desk, sign-in, APIs, search and the comment form's answer are per visitor.
  if (req.url ~ "^/(desk|signin|api|search|comments)(/|\?|$)") {
    return (pass);
  }
  # Client-side navigations ask for Next's RSC payload at the same address: leave those to the app.
  if (req.http.rsc || req.http.next-router-state-tree || req.http.next-router-prefetch || req.url ~ "[?&]_rsc=") {
    return (pass);
  }
  # Reader pages are the same for everyone: the session cookie only matters to the desk.
  unset req.http.cookie;
  unset req.http.authorization;
  set req.url = std.querysort(req.url);
  return (hash);
}

sub vcl_backend_response {
  # xkey reads the tags from the `xkey` header; the app names them in Surrogate-Key.
  if (beresp.http.surrogate-key) {
    set beresp.http.xkey = beresp.http.surrogate-key;
  }
  # Varnish 7.1 derives no TTL for a 308 (its RFC list has 301 and 302, not 308): take the
  # s-maxage the app gave the slug-change redirect, as for any other tagged response.
  if (beresp.status == 308 && beresp.ttl <= 0s && beresp.http.cache-control ~ "s-maxage=[0-9]+") {
    set beresp.ttl = std.duration(regsub(beresp.http.cache-control, "^.*s-maxage=([0-9]+).*$", "\1") + "s", 0s);
    set beresp.grace = 60s;
  }
  # Nothing untagged is kept long, nor served long after it expired (Next's own header allows a
  # year of stale-while-revalidate): without a tag no purge could reach it.
  if (!beresp.http.xkey && bereq.url !~ "^/(_next/static|media)/") {
    if (beresp.ttl > 60s) {
      set beresp.ttl = 60s;
    }
    if (beresp.grace > 10s) {
      set beresp.grace = 10s;
    }
  }
  # A failed render is not kept (stale-if-error serves the last good copy instead).
  if (beresp.status >= 500) {
    set beresp.ttl = 0s;
    set beresp.uncacheable = true;
    return (deliver);
  }
}

sub vcl_backend_error {
  # The app is away: a purged page is gone for good, anything else may be served stale (grace).
  return (deliver);
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.x-cache = "HIT";
  } else {
    set resp.http.x-cache = "MISS";
  }
  unset resp.http.xkey;
  # The tags are for caches; browsers have no use for them.
  unset resp.http.surrogate-key;
  unset resp.http.cache-tag;
  unset resp.http.via;
  unset resp.http.x-varnish;
}
