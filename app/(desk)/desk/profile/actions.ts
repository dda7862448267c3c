"use server";
// Thin: the signed-in person → their own profile or password verb → a result the form shows.
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
import { serverTranslator } from "@/i18n/translate";
import { getViewer, markEnrolled, refreshSessionVersion, signOut } from "@/app/auth";
import { AppError } from "@/lib/errors";
import { toFailure, type FieldErrors } from "@/lib/errors";
import { relyingParty } from "@/lib/second-factor/passkeys";

export type ProfileFormState = { ok?: boolean; message?: string; fieldErrors?: FieldErrors };

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

export async function updateProfileAction(_previous: ProfileFormState, form: FormData): Promise<ProfileFormState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    const photo = text(form.get("avatarMediaId"));
    const profile = await updateOwnProfile({
      ctx: { viewer },
      input: { name: text(form.get("name")), bio: text(form.get("bio")), avatarMediaId: photo ? photo : null } as never,
    });
    // The header shows the name; the author page shows all three.
    revalidatePath("/desk", "layout");
    revalidatePath(`/authors/${profile.slug}`);
    return { ok: true, message: t("profile.saved") };
  } catch (error) {
    const failure = toFailure(error, "updateOwnProfile", t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}

export async function changePasswordAction(_previous: ProfileFormState, form: FormData): Promise<ProfileFormState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    const { sessionVersion } = await changeOwnPassword({
      ctx: { viewer },
      input: { currentPassword: text(form.get("currentPassword")), newPassword: text(form.get("newPassword")), repeatPassword: text(form.get("repeatPassword")) } as never,
    });
    // Every other session of theirs has ended; this one carries on with the new version.
    await refreshSessionVersion(viewer.id, sessionVersion);
  } catch (error) {
    const failure = toFailure(error, "changeOwnPassword", t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
  // A redirect, not a re-render of this request: the re-render would still read the old
  // session cookie (and sign the person out), while Next forwards the new cookie to the redirect.
  redirect("/desk/profile?password=changed");
}

/** "Sign out" beside one session in the list; the current one signs this browser out too. */
export async function endSessionAction(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const id = text(form.get("id"));
  try {
    await endSession({ ctx: { viewer }, input: { id } as never });
  } catch (error) {
    if (!(error instanceof AppError)) throw error; // already ended: the list is simply refreshed
  }
  if (id === viewer.sessionId) await signOut({ redirectTo: "/signin" });
  revalidatePath("/desk/profile");
  redirect("/desk/profile");
}

/** "Sign out everywhere": every session of this person ends, this one included. */
export async function endAllSessionsAction(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  await endAllSessions({ ctx: { viewer }, input: {} });
  await signOut({ redirectTo: "/signin" });
}

export type SecondFactorState = {
  /** "scan": the QR code and key are shown with the code field; "codes": new recovery codes, shown once. */
  stage?: "scan" | "codes";
  qr?: string;
  secret?: string;
  recoveryCodes?: string[];
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
};

/**
 * The two-factor panel's buttons (`intent`): begin (a new secret and its QR code), confirm (a
 * code from the app turns it on and brings recovery codes), cancel, remove, regenerate.
 */
export async function secondFactorAction(previous: SecondFactorState, form: FormData): Promise<SecondFactorState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  const intent = text(form.get("intent"));
  try {
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
        return { ok: true, message: t("profile.totpRemoved") };
      case "regenerate": {
        const { recoveryCodes } = await regenerateRecoveryCodes({ ctx: { viewer }, input: { proof: text(form.get("proof")) } as never });
        revalidatePath("/desk/profile");
        return { stage: "codes", recoveryCodes };
      }
      default:
        return {}; // cancel, or "I have kept my codes": back to the panel
    }
  } catch (error) {
    const failure = toFailure(error, "secondFactor", t);
    // A wrong code while scanning keeps the QR code on screen.
    const keep = intent === "confirm" && previous.stage === "scan" ? { stage: previous.stage, qr: previous.qr, secret: previous.secret } : {};
    return { ...keep, ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}

/** "Add a passkey", first half: the challenge and settings for the browser's ceremony. */
export async function passkeyOptionsAction(): Promise<{ ok: true; options: PublicKeyCredentialCreationOptionsJSON } | { ok: false; message: string }> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    return { ok: true, options: await beginPasskeyEnrolment({ ctx: { viewer }, rp: relyingParty(await headers()) }) };
  } catch (error) {
    return { ok: false, message: toFailure(error, "beginPasskeyEnrolment", t).message };
  }
}

export type PasskeyState = Pick<SecondFactorState, "ok" | "message" | "fieldErrors" | "recoveryCodes"> & { stage?: "codes" };

/**
 * The passkey panel's buttons (`intent`): add (the name and the browser's answer, posted after the
 * ceremony; the first factor brings recovery codes, shown once), remove (one passkey, with a code
 * or the password), done (the codes are kept).
 */
export async function passkeyAction(_previous: PasskeyState, form: FormData): Promise<PasskeyState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  const intent = text(form.get("intent"));
  try {
    if (intent === "add") {
      const name = text(form.get("name"));
      const { recoveryCodes } = await addPasskey({ ctx: { viewer }, rp: relyingParty(await headers()), input: { name, response: text(form.get("response")) } as never });
      if (viewer.mustEnrol) await markEnrolled(viewer.id);
      revalidatePath("/desk", "layout");
      return recoveryCodes ? { stage: "codes", recoveryCodes } : { ok: true, message: t("profile.passkeyAdded", { name: name?.trim() ?? "" }) };
    }
    if (intent === "remove") {
      await removePasskey({ ctx: { viewer }, input: { id: text(form.get("id")), proof: text(form.get("proof")) } as never });
      revalidatePath("/desk", "layout");
      return { ok: true, message: t("profile.passkeyRemoved") };
    }
    return {};
  } catch (error) {
    const failure = toFailure(error, "passkey", t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}
