import { z } from "zod";
import { PASSKEY_RESPONSE_MAX } from "@/lib/second-factor/passkeys";

/** A code from the authenticator app, as typed (spaces allowed). */
export const TotpCode = z
  .string("validation.totpRequired")
  .trim()
  .min(1, "validation.totpRequired")
  .max(20, "validation.totpInvalid")
  .regex(/^[\d\s]+$/, "validation.totpInvalid");

export const ConfirmTotpInput = z.object({ code: TotpCode });
export type ConfirmTotpInput = z.input<typeof ConfirmTotpInput>;

/** Removing a factor or making new recovery codes: a current code from the app, or the password. */
export const FactorProofInput = z.object({
  proof: z.string("validation.factorProofRequired").min(1, "validation.factorProofRequired").max(200, "validation.factorProofWrong"),
});
export type FactorProofInput = z.input<typeof FactorProofInput>;

/** The code step of the sign-in: an app code or a recovery code. */
export const SignInCodeInput = z.object({
  userId: z.number().int().positive(),
  code: z.string("validation.signInCodeRequired").trim().min(1, "validation.signInCodeRequired").max(40, "validation.signInCodeWrong"),
  address: z.string().max(100).nullable().optional(),
});
export type SignInCodeInput = z.input<typeof SignInCodeInput>;

export const ResetSecondFactorInput = z.object({ id: z.coerce.number("errors.userNotFound").int("errors.userNotFound").positive("errors.userNotFound") });
export type ResetSecondFactorInput = z.input<typeof ResetSecondFactorInput>;

/** What a person calls a passkey, to tell them apart in the list ("Laptop", "YubiKey 5"). */
export const PasskeyName = z.string("validation.passkeyNameRequired").trim().min(1, "validation.passkeyNameRequired").max(60, "validation.passkeyNameTooLong");

/**
 * A browser's answer to a passkey ceremony, as @simplewebauthn/browser makes it and the form
 * posts it (JSON). Checked for shape here; @simplewebauthn/server checks what it says.
 */
const passkeyAnswer = <R extends z.ZodType>(response: R) => {
  const shape = z.looseObject({
    id: z.string().min(1).max(1400),
    rawId: z.string().min(1).max(1400),
    type: z.literal("public-key"),
    response,
    clientExtensionResults: z.looseObject({}),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  });
  // One message for any malformed answer: the person can only try again, not fix a field.
  return z
    .string("validation.passkeyRefused")
    .max(PASSKEY_RESPONSE_MAX, "validation.passkeyRefused")
    .transform((text, ctx) => {
      let parsed: z.ZodSafeParseResult<z.output<typeof shape>> | null = null;
      try {
        parsed = shape.safeParse(JSON.parse(text));
      } catch {}
      if (parsed?.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: "validation.passkeyRefused" });
      return z.NEVER;
    });
};
const b64 = z.string().max(PASSKEY_RESPONSE_MAX);

export const RegistrationAnswer = passkeyAnswer(z.looseObject({ clientDataJSON: b64, attestationObject: b64, transports: z.array(z.string().max(20)).max(10).optional() }));
export const AuthenticationAnswer = passkeyAnswer(z.looseObject({ clientDataJSON: b64, authenticatorData: b64, signature: b64, userHandle: b64.optional() }));

export const AddPasskeyInput = z.object({ name: PasskeyName, response: RegistrationAnswer });
export type AddPasskeyInput = z.input<typeof AddPasskeyInput>;

export const RemovePasskeyInput = FactorProofInput.extend({ id: z.coerce.number("errors.passkeyNotFound").int().positive() });
export type RemovePasskeyInput = z.input<typeof RemovePasskeyInput>;

/** The passkey step of the sign-in. */
export const SignInPasskeyInput = z.object({
  userId: z.number().int().positive(),
  response: AuthenticationAnswer,
  address: z.string().max(100).nullable().optional(),
});
export type SignInPasskeyInput = z.input<typeof SignInPasskeyInput>;
