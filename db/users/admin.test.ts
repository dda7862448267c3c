import { eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import type { Db } from "../client";
import { media, rateLimits, users } from "../schema";
import { engine, inRollback, newsroom } from "../testing";
import { adminCreateUser } from "./admin-create";
import { changeOwnPassword } from "./change-password";
import { changeRole } from "./change-role";
import { getAuthorBySlug, getOwnProfile, listUsers, loadViewer, verifyCredentials } from "./queries";
import { resetPassword } from "./reset-password";
import { setActive } from "./set-active";
import { clientAddress } from "@/lib/http/client-address";
import { SIGN_IN_LIMITS, signInWithThrottle } from "./sign-in";
import { updateOwnProfile } from "./update-profile";

const PASSWORD = "correct horse battery"; // what newsroom() gives everyone

async function userRow(tx: Db, id: number) {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

/** Every user row as it stands, to prove a refused verb wrote nothing. */
async function snapshot(tx: Db) {
  return tx.select().from(users).orderBy(users.id);
}

/** Makes a throttle window look as if it started `seconds` ago. */
async function ageWindow(tx: Db, keyPrefix: string, seconds: number) {
  await tx
    .update(rateLimits)
    .set({ windowStart: sql`now() - make_interval(secs => ${seconds})` })
    .where(like(rateLimits.key, `${keyPrefix}%`));
}

describe(`user administration on ${engine}`, () => {
  it("creates an account with a one-time temporary password that signs in and is stored only hashed", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = `neu-${n.tag}@example.org`;
      const { user, temporaryPassword } = await adminCreateUser({ ctx: n.ctx(n.admin), input: { email, name: "Neue Person", role: "journalist" } });
      expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
      const row = await userRow(tx, user.id);
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(temporaryPassword);
      expect(JSON.stringify(row)).not.toContain(temporaryPassword);
      expect(await verifyCredentials({ email, password: temporaryPassword }, { tx })).toMatchObject({ id: user.id, role: "journalist" });
      // Two accounts never share a temporary password.
      const other = await adminCreateUser({ ctx: n.ctx(n.admin), input: { email: `zwei-${n.tag}@example.org`, name: "Zwei", role: "editor" } });
      expect(other.temporaryPassword).not.toBe(temporaryPassword);
    }));

  it("validates the new account with field messages", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const bad = await adminCreateUser({ ctx: n.ctx(n.admin), input: { email: "nope", name: " ", role: "boss" as never } }).catch((e) => e);
      expect(bad).toBeInstanceOf(Invalid);
      expect((bad as Invalid).fieldErrors).toEqual({ email: ["validation.emailInvalid"], name: ["validation.nameRequired"], role: ["validation.roleInvalid"] });
    }));

  // The permission matrix: every admin verb, refused for editor and journalist with nothing written.
  const verbs: [string, (n: Awaited<ReturnType<typeof newsroom>>, viewer: Viewer) => Promise<unknown>][] = [
    ["adminCreateUser", (n, v) => adminCreateUser({ ctx: n.ctx(v), input: { email: `x-${n.tag}@example.org`, name: "X", role: "editor" } })],
    ["changeRole", (n, v) => changeRole({ ctx: n.ctx(v), input: { id: n.otherJournalist.id, role: "editor" } })],
    ["setActive", (n, v) => setActive({ ctx: n.ctx(v), input: { id: n.otherJournalist.id, active: false } })],
    ["resetPassword", (n, v) => resetPassword({ ctx: n.ctx(v), input: { id: n.otherJournalist.id } })],
    ["listUsers", (n, v) => listUsers(n.ctx(v))],
  ];
  for (const [name, run] of verbs) {
    it(`${name}: allowed for admins, refused for editors, journalists and nobody, writing nothing`, () =>
      inRollback(async (tx) => {
        const n = await newsroom(tx);
        const before = await snapshot(tx);
        for (const viewer of [n.editor, n.journalist, null]) {
          await expect(run(n, viewer as Viewer)).rejects.toBeInstanceOf(Forbidden);
        }
        expect(await snapshot(tx)).toEqual(before);
        await expect(run(n, n.admin)).resolves.toBeTruthy();
      }));
  }

  it("bumps the session version on role change, deactivation and password reset, ending old sessions", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const ctx = n.ctx(n.admin);
      const id = n.journalist.id;
      expect(await loadViewer(id, 1, { tx })).toMatchObject({ role: "journalist" });

      expect(await changeRole({ ctx, input: { id, role: "editor" } })).toMatchObject({ sessionVersion: 2, changed: true });
      expect(await loadViewer(id, 1, { tx })).toBeNull();
      expect(await loadViewer(id, 2, { tx })).toMatchObject({ role: "editor" });
      // The same role again changes nothing and keeps sessions.
      expect(await changeRole({ ctx, input: { id, role: "editor" } })).toMatchObject({ sessionVersion: 2, changed: false });

      const reset = await resetPassword({ ctx, input: { id } });
      expect(reset.sessionVersion).toBe(3);
      expect(await loadViewer(id, 2, { tx })).toBeNull();
      expect(await verifyCredentials({ email: (await userRow(tx, id)).email, password: PASSWORD }, { tx })).toBeNull();
      expect(await verifyCredentials({ email: (await userRow(tx, id)).email, password: reset.temporaryPassword }, { tx })).toMatchObject({ id, sessionVersion: 3 });

      expect(await setActive({ ctx, input: { id, active: false } })).toMatchObject({ sessionVersion: 4, active: false });
      expect(await loadViewer(id, 4, { tx })).toBeNull();
      expect(await verifyCredentials({ email: (await userRow(tx, id)).email, password: reset.temporaryPassword }, { tx })).toBeNull();
      // Reactivated: a new sign-in works, the session from before deactivation stays dead.
      expect(await setActive({ ctx, input: { id, active: true } })).toMatchObject({ sessionVersion: 4, active: true });
      expect(await loadViewer(id, 3, { tx })).toBeNull();
      expect(await verifyCredentials({ email: (await userRow(tx, id)).email, password: reset.temporaryPassword }, { tx })).toMatchObject({ id });
    }));

  it("keeps at least one active admin, and admins cannot demote or deactivate themselves", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      // Only this newsroom's admin is active, whatever other tests or seeds left in the table.
      await tx.update(users).set({ active: false }).where(sql`${users.role} = 'admin' and ${users.id} <> ${n.admin.id}`);
      const ctx = n.ctx(n.admin);
      const before = await snapshot(tx);
      const demoteSelf = await changeRole({ ctx, input: { id: n.admin.id, role: "editor" } }).catch((e) => e);
      expect(demoteSelf).toBeInstanceOf(Invalid);
      expect(demoteSelf.message).toBe("errors.cannotDemoteSelf");
      const deactivateSelf = await setActive({ ctx, input: { id: n.admin.id, active: false } }).catch((e) => e);
      expect(deactivateSelf.message).toBe("errors.cannotDeactivateSelf");
      expect(await snapshot(tx)).toEqual(before);

      // A second admin may be demoted while the first remains…
      const second = await adminCreateUser({ ctx, input: { email: `zweit-${n.tag}@example.org`, name: "Zweite Admin", role: "admin" } });
      const secondViewer: Viewer = { id: second.user.id, role: "admin", name: "Zweite Admin" };
      await changeRole({ ctx, input: { id: second.user.id, role: "editor" } });
      await changeRole({ ctx, input: { id: second.user.id, role: "admin" } });
      // …but the last active admin cannot be taken away by anyone (here: a script's system viewer).
      await setActive({ ctx: n.ctx(secondViewer), input: { id: n.admin.id, active: false } });
      const systemCtx = n.ctx({ id: 0, role: "admin", name: "Copydesk" });
      const last = await setActive({ ctx: systemCtx, input: { id: second.user.id, active: false } }).catch((e) => e);
      expect(last).toBeInstanceOf(Invalid);
      expect(last.message).toBe("errors.lastAdmin");
      const lastDemote = await changeRole({ ctx: systemCtx, input: { id: second.user.id, role: "journalist" } }).catch((e) => e);
      expect(lastDemote.message).toBe("errors.lastAdmin");
      expect(await userRow(tx, second.user.id)).toMatchObject({ role: "admin", active: true });
    }));

  it("an admin cannot reset their own password here, and unknown accounts are NotFound", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const own = await resetPassword({ ctx: n.ctx(n.admin), input: { id: n.admin.id } }).catch((e) => e);
      expect(own.message).toBe("errors.resetOwnPassword");
      await expect(changeRole({ ctx: n.ctx(n.admin), input: { id: 999_999, role: "editor" } })).rejects.toMatchObject({ code: "not_found" });
    }));

  it("lists every account for the admin page, inactive ones last", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      await setActive({ ctx: n.ctx(n.admin), input: { id: n.editor.id, active: false } });
      const list = await listUsers(n.ctx(n.admin));
      const mine = list.filter((u) => u.name.endsWith(n.tag));
      expect(mine.map((u) => [u.role, u.active])).toEqual([
        ["admin", true],
        ["journalist", true],
        ["journalist", true],
        ["editor", false],
      ]);
      expect(list.findIndex((u) => u.id === n.editor.id)).toBeGreaterThan(list.findIndex((u) => u.id === n.otherJournalist.id));
    }));
});

