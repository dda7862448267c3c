import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/desk/SignInForm";
import { PENDING_COOKIE, readTicket } from "@/lib/second-factor/tickets";
import { passwordSignInEnabled, ssoConfig } from "@/lib/sso";
import { ssoSignInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("metaTitle") };
}

/** Why single sign-on sent someone back (`?sso=`, db/users/sign-in-with-oidc.ts), each with its own words. */
const SSO_REFUSALS = ["unverified", "unknown", "inactive", "no_role", "invalid"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; sso?: string; error?: string }> }) {
  const { callbackUrl, sso: outcome, error } = await searchParams;
  const t = await getTranslations("signin");
  let destination = "/desk";
  try {
    // Keep only the path of whatever destination was asked for.
    const url = new URL(callbackUrl ?? "/desk", "http://localhost");
    destination = url.pathname + url.search;
  } catch {}
  const sso = ssoConfig();
  const password = passwordSignInEnabled();
  // Back from the identity provider with the account's own second factor still due.
  const codeStep = outcome === "code" && Boolean(readTicket((await cookies()).get(PENDING_COOKIE)?.value, "pending", process.env.AUTH_SECRET ?? ""));
  const refusal = sso && SSO_REFUSALS.find((reason) => reason === outcome);
  // Auth.js's own errors (provider unreachable, a forged or expired state…) land here too.
  const failed = sso && !refusal && (Boolean(error) || (outcome === "code" && !codeStep));
  return (
    <main className="desk">
      <div className="signin">
        <h1>{t("title")}</h1>
        {(refusal || failed) && (
          <p className="alert alert--error" role="alert">
            {refusal ? t(`ssoRefused.${refusal}`, { name: sso.label }) : t("ssoFailed", { name: sso!.label })}
          </p>
        )}
        {sso && !codeStep && (
          <form action={ssoSignInAction} className="signin__sso">
            <input type="hidden" name="callbackUrl" value={destination} />
            <button className="button button--primary" type="submit">
              {t("ssoButton", { name: sso.label })}
            </button>
            {password && <p className="signin__or">{t("ssoOr")}</p>}
          </form>
        )}
        <SignInForm callbackUrl={destination} step={codeStep ? "code" : undefined} password={password} />
      </div>
    </main>
  );
}
