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
  email: z.string().trim().min(1).max(254).transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(200),
});
