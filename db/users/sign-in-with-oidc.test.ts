// Single sign-on: who the identity provider's word lets in, with which role, and what is written
// down. The claims are what Auth.js hands over after checking the ID token (e2e/auth/sso.spec.ts
// runs the whole redirect flow against a real provider).
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { passwordSignInEnabled, ssoConfig, type OidcPolicy } from "@/lib/sso";
import type { Db } from "../client";
import { auditEvents, userSecondFactors, userSessions, users } from "../schema";
import { setSecondFactorRoles } from "../settings/second-factor-roles";
import { SYSTEM_VIEWER } from "../context";
import { startSession } from "../sessions/start";
import { checkSession } from "../sessions/check";
import { sessionPolicy } from "@/lib/session-policy";
import { engine, inRollback, newsroom } from "../testing";
import { verifyCredentials } from "./queries";
import { signInWithOidc } from "./sign-in-with-oidc";

const plain: OidcPolicy = { defaultRole: null, groupsClaim: null, roleMap: {}, mfaAmr: ["mfa"] };
const mapped: OidcPolicy = { defaultRole: null, groupsClaim: "groups", roleMap: { "desk-admins": "admin", "desk-editors": "editor", newsroom: "journalist" }, mfaAmr: ["mfa"] };

async function emailOf(tx: Db, id: number) {
  return (await tx.select({ email: users.email }).from(users).where(eq(users.id, id)))[0].email;
}

/** The audit rows written since `afterId`, oldest first. */
async function auditSince(tx: Db, afterId: number) {
  return tx
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, targetId: auditEvents.targetId, address: auditEvents.address, summary: auditEvents.summary })
    .from(auditEvents)
    .where(gt(auditEvents.id, afterId))
    .orderBy(auditEvents.id);
}

async function lastAuditId(tx: Db) {
  const [row] = await tx.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return row?.id ?? 0;
}

