// Passkeys (WebAuthn) as a second factor, on the verbs, with real WebAuthn bytes: a software
// authenticator made here (a node:crypto P-256 key, attestation "none", assertions signed over
// authenticator data and the client data's hash) answers the challenges the verbs hand out, and
// @simplewebauthn/server checks the answers as it would a browser's. Adding needs a fresh
// challenge of one's own; sign-in needs one's own passkey, this site, and a counter past the last;
// removing needs proof; a passkey meets a role's requirement; an admin's reset removes passkeys.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import type { RelyingParty } from "@/lib/second-factor/passkeys";
import type { Viewer } from "@/lib/permissions";
import type { Db } from "../client";
import { auditEvents, userSecondFactors, users, webauthnChallenges } from "../schema";
import { engine, inRollback, newsroom } from "../testing";
import { SIGN_IN_LIMITS, signInWithThrottle } from "../users/sign-in";
import { currentTotp } from "@/lib/second-factor/totp";
import { addPasskey } from "./add-passkey";
import { beginTotpEnrolment } from "./begin-totp";
import { confirmTotp } from "./confirm-totp";
import { beginPasskeyEnrolment } from "./begin-passkey";
import { passkeySignInOptions } from "./passkey-sign-in-options";
import { getSecondFactorStatus, listPasskeys, mustEnrolSecondFactor, signInFactors } from "./queries";
import { removePasskey } from "./remove-passkey";
import { removeTotp } from "./remove-totp";
import { resetSecondFactor } from "./reset";
import { verifySignInCode } from "./verify-sign-in";
import { verifySignInPasskey } from "./verify-passkey-sign-in";

const PASSWORD = "correct horse battery";
const RP: RelyingParty = { id: "desk.example", name: "Copydesk", origin: "https://desk.example" };
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

/** A security key in software: one P-256 credential, its counter, and the bytes a browser would pass on. */
class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  counter = 0;

  constructor(private readonly rp: { id: string; origin: string } = RP) {}

  get id() {
    return b64(this.credentialId);
  }

  /** The COSE form of the public key (EC2, ES256, P-256). */
  private coseKey(): Map<number, number | Uint8Array> {
    const jwk = this.key.publicKey.export({ format: "jwk" });
    return new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
    ]);
  }

  private authData(flags: number, attested?: Uint8Array): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(this.rp.id), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin = this.rp.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create(), as @simplewebauthn/browser would post it (as JSON). */
  register(challenge: string, options: { origin?: string } = {}): string {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, Buffer.from(isoCBOR.encode(this.coseKey()))]);
    // Flags: user present (0x01), user verified (0x04), attested credential data (0x40).
    const authData = this.authData(0x45, attested);
    const statement = new Map<string, string | Map<string, string> | Uint8Array>([["fmt", "none"], ["attStmt", new Map<string, string>()], ["authData", new Uint8Array(authData)]]);
    const attestationObject = isoCBOR.encode(statement);
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: { clientDataJSON: b64(this.clientData("webauthn.create", challenge, options.origin)), attestationObject: b64(attestationObject), transports: ["usb"] },
      clientExtensionResults: {},
      authenticatorAttachment: "cross-platform",
    });
  }

  /** navigator.credentials.get(): the counter moves on (unless told to repeat it) and the assertion is signed. */
  assert(challenge: string, options: { origin?: string; keepCounter?: boolean } = {}): string {
    if (!options.keepCounter) this.counter += 1;
    const authData = this.authData(0x05);
    const clientDataJSON = this.clientData("webauthn.get", challenge, options.origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.key.privateKey);
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authData), signature: b64(signature) },
      clientExtensionResults: {},
    });
  }
}

async function enrolPasskey(tx: Db, viewer: Viewer, name = "Laptop", authenticator = new SoftwareAuthenticator()) {
  const options = await beginPasskeyEnrolment({ ctx: { viewer, tx }, rp: RP });
  const added = await addPasskey({ ctx: { viewer, tx }, rp: RP, input: { name, response: authenticator.register(options.challenge) } });
  return { authenticator, ...added };
}

