# A site's Varnish configuration: its app instances, a round-robin director named `app` over
# them, then Copydesk's behaviour (purge by tag, what is cached). Copy, set the backends and the
# path, and start: varnishd -a :80 -f /etc/varnish/copydesk-site.vcl
vcl 4.1;

import directors;

backend app1 {
  .host = "10.0.0.11";
  .port = "3000";
}
backend app2 {
  .host = "10.0.0.12";
  .port = "3000";
}

sub vcl_init {
  new app = directors.round_robin();
  app.add_backend(app1);
  app.add_backend(app2);
}

include "/srv/copydesk/deploy/varnish/copydesk.vcl";
