// Which requests are not a person reading: crawlers, link-preview fetchers, headless browsers,
// audits, and prefetches (a page fetched in case the reader clicks is not a page read).
// Pure, so it is tested in milliseconds; the view route asks it before counting.

/** User-Agent fragments of machines, matched case-insensitively. */
const MACHINE_AGENTS = new RegExp(
  [
    "bot", // Googlebot, bingbot, Twitterbot, Slackbot, TelegramBot, Discordbot, LinkedInBot …
    "crawl",
    "spider",
    "slurp", // Yahoo
    "headless", // HeadlessChrome, headless Firefox
    "lighthouse", // Chrome-Lighthouse, PageSpeed
    "pagespeed",
    "preview", // SkypeUriPreview, Google Web Preview, Bing preview …
    "facebookexternalhit",
    "facebookcatalog",
    "whatsapp",
    "embedly",
    "iframely",
    "google-inspectiontool",
    "google-read-aloud",
    "phantomjs",
    "puppeteer",
    "playwright",
    "selenium",
    "python-",
    "curl/",
    "wget/",
    "go-http-client",
    "okhttp",
    "node-fetch",
    "undici",
    "axios/",
    "java/",
    "httpclient",
    "monitor", // uptime monitors
    "pingdom",
  ].join("|"),
  "i",
);

type HeaderSource = { get(name: string): string | null };

/** Whether a request comes from a machine or a prefetch rather than a person reading. */
export function isMachineRequest(headers: HeaderSource): boolean {
  const agent = headers.get("user-agent")?.trim() ?? "";
  if (agent === "" || MACHINE_AGENTS.test(agent)) return true;
  // Sec-Purpose: "prefetch" or "prefetch;prerender" (speculation rules); Purpose / X-Purpose / X-Moz: older browsers.
  for (const name of ["sec-purpose", "purpose", "x-purpose", "x-moz"]) {
    const value = headers.get(name)?.toLowerCase() ?? "";
    if (value.includes("prefetch") || value.includes("preview") || value.includes("prerender")) return true;
  }
  return false;
}
