"use client";
import { startAuthentication } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { passkeySignInOptionsAction, signInAction, type SignInState } from "@/app/(desk)/signin/actions";

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
    const factors = state.factors ?? { totp: true, passkey: false };
    // The password was right; the account asks for its second factor before any session exists.
    return (
      <div aria-labelledby="signin-code-heading">
        <h2 id="signin-code-heading">{t("codeTitle")}</h2>
        <p id="signin-code-intro">{t(factors.passkey ? (factors.totp ? "passkeyAndAppIntro" : "passkeyIntro") : "codeIntro")}</p>
        {alert}
        {factors.passkey && <PasskeyStep action={action} callbackUrl={callbackUrl} pending={pending} />}
        <form action={action} noValidate aria-label={factors.passkey ? t(factors.totp ? "orCode" : "orRecoveryCode") : t("codeTitle")}>
          {factors.passkey && <h3 className="signin__or">{t(factors.totp ? "orCode" : "orRecoveryCode")}</h3>}
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <div className="field">
            <label htmlFor="code">{factors.totp ? t("code") : t("recoveryCode")}</label>
            <input id="code" name="code" type="text" inputMode="text" autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} maxLength={40} required autoFocus={!factors.passkey} aria-describedby="signin-code-intro" />
          </div>
          <div className="action-bar">
            <button className={factors.passkey ? "button" : "button button--primary"} type="submit" name="step" value="code" disabled={pending}>
              {pending ? t("submitting") : t("codeSubmit")}
            </button>
            <button className="button" type="submit" name="step" value="restart" formNoValidate>
              {t("startOver")}
            </button>
          </div>
        </form>
      </div>
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

/**
 * "Use a passkey": the browser answers the server's challenge (@simplewebauthn/browser), and the
 * answer is posted as the form's passkey step; the server checks it (db/second-factor).
 */
function PasskeyStep({ action, callbackUrl, pending }: { action: (data: FormData) => void; callbackUrl: string; pending: boolean }) {
  const t = useTranslations("signin");
  const form = useRef<HTMLFormElement>(null);
  const answer = useRef<HTMLInputElement>(null);
  const [waiting, setWaiting] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signInWithPasskey() {
    setFailed(false);
    setWaiting(true);
    try {
      const options = await passkeySignInOptionsAction();
      // No challenge (the sign-in expired): post anyway, and the server says to start over.
      if (options) answer.current!.value = JSON.stringify(await startAuthentication({ optionsJSON: options }));
      form.current!.requestSubmit();
    } catch {
      setFailed(true); // cancelled, timed out, or no passkey of this account on this device
    } finally {
      setWaiting(false);
    }
  }

  return (
    <form ref={form} action={action} className="signin__passkey">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="step" value="passkey" />
      <input ref={answer} type="hidden" name="passkey" />
      <button className="button button--primary" type="button" onClick={signInWithPasskey} disabled={waiting || pending} autoFocus>
        {waiting ? t("passkeyWaiting") : t("usePasskey")}
      </button>
      {failed && (
        <p className="alert alert--error" role="alert">
          {t("passkeyFailed")}
        </p>
      )}
    </form>
  );
}
