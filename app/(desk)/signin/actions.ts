"use server";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { SIGN_IN_LIMITS } from "@/db/users/sign-in";
import { signIn } from "@/lib/auth";

export type SignInState = { error?: string; email?: string };

/** Only same-site desk paths are allowed as a destination after sign-in. */
function safeDestination(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/desk") && !path.startsWith("//") ? path : "/desk";
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  // A direct call can send anything as the "form": without one it is just wrong credentials, not a 500.
  if (!(formData instanceof FormData)) return { error: (await getTranslations("signin"))("wrongCredentials") };
  const email = String(formData.get("email") ?? "").slice(0, 254);
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? "").slice(0, 200),
      redirectTo: safeDestination(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean "wrong credentials".
    if (error instanceof AuthError) {
      const t = await getTranslations("signin");
      // The same words for an unknown address and a wrong password; only a lock is told apart.
      if ((error as { code?: string }).code === "throttled") {
        const minutes = Math.ceil(Math.max(SIGN_IN_LIMITS.account.windowSeconds, SIGN_IN_LIMITS.address.windowSeconds) / 60);
        return { error: t("throttled", { minutes }), email };
      }
      return { error: t("wrongCredentials"), email };
    }
    throw error;
  }
}