describe(`single sign-on on ${engine}`, () => {
  it("matches an existing account by its verified email, whatever its case, and audits the sign-in", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      await setSecondFactorRoles({ ctx: { viewer: SYSTEM_VIEWER, tx }, input: { roles: [] } });
      const email = await emailOf(tx, n.editor.id);
      const before = await lastAuditId(tx);
      const result = await signInWithOidc({ claims: { sub: "abc", email: email.toUpperCase(), email_verified: true }, policy: plain, address: "203.0.113.9" }, { tx });
      expect(result).toEqual({ status: "ok", user: { id: n.editor.id, name: n.editor.name, email, role: "editor", sessionVersion: 1 }, created: false, secondFactor: "none" });
      expect(await auditSince(tx, before)).toEqual([
        { action: "signin.success", actorId: n.editor.id, targetId: String(n.editor.id), address: "203.0.113.9", summary: { via: "sso", created: false, secondFactor: "none" } },
      ]);
    }));

  it("refuses an unverified email, even of an existing account, and writes only the refusal", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = await emailOf(tx, n.admin.id);
      for (const email_verified of [false, undefined, "yes", 1]) {
        const before = await lastAuditId(tx);
        expect(await signInWithOidc({ claims: { sub: "x", email, email_verified }, policy: { ...plain, defaultRole: "journalist" }, address: "203.0.113.9" }, { tx })).toEqual({ status: "refused", reason: "unverified" });
        expect(await auditSince(tx, before)).toEqual([{ action: "signin.failure", actorId: null, targetId: email, address: "203.0.113.9", summary: { via: "sso", reason: "unverified" } }]);
      }
      // The string "true" some providers send counts.
      expect(await signInWithOidc({ claims: { sub: "x", email, email_verified: "true" }, policy: plain }, { tx })).toMatchObject({ status: "ok", user: { id: n.admin.id } });
    }));

  it("refuses claims without an email, or malformed ones, without touching an account", () =>
    inRollback(async (tx) => {
      const [{ n: before }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
      for (const claims of [{ sub: "x", email_verified: true }, { sub: 42, email: "a@example.org", email_verified: true }, "claims", null]) {
        expect(await signInWithOidc({ claims, policy: { ...plain, defaultRole: "journalist" } } as never, { tx })).toEqual({ status: "refused", reason: "invalid" });
      }
      const [{ n: after }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
      expect(after).toBe(before);
    }));

  it("refuses an unknown email when there is no default role, and creates the account (audited) when there is", () =>
    inRollback(async (tx) => {
      const email = `neu-${Date.now()}@example.org`;
      const claims = { sub: "neu", email, email_verified: true, name: "Nora Neu" };
      let before = await lastAuditId(tx);
      expect(await signInWithOidc({ claims, policy: plain }, { tx })).toEqual({ status: "refused", reason: "unknown" });
      expect(await auditSince(tx, before)).toEqual([{ action: "signin.failure", actorId: null, targetId: email, address: null, summary: { via: "sso", reason: "unknown" } }]);
      expect(await tx.select().from(users).where(eq(users.email, email))).toEqual([]);

      before = await lastAuditId(tx);
      const result = await signInWithOidc({ claims, policy: { ...plain, defaultRole: "journalist" } }, { tx });
      expect(result).toMatchObject({ status: "ok", created: true, user: { name: "Nora Neu", email, role: "journalist" } });
      const id = result.status === "ok" ? result.user.id : 0;
      expect(await auditSince(tx, before)).toEqual([
        { action: "user.create", actorId: null, targetId: String(id), address: null, summary: { email, name: "Nora Neu", role: "journalist", via: "sso" } },
        { action: "signin.success", actorId: id, targetId: String(id), address: null, summary: { via: "sso", created: true, secondFactor: "none" } },
      ]);
      // The account has no password anyone knows: only the provider signs it in.
      expect(await verifyCredentials({ email, password: "" }, { tx })).toBeNull();
      // The second time it is found, not created again.
      expect(await signInWithOidc({ claims, policy: { ...plain, defaultRole: "journalist" } }, { tx })).toMatchObject({ status: "ok", created: false, user: { id } });
    }));

  it("refuses a deactivated account, whatever the provider says", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = await emailOf(tx, n.journalist.id);
      await tx.update(users).set({ active: false }).where(eq(users.id, n.journalist.id));
      const before = await lastAuditId(tx);
      expect(await signInWithOidc({ claims: { sub: "j", email, email_verified: true, groups: ["desk-admins"] }, policy: { ...mapped, defaultRole: "journalist" } }, { tx })).toEqual({ status: "refused", reason: "inactive" });
      expect((await auditSince(tx, before)).map((r) => [r.action, r.summary])).toEqual([["signin.failure", { via: "sso", reason: "inactive" }]]);
      const [row] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, n.journalist.id));
      expect(row).toEqual({ role: "journalist", active: false });
    }));

  it("maps groups to roles at every sign-in: the highest wins, a change is audited and ends the person's other sessions", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      await setSecondFactorRoles({ ctx: { viewer: SYSTEM_VIEWER, tx }, input: { roles: [] } });
      const email = await emailOf(tx, n.journalist.id);
      const other = await startSession({ userId: n.journalist.id }, { tx });

      let before = await lastAuditId(tx);
      const promoted = await signInWithOidc({ claims: { sub: "j", email, email_verified: true, groups: ["newsroom", "desk-editors", "unrelated"] }, policy: mapped }, { tx });
      expect(promoted).toMatchObject({ status: "ok", user: { id: n.journalist.id, role: "editor", sessionVersion: 2 } });
      expect(await auditSince(tx, before)).toEqual([
        { action: "user.role", actorId: null, targetId: String(n.journalist.id), address: null, summary: { name: n.journalist.name, before: "journalist", after: "editor", via: "sso", sessionsEnded: 1 } },
        { action: "signin.success", actorId: n.journalist.id, targetId: String(n.journalist.id), address: null, summary: { via: "sso", created: false, secondFactor: "none" } },
      ]);
      expect(await tx.select().from(userSessions).where(eq(userSessions.id, other))).toEqual([]);

      // The same groups again: no change, no role row.
      before = await lastAuditId(tx);
      await signInWithOidc({ claims: { sub: "j", email, email_verified: true, groups: ["desk-editors"] }, policy: mapped }, { tx });
      expect((await auditSince(tx, before)).map((r) => r.action)).toEqual(["signin.success"]);

      // Taken out of the editors' group at the provider: back to journalist at the next sign-in.
      expect(await signInWithOidc({ claims: { sub: "j", email, email_verified: true, groups: "newsroom" }, policy: mapped }, { tx })).toMatchObject({ user: { role: "journalist" } });
      // A nested claim (Keycloak's realm_access.roles).
      const keycloak = { ...mapped, groupsClaim: "realm_access.roles" };
      expect(await signInWithOidc({ claims: { sub: "j", email, email_verified: true, realm_access: { roles: ["desk-admins"] } }, policy: keycloak }, { tx })).toMatchObject({ user: { role: "admin" } });
    }));

  it("with a mapping, someone in none of the groups gets the default role, or is refused without one", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = await emailOf(tx, n.editor.id);
      const claims = { sub: "e", email, email_verified: true, groups: ["unrelated"] };
      expect(await signInWithOidc({ claims, policy: mapped }, { tx })).toEqual({ status: "refused", reason: "no_role" });
      expect((await tx.select({ role: users.role }).from(users).where(eq(users.id, n.editor.id)))[0].role).toBe("editor");
      expect(await signInWithOidc({ claims, policy: { ...mapped, defaultRole: "journalist" } }, { tx })).toMatchObject({ status: "ok", user: { role: "journalist" } });
      // A new person is created with the mapped role, not the default.
      const fresh = `gruppe-${Date.now()}@example.org`;
      expect(await signInWithOidc({ claims: { sub: "g", email: fresh, email_verified: true, groups: ["desk-editors"] }, policy: { ...mapped, defaultRole: "journalist" } }, { tx })).toMatchObject({ status: "ok", created: true, user: { role: "editor" } });
      expect(await signInWithOidc({ claims: { sub: "h", email: `x${fresh}`, email_verified: true, groups: [] }, policy: mapped }, { tx })).toEqual({ status: "refused", reason: "unknown" });
    }));

  it("second factor: the provider's amr satisfies it; otherwise a Copydesk factor is asked for, or the role's requirement gates the session", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      await setSecondFactorRoles({ ctx: { viewer: SYSTEM_VIEWER, tx }, input: { roles: ["admin", "editor"] } });
      const editor = await emailOf(tx, n.editor.id);
      const journalist = await emailOf(tx, n.journalist.id);
      const sso = (email: string, amr?: string[]) => signInWithOidc({ claims: { sub: "s", email, email_verified: true, ...(amr ? { amr } : {}) }, policy: plain }, { tx });
      expect(await sso(editor)).toMatchObject({ secondFactor: "enrol" });
      expect(await sso(editor, ["pwd"])).toMatchObject({ secondFactor: "enrol" });
      expect(await sso(editor, ["pwd", "mfa"])).toMatchObject({ secondFactor: "idp" });
      expect(await sso(journalist)).toMatchObject({ secondFactor: "none" });
      // With a confirmed Copydesk factor, a provider that did not say it asked for one is one factor only.
      await tx.insert(userSecondFactors).values({ userId: n.journalist.id, kind: "totp", secret: "sealed", confirmedAt: new Date() });
      expect(await sso(journalist)).toMatchObject({ secondFactor: "code" });
      expect(await sso(journalist, ["mfa"])).toMatchObject({ secondFactor: "idp" });
      // `none` trusts no amr at all.
      expect(await signInWithOidc({ claims: { sub: "s", email: journalist, email_verified: true, amr: ["mfa"] }, policy: { ...plain, mfaAmr: [] } }, { tx })).toMatchObject({ secondFactor: "code" });
      const rows = await tx.select({ summary: auditEvents.summary }).from(auditEvents).where(and(eq(auditEvents.action, "signin.success"), eq(auditEvents.actorId, n.journalist.id)));
      expect(rows.map((r) => (r.summary as { secondFactor: string }).secondFactor)).toEqual(["none", "code", "idp", "code"]);
    }));
});

