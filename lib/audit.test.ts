import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, cleanAuditSummary } from "./audit";

describe("audit summaries", () => {
  it("never keep a secret, whatever a caller passes", () => {
    const cleaned = cleanAuditSummary({
      name: "Jörg Grüße",
      password: "correct horse",
      temporaryPassword: "x",
      passwordHash: "$argon2id$…",
      sessionId: "abc",
      session_id: "abc",
      deviceToken: "t",
      nested: { newPassword: "y", kept: "ja", totpSecret: "JBSW", recoveryCodes: ["1"] },
    });
    expect(cleaned).toEqual({ name: "Jörg Grüße", nested: { kept: "ja" } });
  });

  it("cut long texts, long lists and deep nesting", () => {
    const cleaned = cleanAuditSummary({ text: "ß".repeat(1000), ids: Array.from({ length: 60 }, (_, i) => i), deep: { a: { b: { c: { d: { e: 1 } } } } } }) as Record<string, unknown>;
    expect((cleaned.text as string).length).toBe(301);
    expect((cleaned.ids as unknown[]).length).toBe(51);
    expect((cleaned.ids as unknown[])[50]).toBe("… 10 more");
    expect(cleaned.deep).toEqual({ a: { b: { c: "…" } } });
  });

  it("name each action once", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });
});
