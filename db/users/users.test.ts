import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import { SYSTEM_VIEWER } from "../context";
import { users } from "../schema";
import { engine, inRollback, newsroom } from "../testing";
import { createUser } from "./create";
import { loadViewer, verifyCredentials } from "./queries";

describe(`users on ${engine}`, () => {
  it("stores an argon2id hash and signs in with the right password only, ignoring email case", () =>
    inRollback(async (tx) => {
      const u = await createUser({
        ctx: { viewer: SYSTEM_VIEWER, tx },
        input: { email: "Jana.Jung@Example.org", name: "Jana Jung", role: "journalist", password: "ein langes passwort" },
      });
      const [row] = await tx.select().from(users).where(eq(users.id, u.id));
      expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(row.email).toBe("jana.jung@example.org");
      expect(await verifyCredentials({ email: "JANA.JUNG@example.org", password: "ein langes passwort" }, { tx })).toMatchObject({ id: u.id, role: "journalist" });
      expect(await verifyCredentials({ email: "jana.jung@example.org", password: "falsch" }, { tx })).toBeNull();
      expect(await verifyCredentials({ email: "niemand@example.org", password: "ein langes passwort" }, { tx })).toBeNull();
      expect(await verifyCredentials({ email: 42, password: ["x"] }, { tx })).toBeNull();
    }));

  it("refuses a duplicate email and a short password with field messages", () =>
    inRollback(async (tx) => {
      const ctx = { viewer: SYSTEM_VIEWER, tx };
      await createUser({ ctx, input: { email: "a@example.org", name: "A", role: "editor", password: "0123456789" } });
      const dup = await createUser({ ctx, input: { email: "A@example.org", name: "B", role: "editor", password: "0123456789" } }).catch((e) => e);
      expect((dup as Invalid).fieldErrors).toEqual({ email: ["validation.emailTaken"] });
      const short = await createUser({ ctx, input: { email: "c@example.org", name: "C", role: "editor", password: "short" } }).catch((e) => e);
      expect((short as Invalid).fieldErrors.password).toEqual(["validation.passwordTooShort"]);
    }));

  it("lets only admins create accounts", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const input = { email: "neu@example.org", name: "Neu", role: "admin" as const, password: "0123456789ab" };
      await expect(createUser({ ctx: n.ctx(n.editor), input })).rejects.toBeInstanceOf(Forbidden);
      await expect(createUser({ ctx: n.ctx(n.journalist), input })).rejects.toBeInstanceOf(Forbidden);
      await expect(createUser({ ctx: n.ctx(n.admin), input })).resolves.toMatchObject({ role: "admin" });
    }));

  it("ends sessions of deactivated users and after a session-version bump", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      expect(await loadViewer(n.editor.id, 1, { tx })).toMatchObject({ id: n.editor.id, role: "editor" });
      await tx.update(users).set({ sessionVersion: 2 }).where(eq(users.id, n.editor.id));
      expect(await loadViewer(n.editor.id, 1, { tx })).toBeNull();
      await tx.update(users).set({ active: false }).where(eq(users.id, n.editor.id));
      expect(await loadViewer(n.editor.id, 2, { tx })).toBeNull();
    }));
});
