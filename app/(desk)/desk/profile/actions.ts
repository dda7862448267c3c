"use server";
// Thin: the signed-in person → their own profile, password, session or second-factor verb →
// an ActionResult the form shows, through deskAction like every desk action.
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import QRCode from "qrcode";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { endAllSessions } from "@/db/sessions/end-all";
import { endSession } from "@/db/sessions/end";
import { addPasskey } from "@/db/second-factor/add-passkey";
import { beginPasskeyEnrolment } from "@/db/second-factor/begin-passkey";
import { beginTotpEnrolment } from "@/db/second-factor/begin-totp";
import { confirmTotp } from "@/db/second-factor/confirm-totp";
import { regenerateRecoveryCodes } from "@/db/second-factor/regenerate-recovery";
import { removePasskey } from "@/db/second-factor/remove-passkey";
import { removeTotp } from "@/db/second-factor/remove-totp";
import { changeOwnPassword } from "@/db/users/change-password";
import { updateOwnProfile } from "@/db/users/update-profile";
import { markEnrolled, refreshSessionVersion, signOut } from "@/app/auth";
import { AppError, type ActionResult } from "@/lib/errors";
import { deskAction } from "../../desk-action";
import { relyingParty } from "@/lib/second-factor/passkeys";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

export async function updateProfileAction(_previous: unknown, form: FormData): Promise<ActionResult> {
  return deskAction(
    "updateOwnProfile",
    async ({ viewer }): Promise<undefined> => {
      const photo = text(form.get("avatarMediaId"));
      const profile = await updateOwnProfile({
        ctx: { viewer },
        input: { name: text(form.get("name")), bio: text(form.get("bio")), avatarMediaId: photo ? photo : null } as never,
      });
      // The header shows the name; the author page shows all three.
      revalidatePath("/desk", "layout");
      revalidatePath(`/authors/${profile.slug}`);
      return undefined;
    },
    { done: (_data, t) => t("profile.saved") },
  );
}

export async function changePasswordAction(_previous: unknown, form: FormData): Promise<ActionResult> {
  const result = await deskAction("changeOwnPassword", async ({ viewer }): Promise<undefined> => {
    const { sessionVersion } = await changeOwnPassword({
      ctx: { viewer },
      input: { currentPassword: text(form.get("currentPassword")), newPassword: text(form.get("newPassword")), repeatPassword: text(form.get("repeatPassword")) } as never,
    });
    // Every other session of theirs has ended; this one carries on with the new version.
    await refreshSessionVersion(viewer.id, sessionVersion);
    return undefined;
  });
  if (!result.ok) return result;
  // A redirect, not a re-render of this request: the re-render would still read the old
  // session cookie (and sign the person out), while Next forwards the new cookie to the redirect.
  redirect("/desk/profile?password=changed");
}

/** "Sign out" beside one session in the list; the current one signs this browser out too. */
export async function endSessionAction(form: FormData): Promise<void> {
  const id = text(form.get("id"));
  const result = await deskAction("endSession", async ({ viewer }) => {
    try {
      await endSession({ ctx: { viewer }, input: { id } as never });
    } catch (error) {
      if (!(error instanceof AppError)) throw error; // already ended: the list is simply refreshed
    }
    return { current: id === viewer.sessionId };
  });
  if (!result.ok && result.code === "unauthenticated") redirect("/signin");
  if (!result.ok) throw new Error(result.message); // the desk's error page; the list is unchanged
  if (result.data.current) await signOut({ redirectTo: "/signin" });
  revalidatePath("/desk/profile");
  redirect("/desk/profile");
}

/** "Sign out everywhere": every session of this person ends, this one included. */
export async function endAllSessionsAction(): Promise<void> {
  const result = await deskAction("endAllSessions", async ({ viewer }) => {
    await endAllSessions({ ctx: { viewer }, input: {} });
  });
  if (!result.ok && result.code === "unauthenticated") redirect("/signin");
  // Never a quiet failure: the person must not believe the other browsers are signed out.
  if (!result.ok) throw new Error(result.message);
  await signOut({ redirectTo: "/signin" });
}

