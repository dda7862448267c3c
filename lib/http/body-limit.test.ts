import { describe, expect, it } from "vitest";
import { ACTION_MAX_DEPTH, jsonDepth } from "./body-limit.mjs";

describe("action argument nesting", () => {
  it("counts [ and { outside strings only", () => {
    expect(jsonDepth('[{"a":[1,{"b":2}]}]')).toBe(4);
    expect(jsonDepth('["[[[[{{{{", "\\"[[[["]')).toBe(1);
    expect(jsonDepth("[]")).toBe(1);
    expect(jsonDepth('"kein Array"')).toBe(0);
  });

  it("stops once past the limit, however deep the text goes", () => {
    expect(jsonDepth("[".repeat(100_000))).toBe(ACTION_MAX_DEPTH + 1);
  });
});