describe(`sessions after single sign-on on ${engine}`, () => {
  it("remember whether the provider did the second factor; no other session claims it", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const policy = sessionPolicy({});
      const atProvider = await startSession({ userId: n.editor.id, secondFactorAtProvider: true }, { tx });
      const plainSession = await startSession({ userId: n.editor.id }, { tx });
      expect(await checkSession(atProvider, n.editor.id, policy, { tx })).toEqual({ secondFactorAtProvider: true });
      expect(await checkSession(plainSession, n.editor.id, policy, { tx })).toEqual({ secondFactorAtProvider: false });
      expect(await checkSession(atProvider, n.journalist.id, policy, { tx })).toBeNull(); // another person's id
      expect(await checkSession(undefined, n.editor.id, policy, { tx })).toBeNull();
    }));
});

describe("single sign-on settings", () => {
  const base = { COPYDESK_OIDC_ISSUER: "https://id.example.org/realms/news", COPYDESK_OIDC_CLIENT_ID: "copydesk", COPYDESK_OIDC_CLIENT_SECRET: "s3cret" };

  it("is off without an issuer, and refuses half a configuration", () => {
    expect(ssoConfig({})).toBeNull();
    expect(() => ssoConfig({ COPYDESK_OIDC_ISSUER: base.COPYDESK_OIDC_ISSUER })).toThrow(/CLIENT_ID/);
    expect(() => ssoConfig({ ...base, COPYDESK_OIDC_DEFAULT_ROLE: "chief" })).toThrow(/DEFAULT_ROLE/);
    expect(() => ssoConfig({ ...base, COPYDESK_OIDC_ROLE_MAP: "a=editor" })).toThrow(/GROUPS_CLAIM/);
    expect(() => ssoConfig({ ...base, COPYDESK_OIDC_GROUPS_CLAIM: "groups", COPYDESK_OIDC_ROLE_MAP: "a=boss" })).toThrow(/ROLE_MAP/);
  });

  it("reads the default role, the mapping and the amr values", () => {
    expect(ssoConfig({ ...base, COPYDESK_OIDC_LABEL: "Keycloak", COPYDESK_OIDC_DEFAULT_ROLE: "journalist", COPYDESK_OIDC_GROUPS_CLAIM: "groups", COPYDESK_OIDC_ROLE_MAP: "desk=editor, admins=admin" })).toEqual({
      ...{ issuer: base.COPYDESK_OIDC_ISSUER, clientId: "copydesk", clientSecret: "s3cret", label: "Keycloak", scopes: "openid profile email" },
      policy: { defaultRole: "journalist", groupsClaim: "groups", roleMap: { desk: "editor", admins: "admin" }, mfaAmr: ["mfa"] },
    });
    expect(ssoConfig({ ...base, COPYDESK_OIDC_GROUPS_CLAIM: "groups", COPYDESK_OIDC_ROLE_MAP: '{"cn=desk,ou=news": "editor"}' })?.policy.roleMap).toEqual({ "cn=desk,ou=news": "editor" });
    expect(ssoConfig({ ...base, COPYDESK_OIDC_MFA_AMR: "none" })?.policy).toMatchObject({ defaultRole: null, mfaAmr: [] });
  });

  it("switches password sign-in off only when single sign-on is configured", () => {
    expect(passwordSignInEnabled({})).toBe(true);
    expect(passwordSignInEnabled({ COPYDESK_PASSWORD_SIGNIN: "off" })).toBe(true);
    expect(passwordSignInEnabled({ ...base })).toBe(true);
    expect(passwordSignInEnabled({ ...base, COPYDESK_PASSWORD_SIGNIN: "off" })).toBe(false);
  });
});
