import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { ROLES } from "@/lib/permissions";

export const CreateUserInput = z.object({
  email: z.email("Enter an email address like name@example.org.").max(254).transform((s) => s.toLowerCase()),
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  role: z.enum(ROLES, "Choose admin, editor or journalist."),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Keep the password under 200 characters."),
  bio: z.string().max(2000).optional(),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const SignInInput = z.object({
  email: z.string().trim().min(1).max(254).transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(200),
});