describe(`own profile and password on ${engine}`, () => {
  it("updates name, bio and photo (an existing library image) for the author page", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const [image] = await tx
        .insert(media)
        .values({
          storageKey: `test/${n.tag}/portrait.jpg`,
          filename: "portrait.jpg",
          mimeType: "image/jpeg",
          width: 800,
          height: 800,
          bytes: 1000,
          variants: [{ width: 480, height: 480, format: "webp", key: `test/${n.tag}/w480.webp`, bytes: 100 }],
          alt: "Lena am Hafen",
        })
        .returning();
      const ctx = n.ctx(n.journalist);
      const slug = (await userRow(tx, n.journalist.id)).slug;
      await updateOwnProfile({ ctx, input: { name: "Lena K.", bio: "  Schreibt über Häfen.  ", avatarMediaId: image.id } });
      expect(await userRow(tx, n.journalist.id)).toMatchObject({ name: "Lena K.", bio: "Schreibt über Häfen.", avatarMediaId: image.id, slug });
      expect((await getOwnProfile(n.journalist.id, { tx }))?.photo).toMatchObject({ id: image.id, src: `/media/test/${n.tag}/w480.webp` });
      expect(await getAuthorBySlug(slug, { tx })).toMatchObject({ name: "Lena K.", photo: { src: `/media/test/${n.tag}/w480.webp`, alt: "Lena am Hafen" } });

      const missing = await updateOwnProfile({ ctx, input: { name: "Lena", bio: "", avatarMediaId: 999_999 } }).catch((e) => e);
      expect(missing.fieldErrors).toEqual({ avatarMediaId: ["validation.mediaUnknown"] });
      const empty = await updateOwnProfile({ ctx, input: { name: "", bio: "x".repeat(2001), avatarMediaId: null } }).catch((e) => e);
      expect(empty.fieldErrors).toEqual({ name: ["validation.nameRequired"], bio: ["validation.bioTooLong"] });
      expect(await userRow(tx, n.journalist.id)).toMatchObject({ name: "Lena K.", avatarMediaId: image.id });

      await updateOwnProfile({ ctx, input: { name: "Lena K.", bio: "", avatarMediaId: null } });
      expect((await getAuthorBySlug(slug, { tx }))?.photo).toBeNull();
      await expect(updateOwnProfile({ ctx: n.ctx(null), input: { name: "X", bio: "", avatarMediaId: null } })).rejects.toBeInstanceOf(Forbidden);
    }));

  it("changes the password only with the current one, bumps the session version and returns it", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const ctx = n.ctx(n.editor);
      const email = (await userRow(tx, n.editor.id)).email;
      const wrong = await changeOwnPassword({ ctx, input: { currentPassword: "nicht richtig", newPassword: "ein neues passwort", repeatPassword: "ein neues passwort" } }).catch((e) => e);
      expect(wrong.fieldErrors).toEqual({ currentPassword: ["validation.currentPasswordWrong"] });
      const differ = await changeOwnPassword({ ctx, input: { currentPassword: PASSWORD, newPassword: "ein neues passwort", repeatPassword: "ein anderes" } }).catch((e) => e);
      expect(differ.fieldErrors).toEqual({ repeatPassword: ["validation.passwordsDiffer"] });
      const short = await changeOwnPassword({ ctx, input: { currentPassword: PASSWORD, newPassword: "kurz", repeatPassword: "kurz" } }).catch((e) => e);
      expect(short.fieldErrors).toEqual({ newPassword: ["validation.passwordTooShort"] });
      expect((await userRow(tx, n.editor.id)).sessionVersion).toBe(1);

      expect(await changeOwnPassword({ ctx, input: { currentPassword: PASSWORD, newPassword: "ein neues passwort", repeatPassword: "ein neues passwort" } })).toEqual({ sessionVersion: 2 });
      expect(await loadViewer(n.editor.id, 1, { tx })).toBeNull();
      expect(await verifyCredentials({ email, password: PASSWORD }, { tx })).toBeNull();
      expect(await verifyCredentials({ email, password: "ein neues passwort" }, { tx })).toMatchObject({ sessionVersion: 2 });
    }));

  it("stops guessing the current password after five wrong tries", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const ctx = n.ctx(n.editor);
      const attempt = (currentPassword: string) =>
        changeOwnPassword({ ctx, input: { currentPassword, newPassword: "ein neues passwort", repeatPassword: "ein neues passwort" } }).catch((e) => e);
      for (let i = 0; i < 5; i++) expect((await attempt(`falsch ${i}`)).fieldErrors.currentPassword).toEqual(["validation.currentPasswordWrong"]);
      expect((await attempt(PASSWORD)).fieldErrors.currentPassword).toEqual(["validation.currentPasswordThrottled"]);
      expect((await userRow(tx, n.editor.id)).sessionVersion).toBe(1);
    }));
});

