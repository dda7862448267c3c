// The journeys' data factory must not exist on a real server: without the token that only the
// e2e server is given (scripts/e2e-server.ts → scripts/start.ts), or with any other token, its
// address answers exactly like an address that does not exist, before touching the database.
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/test-factory/route";
import { factoryAllowed } from "./factory";

const TOKEN = "a".repeat(64);
const previous = process.env.COPYDESK_TEST_FACTORY_TOKEN;
afterEach(() => {
  if (previous === undefined) delete process.env.COPYDESK_TEST_FACTORY_TOKEN;
  else process.env.COPYDESK_TEST_FACTORY_TOKEN = previous;
});

const ask = (header?: string) =>
  POST(
    new Request("http://localhost/api/test-factory", {
      method: "POST",
      headers: { "content-type": "application/json", ...(header === undefined ? {} : { "x-copydesk-test-factory": header }) },
      // A request that would write if it got through: the database is never reached (there is none set up here).
      body: JSON.stringify({ kind: "article", author: "editor@copydesk.test", headline: "Darf es nicht geben", section: "politik", paragraphs: ["x"], status: "published" }),
    }),
  );

describe("the test data factory", () => {
  it("is absent on a server without a factory token, whatever the request carries", async () => {
    delete process.env.COPYDESK_TEST_FACTORY_TOKEN;
    for (const header of [undefined, "", TOKEN, "undefined"]) {
      const response = await ask(header);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
  });

  it("answers 404 to a wrong or missing token where it exists", async () => {
    process.env.COPYDESK_TEST_FACTORY_TOKEN = TOKEN;
    for (const header of [undefined, "", TOKEN.slice(1), `${TOKEN}a`, "b".repeat(64)]) expect((await ask(header)).status).toBe(404);
  });

  it("opens only for a long token, compared in full", () => {
    expect(factoryAllowed(TOKEN, TOKEN)).toBe(true);
    expect(factoryAllowed("short", "short")).toBe(false); // a token too short to be one of ours
    expect(factoryAllowed(TOKEN, undefined)).toBe(false);
    expect(factoryAllowed(null, TOKEN)).toBe(false);
    expect(factoryAllowed(TOKEN.toUpperCase(), TOKEN)).toBe(false);
  });
});
