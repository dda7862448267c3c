// Two-factor sign-in with an authenticator app, on the verbs: enrolment is confirmed with a code
// before it counts; the secret is stored sealed; each code and each recovery code works once;
// wrong codes are throttled like passwords; removing needs a code or the password; an admin's
// reset removes everything and ends the person's sessions.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import { currentTotp } from "@/lib/second-factor/totp";
import type { Viewer } from "@/lib/permissions";
import type { Db } from "../client";
import { auditEvents, userSecondFactors, userSessions, users } from "../schema";
import { engine, inRollback, newsroom } from "../testing";
import { startSession } from "../sessions/start";
import { SIGN_IN_LIMITS, signInWithThrottle } from "../users/sign-in";
import { beginTotpEnrolment } from "./begin-totp";
import { confirmTotp } from "./confirm-totp";
import { getSecondFactorStatus } from "./queries";
import { regenerateRecoveryCodes } from "./regenerate-recovery";
import { removeTotp } from "./remove-totp";
import { resetSecondFactor } from "./reset";
import { verifySignInCode } from "./verify-sign-in";
import { mustEnrolSecondFactor } from "./queries";
import { createArticle } from "../articles/create";
import { doc } from "../testing";
import { getSecondFactorRoles, setSecondFactorRoles } from "../settings/second-factor-roles";

const PASSWORD = "correct horse battery";
/** A code from the next 30-second step: the one just used for confirming is spent. */
const nextCode = (secret: string, steps = 1) => currentTotp(secret, Math.floor(Date.now() / 1000) + 30 * steps);

async function enrol(tx: Db, viewer: Viewer) {
  const { secret, uri } = await beginTotpEnrolment({ ctx: { viewer, tx } });
  expect(uri).toMatch(/^otpauth:\/\/totp\/Copydesk:/);
  const { recoveryCodes } = await confirmTotp({ ctx: { viewer, tx }, input: { code: await currentTotp(secret) } });
  return { secret, recoveryCodes };
}

async function auditActions(tx: Db, userId: number) {
  return (await tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, String(userId))).orderBy(auditEvents.id)).map((r) => r.action);
}