describe(`sign-in throttling on ${engine}`, () => {
  const { account, address } = SIGN_IN_LIMITS;

  it("refuses an account after five failures even with the right password, until the window passes", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = (await userRow(tx, n.journalist.id)).email.toUpperCase(); // case does not dodge the count
      expect(await signInWithThrottle({ email, password: "falsch", address: null }, { tx })).toEqual({ status: "invalid" });
      for (let i = 1; i < account.limit; i++) await signInWithThrottle({ email, password: `falsch ${i}` }, { tx });
      const throttled = await signInWithThrottle({ email: email.toLowerCase(), password: PASSWORD }, { tx });
      expect(throttled.status).toBe("throttled");
      expect(throttled.status === "throttled" && throttled.retryAfterSeconds).toBeGreaterThan(account.windowSeconds - 60);
      // Another account is not affected.
      expect(await signInWithThrottle({ email: (await userRow(tx, n.editor.id)).email, password: PASSWORD }, { tx })).toMatchObject({ status: "ok" });

      await ageWindow(tx, `signin:account:${email.toLowerCase()}`, account.windowSeconds + 1);
      expect(await signInWithThrottle({ email, password: PASSWORD }, { tx })).toMatchObject({ status: "ok", user: { id: n.journalist.id } });
    }));

  it("a success clears the account's count; an admin's password reset lifts a lock", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const email = (await userRow(tx, n.journalist.id)).email;
      for (let i = 0; i < account.limit - 1; i++) await signInWithThrottle({ email, password: "falsch" }, { tx });
      expect((await signInWithThrottle({ email, password: PASSWORD }, { tx })).status).toBe("ok");
      for (let i = 0; i < account.limit - 1; i++) await signInWithThrottle({ email, password: "falsch" }, { tx });
      expect((await signInWithThrottle({ email, password: "falsch" }, { tx })).status).toBe("invalid"); // the fifth failure still counts as a failure

      expect((await signInWithThrottle({ email, password: PASSWORD }, { tx })).status).toBe("throttled");
      const { temporaryPassword } = await resetPassword({ ctx: n.ctx(n.admin), input: { id: n.journalist.id } });
      expect((await signInWithThrottle({ email, password: temporaryPassword }, { tx })).status).toBe("ok");
    }));

  it("counts unknown addresses like known ones, with the same answer", () =>
    inRollback(async (tx) => {
      const ghost = `niemand-${Math.random()}@example.org`;
      for (let i = 0; i < account.limit; i++) expect(await signInWithThrottle({ email: ghost, password: "egal" }, { tx })).toEqual({ status: "invalid" });
      expect((await signInWithThrottle({ email: ghost, password: "egal" }, { tx })).status).toBe("throttled");
    }));

  it("refuses an address after twenty failures across accounts, even the right password of another account", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < address.limit; i++) {
        expect(await signInWithThrottle({ email: `probe-${i}-${n.tag}@example.org`, password: "egal", address: ip }, { tx })).toEqual({ status: "invalid" });
      }
      const editorEmail = (await userRow(tx, n.editor.id)).email;
      expect((await signInWithThrottle({ email: editorEmail, password: PASSWORD, address: ip }, { tx })).status).toBe("throttled");
      // From elsewhere, the same account signs in.
      expect((await signInWithThrottle({ email: editorEmail, password: PASSWORD, address: "198.51.100.7" }, { tx })).status).toBe("ok");
      await ageWindow(tx, `signin:address:${ip}`, address.windowSeconds + 1);
      expect((await signInWithThrottle({ email: editorEmail, password: PASSWORD, address: ip }, { tx })).status).toBe("ok");
    }));

  it("takes the address the production server decided, never what the client claimed (db/security/client-address.test.ts)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.8" }))).toBeNull();
    expect(clientAddress(new Headers({ "x-real-ip": "10.0.0.9" }))).toBeNull();
    expect(clientAddress(new Headers({ "x-copydesk-client-address": "10.0.0.10" }))).toBe("10.0.0.10");
    expect(clientAddress(undefined)).toBeNull();
  });
});
