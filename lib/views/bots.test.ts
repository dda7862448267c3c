import { describe, expect, it } from "vitest";
import { isMachineRequest } from "./bots";

const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("isMachineRequest", () => {
  it("lets people's browsers through", () => {
    for (const agent of [chrome, iphone, firefox]) expect(isMachineRequest(request({ "user-agent": agent }))).toBe(false);
    expect(isMachineRequest(request({ "user-agent": chrome, "sec-fetch-site": "same-origin", "sec-purpose": "" }))).toBe(false);
  });

  it.each([
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"],
    ["Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"],
    ["Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)"],
    ["Baiduspider+(+http://www.baidu.com/search/spider.htm)"],
    ["CCBot/2.0 (https://commoncrawl.org/faq/)"],
    ["Mozilla/5.0 (compatible; SemrushCrawler)"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"],
    ["Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse"],
    ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
    ["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"],
    ["WhatsApp/2.23.20.0"],
    ["TelegramBot (like TwitterBot)"],
    ["Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5"],
    ["curl/8.5.0"],
    ["python-requests/2.32.3"],
  ])("counts %s as a machine", (agent) => {
    expect(isMachineRequest(request({ "user-agent": agent }))).toBe(true);
  });

  it("counts a request without a User-Agent as a machine", () => {
    expect(isMachineRequest(request({}))).toBe(true);
    expect(isMachineRequest(request({ "user-agent": "  " }))).toBe(true);
  });

  it("does not count prefetches and prerenders of a browser", () => {
    expect(isMachineRequest(request({ "user-agent": chrome, "sec-purpose": "prefetch" }))).toBe(true);
    expect(isMachineRequest(request({ "user-agent": chrome, "sec-purpose": "prefetch;prerender" }))).toBe(true);
    expect(isMachineRequest(request({ "user-agent": chrome, purpose: "prefetch" }))).toBe(true);
    expect(isMachineRequest(request({ "user-agent": firefox, "x-moz": "prefetch" }))).toBe(true);
  });
});