/** A sign-in's passkey step: the options for this person, the authenticator's answer, its check. */
async function signInWith(tx: Db, userId: number, authenticator: SoftwareAuthenticator, options: { origin?: string; keepCounter?: boolean } = {}) {
  const request = await passkeySignInOptions({ userId, rp: RP }, { tx });
  expect(request).not.toBeNull();
  return verifySignInPasskey({ userId, response: authenticator.assert(request!.challenge, options), address: "198.51.100.7" }, RP, { tx });
}

async function auditRows(tx: Db, userId: number) {
  return tx
    .select({ action: auditEvents.action, summary: auditEvents.summary, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, String(userId)))
    .orderBy(auditEvents.id);
}

describe(`second factor (passkeys) on ${engine}`, () => {
  it("adding a passkey checks a real attestation against a fresh challenge of one's own; the first factor brings recovery codes", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const viewer = n.journalist;
      const [{ email }] = await tx.select({ email: users.email }).from(users).where(eq(users.id, viewer.id));
      const laptop = new SoftwareAuthenticator();

      // No challenge asked for: refused. A challenge for another site, or made up: refused.
      await expect(addPasskey({ ctx: { viewer, tx }, rp: RP, input: { name: "Laptop", response: laptop.register(b64(randomBytes(32))) } })).rejects.toMatchObject({ fieldErrors: { passkey: ["validation.passkeyRefused"] } });
      const options = await beginPasskeyEnrolment({ ctx: { viewer, tx }, rp: RP });
      expect(options.rp).toEqual({ id: "desk.example", name: "Copydesk" });
      expect(options.authenticatorSelection?.userVerification).toBe("preferred");
      const phishing = await addPasskey({ ctx: { viewer, tx }, rp: RP, input: { name: "Laptop", response: laptop.register(options.challenge, { origin: "https://desk.example.evil" }) } }).catch((e: unknown) => e);
      expect(phishing).toBeInstanceOf(Invalid);
      // That refusal used the challenge up: the right answer to it now comes too late.
      await expect(addPasskey({ ctx: { viewer, tx }, rp: RP, input: { name: "Laptop", response: laptop.register(options.challenge) } })).rejects.toBeInstanceOf(Invalid);
      // Another person's challenge does not serve.
      const othersOptions = await beginPasskeyEnrolment({ ctx: { viewer: n.editor, tx }, rp: RP });
      await expect(addPasskey({ ctx: { viewer, tx }, rp: RP, input: { name: "Laptop", response: laptop.register(othersOptions.challenge) } })).rejects.toBeInstanceOf(Invalid);
      await expect(addPasskey({ ctx: { viewer, tx }, rp: RP, input: { name: " ", response: "{}" } })).rejects.toMatchObject({ fieldErrors: { name: ["validation.passkeyNameRequired"], response: ["validation.passkeyRefused"] } });
      expect(await listPasskeys(viewer.id, { tx })).toEqual([]);
      expect(await signInWithThrottle({ email, password: PASSWORD }, { tx })).toMatchObject({ status: "ok", secondFactorDue: false });

      const first = await enrolPasskey(tx, viewer, "  Laptop  ", laptop);
      expect(first.recoveryCodes).toHaveLength(10);
      const [stored] = await tx.select().from(userSecondFactors).where(eq(userSecondFactors.id, first.id));
      expect(stored).toMatchObject({ kind: "passkey", label: "Laptop", credentialId: laptop.id, counter: 0, transports: ["usb"] });
      expect(stored.confirmedAt).toBeInstanceOf(Date);
      // A second passkey: the codes the person has are kept (no new ones).
      const key = await enrolPasskey(tx, viewer, "YubiKey");
      expect(key.recoveryCodes).toBeNull();
      expect((await listPasskeys(viewer.id, { tx })).map((p) => p.name)).toEqual(["Laptop", "YubiKey"]);
      expect(await getSecondFactorStatus(viewer.id, { tx })).toMatchObject({ totp: false, recoveryCodesLeft: 10 });
      // The same authenticator twice: the browser is told to exclude it, and the server refuses it.
      const again = await beginPasskeyEnrolment({ ctx: { viewer, tx }, rp: RP });
      expect(again.excludeCredentials?.map((c) => c.id).sort()).toEqual([laptop.id, key.authenticator.id].sort());
      await expect(addPasskey({ ctx: { viewer, tx }, rp: RP, input: { name: "Again", response: laptop.register(again.challenge) } })).rejects.toMatchObject({ message: "errors.passkeyAlreadyAdded" });

      // Sign-in now asks for the second step, and offers the passkey.
      expect(await signInWithThrottle({ email, password: PASSWORD }, { tx })).toMatchObject({ status: "ok", secondFactorDue: true });
      expect(await signInFactors(viewer.id, { tx })).toEqual({ totp: false, passkey: true });
      const rows = await auditRows(tx, viewer.id);
      expect(rows.filter((r) => r.action === "second_factor.enrol").map((r) => r.summary)).toEqual([
        { kind: "passkey", name: "Laptop", codesIssued: 10 },
        { kind: "passkey", name: "YubiKey", codesIssued: 0 },
      ]);
      // Refused additions wrote no enrolment row (only the starts did).
      expect(rows.filter((r) => r.action === "second_factor.enrol_start")).toHaveLength(4);
    }));

  it("signs in with a real assertion once per challenge; a replayed counter, a wrong user's passkey and another site are refused and throttled", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const userId = n.editor.id;
      const { authenticator } = await enrolPasskey(tx, n.editor);
      const other = await enrolPasskey(tx, n.journalist, "Fremd");

      expect(await signInWith(tx, userId, authenticator)).toEqual({ status: "ok", method: "passkey" });
      const [used] = await tx.select().from(userSecondFactors).where(eq(userSecondFactors.credentialId, authenticator.id));
      expect(used.counter).toBe(1);
      expect(used.lastUsedAt).toBeInstanceOf(Date);

      // The same answer again (its challenge is spent), and a fresh challenge answered with the old counter (a clone).
      const request = await passkeySignInOptions({ userId, rp: RP }, { tx });
      expect(request!.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
      expect(request!.userVerification).toBe("preferred");
      const answer = authenticator.assert(request!.challenge);
      expect(await verifySignInPasskey({ userId, response: answer }, RP, { tx })).toEqual({ status: "ok", method: "passkey" });
      expect(await verifySignInPasskey({ userId, response: answer }, RP, { tx })).toEqual({ status: "invalid" });
      expect(await signInWith(tx, userId, authenticator, { keepCounter: true })).toEqual({ status: "invalid" });
      // Another person's passkey, answering this person's challenge: refused.
      expect(await signInWith(tx, userId, other.authenticator)).toEqual({ status: "invalid" });
      // An answer made for another site (a phishing page relaying the challenge): refused.
      expect(await signInWith(tx, userId, authenticator, { origin: "https://desk-example.evil" })).toEqual({ status: "invalid" });
      // Garbage is a wrong answer too, not an error.
      expect(await verifySignInPasskey({ userId, response: "{not json" }, RP, { tx })).toEqual({ status: "invalid" });

      // Five failures since the last success: even the right passkey now waits, like a right password.
      expect(SIGN_IN_LIMITS.account.limit).toBe(5);
      expect(await signInWith(tx, userId, authenticator)).toMatchObject({ status: "throttled" });
      const actions = (await auditRows(tx, userId)).map((r) => r.action);
      expect(actions.filter((a) => a === "signin.second_factor")).toHaveLength(2);
      expect(actions.filter((a) => a === "signin.second_factor_failure")).toHaveLength(5);
      expect(actions).toContain("signin.throttled");
      const [ok] = (await auditRows(tx, userId)).filter((r) => r.action === "signin.second_factor");
      expect(ok.summary).toEqual({ method: "passkey", name: "Laptop" });
      // The other person's passkey was not touched by being offered here.
      const [theirs] = await tx.select().from(userSecondFactors).where(eq(userSecondFactors.credentialId, other.authenticator.id));
      expect(theirs.counter).toBe(0);
    }));

  it("an authenticator without a counter (always 0, as synced passkeys) cannot have its answer replayed: the challenge is spent", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const { authenticator } = await enrolPasskey(tx, n.editor);
      const request = await passkeySignInOptions({ userId: n.editor.id, rp: RP }, { tx });
      const answer = authenticator.assert(request!.challenge, { keepCounter: true });
      expect(await verifySignInPasskey({ userId: n.editor.id, response: answer }, RP, { tx })).toEqual({ status: "ok", method: "passkey" });
      expect(await verifySignInPasskey({ userId: n.editor.id, response: answer }, RP, { tx })).toEqual({ status: "invalid" });
      // A fresh challenge, still counter 0: accepted (a counter of 0 means "none", not a clone).
      expect(await signInWith(tx, n.editor.id, authenticator, { keepCounter: true })).toEqual({ status: "ok", method: "passkey" });
    }));

  it("two tabs signing in at once each answer their own challenge; asking again and again keeps only the newest few", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const { authenticator } = await enrolPasskey(tx, n.editor);
      const first = await passkeySignInOptions({ userId: n.editor.id, rp: RP }, { tx });
      const second = await passkeySignInOptions({ userId: n.editor.id, rp: RP }, { tx });
      // The first tab answers after the second asked: both work, each once.
      expect(await verifySignInPasskey({ userId: n.editor.id, response: authenticator.assert(first!.challenge) }, RP, { tx })).toEqual({ status: "ok", method: "passkey" });
      expect(await verifySignInPasskey({ userId: n.editor.id, response: authenticator.assert(second!.challenge) }, RP, { tx })).toEqual({ status: "ok", method: "passkey" });
      // Asked ten times: the table holds three for them, and the oldest answer comes too late.
      const asked = [];
      for (let i = 0; i < 10; i++) asked.push(await passkeySignInOptions({ userId: n.editor.id, rp: RP }, { tx }));
      const open = await tx.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, n.editor.id));
      expect(open.map((c) => c.challenge).sort()).toEqual(asked.slice(-3).map((a) => a!.challenge).sort());
      expect(await verifySignInPasskey({ userId: n.editor.id, response: authenticator.assert(asked[0]!.challenge) }, RP, { tx })).toEqual({ status: "invalid" });
      expect(await verifySignInPasskey({ userId: n.editor.id, response: authenticator.assert(asked[9]!.challenge) }, RP, { tx })).toEqual({ status: "ok", method: "passkey" });
    }));

  it("the recovery codes of a passkey-only account still sign in; without passkeys there is nothing to ask the browser", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const { recoveryCodes } = await enrolPasskey(tx, n.journalist);
      expect(await verifySignInCode({ userId: n.journalist.id, code: recoveryCodes![0] }, { tx })).toMatchObject({ status: "ok", method: "recovery", recoveryCodesLeft: 9 });
      expect(await passkeySignInOptions({ userId: n.editor.id, rp: RP }, { tx })).toBeNull();
    }));

  it("removing a passkey needs a current code or the password (throttled); only one's own; the last factor takes the codes with it", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const viewer = n.editor;
      const laptop = await enrolPasskey(tx, viewer, "Laptop");
      const key = await enrolPasskey(tx, viewer, "YubiKey");
      const theirs = await enrolPasskey(tx, n.journalist, "Fremd");

      await expect(removePasskey({ ctx: { viewer, tx }, input: { id: laptop.id, proof: "" } })).rejects.toMatchObject({ fieldErrors: { proof: ["validation.factorProofRequired"] } });
      await expect(removePasskey({ ctx: { viewer, tx }, input: { id: laptop.id, proof: "not my password" } })).rejects.toMatchObject({ fieldErrors: { proof: ["validation.factorProofWrong"] } });
      await expect(removePasskey({ ctx: { viewer, tx }, input: { id: theirs.id, proof: PASSWORD } })).rejects.toBeInstanceOf(NotFound);
      await expect(removePasskey({ ctx: { viewer: null, tx }, input: { id: laptop.id, proof: PASSWORD } })).rejects.toBeInstanceOf(Forbidden);
      expect(await listPasskeys(n.journalist.id, { tx })).toHaveLength(1);

      await removePasskey({ ctx: { viewer, tx }, input: { id: String(laptop.id) as never, proof: PASSWORD } });
      expect((await listPasskeys(viewer.id, { tx })).map((p) => p.name)).toEqual(["YubiKey"]);
      expect(await getSecondFactorStatus(viewer.id, { tx })).toMatchObject({ recoveryCodesLeft: 10 });
      await removePasskey({ ctx: { viewer, tx }, input: { id: key.id, proof: PASSWORD } });
      expect(await getSecondFactorStatus(viewer.id, { tx })).toEqual({ totp: false, totpPending: false, recoveryCodesLeft: 0 });
      const removals = (await auditRows(tx, viewer.id)).filter((r) => r.action === "second_factor.remove");
      expect(removals.map((r) => r.summary)).toEqual([
        { kind: "passkey", name: "Laptop" },
        { kind: "passkey", name: "YubiKey" },
      ]);

      // The proof's throttle is the app's: four more wrong guesses (one above) and even the password waits.
      const spare = await enrolPasskey(tx, viewer, "Spare");
      for (let i = 0; i < 4; i++) await expect(removePasskey({ ctx: { viewer, tx }, input: { id: spare.id, proof: `guess ${i}` } })).rejects.toBeInstanceOf(Invalid);
      await expect(removePasskey({ ctx: { viewer, tx }, input: { id: spare.id, proof: PASSWORD } })).rejects.toMatchObject({ fieldErrors: { proof: ["validation.factorProofThrottled"] } });
      expect(await listPasskeys(viewer.id, { tx })).toHaveLength(1);
    }));

  it("with an app and a passkey, sign-in offers both; removing either keeps the other and the recovery codes", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const viewer = n.journalist;
      const { secret } = await beginTotpEnrolment({ ctx: { viewer, tx } });
      const { recoveryCodes } = await confirmTotp({ ctx: { viewer, tx }, input: { code: await currentTotp(secret) } });
      const laptop = await enrolPasskey(tx, viewer);
      expect(laptop.recoveryCodes).toBeNull(); // the app's codes stay the ones on paper
      expect(await signInFactors(viewer.id, { tx })).toEqual({ totp: true, passkey: true });
      await removeTotp({ ctx: { viewer, tx }, input: { proof: PASSWORD } });
      expect(await signInFactors(viewer.id, { tx })).toEqual({ totp: false, passkey: true });
      expect(await getSecondFactorStatus(viewer.id, { tx })).toMatchObject({ recoveryCodesLeft: 10 });
      expect(await signInWith(tx, viewer.id, laptop.authenticator)).toEqual({ status: "ok", method: "passkey" });
      expect(await verifySignInCode({ userId: viewer.id, code: recoveryCodes[0] }, { tx })).toMatchObject({ status: "ok", method: "recovery" });
    }));

  it("a passkey meets a role's second-factor requirement; an admin's reset removes passkeys (one audit row) and the requirement is due again", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      expect(await mustEnrolSecondFactor(n.editor, { tx })).toBe(true);
      // Someone who must enrol may add a passkey (the data layer refuses everything else).
      await enrolPasskey(tx, { ...n.editor, mustEnrol: true }, "Laptop");
      await enrolPasskey(tx, n.editor, "YubiKey");
      expect(await mustEnrolSecondFactor(n.editor, { tx })).toBe(false);
      await passkeySignInOptions({ userId: n.editor.id, rp: RP }, { tx }); // an open challenge, to see it go too

      await expect(resetSecondFactor({ ctx: { viewer: n.editor, tx }, input: { id: n.editor.id } })).rejects.toBeInstanceOf(Forbidden);
      expect(await listPasskeys(n.editor.id, { tx })).toHaveLength(2);
      await resetSecondFactor({ ctx: { viewer: n.admin, tx }, input: { id: n.editor.id } });
      expect(await listPasskeys(n.editor.id, { tx })).toEqual([]);
      expect(await tx.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, n.editor.id))).toEqual([]);
      expect(await mustEnrolSecondFactor(n.editor, { tx })).toBe(true);
      expect(await passkeySignInOptions({ userId: n.editor.id, rp: RP }, { tx })).toBeNull();
      const resets = await tx.select().from(auditEvents).where(and(eq(auditEvents.action, "user.second_factor_reset"), eq(auditEvents.targetId, String(n.editor.id))));
      expect(resets).toHaveLength(1);
      expect(resets[0]).toMatchObject({ actorId: n.admin.id, summary: { removed: ["passkey", "passkey"] } });
    }));
});