describe(`second factor (authenticator app) on ${engine}`, () => {
  it("is active only once confirmed with a code; the secret is stored sealed; sign-in then asks for a code", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const viewer = n.editor;
      const [{ email }] = await tx.select({ email: users.email }).from(users).where(eq(users.id, viewer.id));
      const { secret } = await beginTotpEnrolment({ ctx: { viewer, tx } });
      expect(await signInWithThrottle({ email, password: PASSWORD }, { tx })).toMatchObject({ status: "ok", secondFactorDue: false }); // not yet confirmed
      const [stored] = await tx.select({ secret: userSecondFactors.secret }).from(userSecondFactors).where(eq(userSecondFactors.userId, viewer.id));
      expect(stored.secret).not.toContain(secret);
      expect(stored.secret).toMatch(/^v1\./);

      await expect(confirmTotp({ ctx: { viewer, tx }, input: { code: "000000" === (await currentTotp(secret)) ? "111111" : "000000" } })).rejects.toBeInstanceOf(Invalid);
      await expect(confirmTotp({ ctx: { viewer, tx }, input: { code: "12a456" } })).rejects.toMatchObject({ fieldErrors: { code: ["validation.totpInvalid"] } });
      const { recoveryCodes } = await confirmTotp({ ctx: { viewer, tx }, input: { code: await currentTotp(secret) } });
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      expect(await getSecondFactorStatus(viewer.id, { tx })).toEqual({ totp: true, totpPending: false, recoveryCodesLeft: 10 });
      expect(await signInWithThrottle({ email, password: PASSWORD }, { tx })).toMatchObject({ status: "ok", secondFactorDue: true });
      // A second app cannot be started over the confirmed one.
      await expect(beginTotpEnrolment({ ctx: { viewer, tx } })).rejects.toMatchObject({ message: "errors.totpAlreadyEnrolled" });
      expect(await auditActions(tx, viewer.id)).toEqual(expect.arrayContaining(["second_factor.enrol_start", "second_factor.enrol"]));
    }));

  it("each app code and each recovery code signs in once; wrong codes are throttled like passwords", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const { secret, recoveryCodes } = await enrol(tx, n.journalist);
      const userId = n.journalist.id;
      const code = await nextCode(secret);
      expect(await verifySignInCode({ userId, code, address: "198.51.100.1" }, { tx })).toMatchObject({ status: "ok", method: "totp" });
      expect(await verifySignInCode({ userId, code, address: "198.51.100.1" }, { tx })).toEqual({ status: "invalid" }); // replayed

      // Recovery codes: any case, with or without the dash; each once.
      const [first, second] = recoveryCodes;
      expect(await verifySignInCode({ userId, code: first.toUpperCase().replace("-", " ") }, { tx })).toMatchObject({ status: "ok", method: "recovery", recoveryCodesLeft: 9 });
      expect(await verifySignInCode({ userId, code: first }, { tx })).toEqual({ status: "invalid" });
      // Another person's codes do nothing here.
      const other = await enrol(tx, n.editor);
      expect(await verifySignInCode({ userId, code: other.recoveryCodes[0] }, { tx })).toEqual({ status: "invalid" });

      // Guessing: after the account's allowance even a right code waits.
      // Two failures so far since the last success (the reused recovery code, the other person's).
      for (let i = 2; i < SIGN_IN_LIMITS.account.limit; i++) expect((await verifySignInCode({ userId, code: String(100000 + i) }, { tx })).status).toBe("invalid");
      expect((await verifySignInCode({ userId, code: second }, { tx })).status).toBe("throttled");
      expect(await auditActions(tx, userId)).toEqual(expect.arrayContaining(["signin.second_factor", "second_factor.recovery_used", "signin.second_factor_failure", "signin.throttled"]));
    }));

  it("removing the app or making new recovery codes needs a current code or the password", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const viewer = n.editor;
      const { secret, recoveryCodes } = await enrol(tx, viewer);
      await expect(removeTotp({ ctx: { viewer, tx }, input: { proof: "not my password" } })).rejects.toMatchObject({ fieldErrors: { proof: ["validation.factorProofWrong"] } });
      await expect(removeTotp({ ctx: { viewer, tx }, input: { proof: "" } })).rejects.toMatchObject({ fieldErrors: { proof: ["validation.factorProofRequired"] } });

      const renewed = await regenerateRecoveryCodes({ ctx: { viewer, tx }, input: { proof: await nextCode(secret) } });
      expect(renewed.recoveryCodes).toHaveLength(10);
      expect(await verifySignInCode({ userId: viewer.id, code: recoveryCodes[0] }, { tx })).toEqual({ status: "invalid" }); // the old ones are void
      expect((await verifySignInCode({ userId: viewer.id, code: renewed.recoveryCodes[0] }, { tx })).status).toBe("ok");

      await removeTotp({ ctx: { viewer, tx }, input: { proof: PASSWORD } });
      expect(await getSecondFactorStatus(viewer.id, { tx })).toEqual({ totp: false, totpPending: false, recoveryCodesLeft: 0 });
      const [{ email }] = await tx.select({ email: users.email }).from(users).where(eq(users.id, viewer.id));
      expect(await signInWithThrottle({ email, password: PASSWORD }, { tx })).toMatchObject({ status: "ok", secondFactorDue: false });
      expect(await auditActions(tx, viewer.id)).toEqual(expect.arrayContaining(["second_factor.recovery_regenerate", "second_factor.remove"]));
    }));

  it("wrong proofs are throttled: a borrowed signed-in browser cannot guess its way to removing the app", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      await enrol(tx, n.editor);
      for (let i = 0; i < 5; i++) await expect(removeTotp({ ctx: { viewer: n.editor, tx }, input: { proof: `guess ${i}` } })).rejects.toBeInstanceOf(Invalid);
      await expect(removeTotp({ ctx: { viewer: n.editor, tx }, input: { proof: PASSWORD } })).rejects.toMatchObject({ fieldErrors: { proof: ["validation.factorProofThrottled"] } });
    }));

  it("an admin resets someone's second factor: factors and codes go, sessions end, one audit row; others may not", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      await enrol(tx, n.journalist);
      await startSession({ userId: n.journalist.id, userAgent: "test", address: null }, { tx });
      await expect(resetSecondFactor({ ctx: { viewer: n.editor, tx }, input: { id: n.journalist.id } })).rejects.toBeInstanceOf(Forbidden);
      await expect(resetSecondFactor({ ctx: { viewer: n.journalist, tx }, input: { id: n.journalist.id } })).rejects.toBeInstanceOf(Forbidden);
      const [before] = await tx.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, n.journalist.id));
      await resetSecondFactor({ ctx: { viewer: n.admin, tx }, input: { id: n.journalist.id } });
      expect(await getSecondFactorStatus(n.journalist.id, { tx })).toEqual({ totp: false, totpPending: false, recoveryCodesLeft: 0 });
      expect(await tx.select().from(userSessions).where(eq(userSessions.userId, n.journalist.id))).toHaveLength(0);
      const [after] = await tx.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, n.journalist.id));
      expect(after.sv).toBe(before.sv + 1);
      const rows = await tx.select().from(auditEvents).where(and(eq(auditEvents.action, "user.second_factor_reset"), eq(auditEvents.targetId, String(n.journalist.id))));
      expect(rows).toHaveLength(1);
      expect(rows[0].actorId).toBe(n.admin.id);
    }));

  it("a role that requires a second factor (admin and editor by default) may do nothing but enrol until it has one", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      expect(await getSecondFactorRoles({ tx })).toEqual(["admin", "editor"]);
      expect(await mustEnrolSecondFactor(n.editor, { tx })).toBe(true);
      expect(await mustEnrolSecondFactor(n.journalist, { tx })).toBe(false);
      // What app/auth.ts's getViewer hands the verbs for such a person: every capability is refused…
      const unenrolled = { ...n.editor, mustEnrol: true };
      const input = { headline: "Gesperrt", standfirst: "", sectionId: n.sections.politik.id, language: "de" as const, body: doc("Text.") };
      await expect(createArticle({ ctx: { viewer: unenrolled, tx }, input })).rejects.toMatchObject({ message: "errors.secondFactorRequired" });
      // …but enrolling is not, and afterwards the requirement is met.
      await enrol(tx, unenrolled);
      expect(await mustEnrolSecondFactor(n.editor, { tx })).toBe(false);
      await createArticle({ ctx: { viewer: n.editor, tx }, input });

      // Only an admin changes the setting; one audit row with before and after.
      await expect(setSecondFactorRoles({ ctx: { viewer: n.editor, tx }, input: { roles: [] } })).rejects.toBeInstanceOf(Forbidden);
      await expect(setSecondFactorRoles({ ctx: { viewer: n.admin, tx }, input: { roles: ["owner"] as never } })).rejects.toBeInstanceOf(Invalid);
      expect(await setSecondFactorRoles({ ctx: { viewer: n.admin, tx }, input: { roles: ["journalist", "admin", "journalist"] } })).toEqual(["admin", "journalist"]);
      expect(await mustEnrolSecondFactor(n.journalist, { tx })).toBe(true);
      expect(await mustEnrolSecondFactor(n.admin, { tx })).toBe(true);
      const [row] = await tx.select().from(auditEvents).where(eq(auditEvents.action, "settings.second_factor_roles"));
      expect(row.summary).toEqual({ before: ["admin", "editor"], after: ["admin", "journalist"] });
    }));
});
