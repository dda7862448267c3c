// Pages and feeds are read, forms post: TRACE, PUT, DELETE and the like answer 405 before any page
// is rendered for them (lib/http/methods.mjs, called by scripts/serve.mjs).
import { expect, test } from "../fixtures";

const PATHS = ["/", "/politik", "/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden", "/feeds/rss.xml", "/feeds/section/politik/atom.xml", "/signin", "/desk", "/search?q=Hafen"];

test("TRACE, PUT, DELETE and PATCH on pages and feeds answer 405; GET still 200", async ({ request }) => {
  const answers: string[] = [];
  for (const path of PATHS) {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH"]) {
      const response = await request.fetch(path, { method, maxRedirects: 0, failOnStatusCode: false });
      answers.push(`${method} ${path} ${response.status()} ${response.headers().allow ?? ""}`);
    }
  }
  expect(answers).toEqual(PATHS.flatMap((path) => ["TRACE", "PUT", "DELETE", "PATCH"].map((method) => `${method} ${path} 405 GET, HEAD, POST`)));
  expect((await request.get("/feeds/rss.xml")).status()).toBe(200);
});