/**
 * Where a two-factor panel goes next: "scan" shows the QR code and key with the code field;
 * "codes" shows new recovery codes, once; nothing is the panel itself. `said`: what was done,
 * in the person's language.
 */
export type SecondFactorStep = { stage?: "scan" | "codes"; qr?: string; secret?: string; recoveryCodes?: string[]; said?: string };
const said = (step: SecondFactorStep) => step.said ?? "";

/**
 * The two-factor panel's buttons (`intent`): begin (a new secret and its QR code), confirm (a
 * code from the app turns it on and brings recovery codes), cancel, remove, regenerate.
 */
export async function secondFactorAction(form: FormData): Promise<ActionResult<SecondFactorStep>> {
  const intent = text(form.get("intent"));
  return deskAction(
    "secondFactor",
    async ({ viewer, t }): Promise<SecondFactorStep> => {
      switch (intent) {
        case "begin": {
          const { secret, uri } = await beginTotpEnrolment({ ctx: { viewer } });
          const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
          return { stage: "scan", secret, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
        }
        case "confirm": {
          const { recoveryCodes } = await confirmTotp({ ctx: { viewer }, input: { code: text(form.get("code")) } as never });
          // Their role required it: from now on this session reaches the rest of the desk.
          if (viewer.mustEnrol) await markEnrolled(viewer.id);
          revalidatePath("/desk", "layout");
          return { stage: "codes", recoveryCodes };
        }
        case "remove":
          await removeTotp({ ctx: { viewer }, input: { proof: text(form.get("proof")) } as never });
          revalidatePath("/desk", "layout");
          return { said: t("profile.totpRemoved") };
        case "regenerate": {
          const { recoveryCodes } = await regenerateRecoveryCodes({ ctx: { viewer }, input: { proof: text(form.get("proof")) } as never });
          revalidatePath("/desk/profile");
          return { stage: "codes", recoveryCodes };
        }
        default:
          return {}; // cancel, or "I have kept my codes": back to the panel
      }
    },
    { done: said },
  );
}

/** "Add a passkey", first half: the challenge and settings for the browser's ceremony. */
export async function passkeyOptionsAction(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  return deskAction("beginPasskeyEnrolment", async ({ viewer }) => beginPasskeyEnrolment({ ctx: { viewer }, rp: relyingParty(await headers()) }));
}

/**
 * The passkey panel's buttons (`intent`): add (the name and the browser's answer, posted after the
 * ceremony; the first factor brings recovery codes, shown once), remove (one passkey, with a code
 * or the password), done (the codes are kept).
 */
export async function passkeyAction(_previous: unknown, form: FormData): Promise<ActionResult<SecondFactorStep>> {
  const intent = text(form.get("intent"));
  return deskAction(
    "passkey",
    async ({ viewer, t }): Promise<SecondFactorStep> => {
      if (intent === "add") {
        const name = text(form.get("name"));
        const { recoveryCodes } = await addPasskey({ ctx: { viewer }, rp: relyingParty(await headers()), input: { name, response: text(form.get("response")) } as never });
        if (viewer.mustEnrol) await markEnrolled(viewer.id);
        revalidatePath("/desk", "layout");
        return recoveryCodes ? { stage: "codes", recoveryCodes } : { said: t("profile.passkeyAdded", { name: name?.trim() ?? "" }) };
      }
      if (intent === "remove") {
        await removePasskey({ ctx: { viewer }, input: { id: text(form.get("id")), proof: text(form.get("proof")) } as never });
        revalidatePath("/desk", "layout");
        return { said: t("profile.passkeyRemoved") };
      }
      return {};
    },
    { done: said },
  );
}
