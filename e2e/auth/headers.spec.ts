// Protective headers: on every page, and no framing of the newsroom.
import { expect, test } from "@playwright/test";

test("pages send protective headers and the desk refuses to be framed", async ({ request }) => {
  const home = await request.get("/");
  expect(home.headers()["x-content-type-options"]).toBe("nosniff");
  expect(home.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(home.headers()["permissions-policy"]).toContain("camera=()");
  expect(home.headers()["x-powered-by"]).toBeUndefined();

  const signin = await request.get("/signin");
  expect(signin.headers()["x-frame-options"]).toBe("DENY");
  expect(signin.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const desk = await request.get("/desk", { maxRedirects: 0 });
  expect(desk.headers()["x-frame-options"]).toBe("DENY");
});
