import { z } from "zod";

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
