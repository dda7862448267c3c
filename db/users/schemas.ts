import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { ROLES } from "@/lib/permissions";
import { LOCALES } from "@/lib/i18n";

export const CreateUserInput = z.object({
  email: z.email("validation.emailInvalid").max(254, "validation.emailInvalid").transform((s) => s.toLowerCase()),
  name: z.string("validation.nameRequired").trim().min(1, "validation.nameRequired").max(120, "validation.nameTooLong"),
  role: z.enum(ROLES, "validation.roleInvalid"),
  password: z
    .string("validation.passwordTooShort")
    .min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort")
    .max(200, "validation.passwordTooLong"),
  bio: z.string("validation.invalidValue").max(2000, "validation.bioTooLong").optional(),
  locale: z.enum(LOCALES, "validation.localeInvalid").nullable().optional(),
});

export const SetLocaleInput = z.object({ locale: z.enum(LOCALES, "validation.localeInvalid").nullable() });
export type SetLocaleInput = z.input<typeof SetLocaleInput>;
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const SignInInput = z.object({
  // No NUL: PostgreSQL refuses it in a query parameter, and no stored address contains one.
  email: z.string().trim().min(1).max(254).regex(/^[^\u0000]*$/).transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(200),
});

const userId = z.coerce.number("errors.userNotFound").int("errors.userNotFound").positive("errors.userNotFound");
const password = z
  .string("validation.passwordTooShort")
  .min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort")
  .max(200, "validation.passwordTooLong");

/** An admin creates an account; Copydesk makes up the temporary password. */
export const AdminCreateUserInput = CreateUserInput.pick({ email: true, name: true, role: true });
export type AdminCreateUserInput = z.input<typeof AdminCreateUserInput>;

export const ChangeRoleInput = z.object({ id: userId, role: z.enum(ROLES, "validation.roleInvalid") });
export type ChangeRoleInput = z.input<typeof ChangeRoleInput>;

export const SetActiveInput = z.object({ id: userId, active: z.boolean("validation.invalidValue") });
export type SetActiveInput = z.input<typeof SetActiveInput>;

export const ResetPasswordInput = z.object({ id: userId });
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;

export const UpdateOwnProfileInput = z.object({
  name: CreateUserInput.shape.name,
  bio: z.string("validation.invalidValue").trim().max(2000, "validation.bioTooLong"),
  /** A media-library image, or null for no photo. */
  avatarMediaId: z.coerce.number("validation.mediaUnknown").int("validation.mediaUnknown").positive("validation.mediaUnknown").nullable(),
});
export type UpdateOwnProfileInput = z.input<typeof UpdateOwnProfileInput>;

export const ChangeOwnPasswordInput = z
  .object({
    currentPassword: z.string("validation.currentPasswordRequired").min(1, "validation.currentPasswordRequired").max(200, "validation.currentPasswordWrong"),
    newPassword: password,
    repeatPassword: z.string("validation.passwordsDiffer"),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { path: ["repeatPassword"], message: "validation.passwordsDiffer" });
export type ChangeOwnPasswordInput = z.input<typeof ChangeOwnPasswordInput>;

/**
 * A sign-in through the identity provider: the ID token's claims (already checked by Auth.js:
 * signature, issuer, audience, nonce) and the newsroom's rules for them (lib/sso.ts).
 */
export const OidcSignInInput = z.object({
  claims: z.looseObject({
    sub: z.string().min(1).max(255),
    email: z.string().trim().max(254).regex(/^[^\u0000]*$/).optional(),
    name: z.string().max(500).optional(),
    preferred_username: z.string().max(500).optional(),
  }),
  policy: z.object({
    defaultRole: z.enum(ROLES).nullable(),
    groupsClaim: z.string().min(1).max(200).nullable(),
    roleMap: z.record(z.string(), z.enum(ROLES)),
    mfaAmr: z.array(z.string().max(50)).max(20),
  }),
  address: z.string().max(64).nullish(),
});
export type OidcSignInInput = z.input<typeof OidcSignInInput>;
