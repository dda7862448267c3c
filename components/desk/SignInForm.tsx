"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/(desk)/signin/actions";

/**
 * `step`: "code" when single sign-on came back with the account's second factor still due (the
 * server set the pending cookie). `password: false` when password sign-in is switched off.
 */
export function SignInForm({ callbackUrl, step, password = true }: { callbackUrl: string; step?: "code"; password?: boolean }) {
  const t = useTranslations("signin");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, step ? { step } : {});
  const alert = state.error && (
    <p className="alert alert--error" role="alert">
      {state.error}
    </p>
  );
  if (state.step === "code") {
    // The password was right; the account asks for its second factor before any session exists.
    return (
      <form action={action} noValidate aria-labelledby="signin-code-heading">
        <h2 id="signin-code-heading">{t("codeTitle")}</h2>
        <p id="signin-code-intro">{t("codeIntro")}</p>
        {alert}
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="field">
          <label htmlFor="code">{t("code")}</label>
          <input id="code" name="code" type="text" inputMode="text" autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} maxLength={40} required autoFocus aria-describedby="signin-code-intro" />
        </div>
        <div className="action-bar">
          <button className="button button--primary" type="submit" name="step" value="code" disabled={pending}>
            {pending ? t("submitting") : t("codeSubmit")}
          </button>
          <button className="button" type="submit" name="step" value="restart" formNoValidate>
            {t("startOver")}
          </button>
        </div>
      </form>
    );
  }
  if (!password) return alert || null;
  return (
    <form action={action} noValidate>
      {alert}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="button button--primary" type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
