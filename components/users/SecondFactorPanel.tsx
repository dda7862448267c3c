"use client";
// The profile's two-factor panel: add an authenticator app (QR code and key, then a code to
// confirm), see the recovery codes once, make new ones, remove the app (with a code or the
// password). Every step is a button with a name, every field a label.
import { useTranslations } from "next-intl";
import { useActionState, useId, type InputHTMLAttributes } from "react";
import { secondFactorAction, type SecondFactorState } from "@/app/(desk)/desk/profile/actions";

export function SecondFactorPanel({ totp, recoveryCodesLeft, required }: { totp: boolean; recoveryCodesLeft: number; required: boolean }) {
  const t = useTranslations("profile");
  const id = useId();
  const [state, action, pending] = useActionState<SecondFactorState, FormData>(secondFactorAction, {});
  const error = (name: string) => state.fieldErrors?.[name];
  const status = (
    <p role="status" className={state.ok === false ? "field__error" : "save-status"}>
      {!pending && !state.fieldErrors ? state.message : ""}
    </p>
  );

  if (state.stage === "codes" && state.recoveryCodes) {
    return (
      <div aria-labelledby={`${id}-codes`}>
        <h3 id={`${id}-codes`}>{t("recoveryHeading")}</h3>
        <p>{t("recoveryIntro")}</p>
        <ul className="recovery-codes" aria-label={t("recoveryHeading")}>
          {state.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <form action={action}>
          <button className="button button--primary" type="submit" name="intent" value="done">
            {t("recoveryDone")}
          </button>
        </form>
      </div>
    );
  }

  if (state.stage === "scan" && state.qr && state.secret) {
    return (
      <form action={action} noValidate>
        <p id={`${id}-scan`}>{t("totpScan")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
        <img src={state.qr} alt={t("totpQrAlt")} width={200} height={200} />
        <p>
          {t("totpKey")}{": "}<code aria-label={t("totpKey")}>{state.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </p>
        <Field id={`${id}-code`} name="code" label={t("totpCode")} errors={error("code")} hint={`${id}-scan`} type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={20} required />
        <div className="action-bar">
          <button className="button button--primary" type="submit" name="intent" value="confirm" disabled={pending}>
            {t("totpConfirm")}
          </button>
          <button className="button" type="submit" name="intent" value="cancel" formNoValidate>
            {t("totpCancel")}
          </button>
        </div>
        {status}
      </form>
    );
  }

  if (!totp) {
    return (
      <form action={action}>
        {required && (
          <p className="alert alert--error" role="alert">
            {t("factorRequired")}
          </p>
        )}
        <p>{t("factorOff")}</p>
        <button className="button button--primary" type="submit" name="intent" value="begin" disabled={pending}>
          {t("addTotp")}
        </button>
        {status}
      </form>
    );
  }

  return (
    <form action={action} noValidate>
      <p>{t("factorOn")}</p>
      <p>{t("recoveryLeft", { count: recoveryCodesLeft })}</p>
      <Field id={`${id}-proof`} name="proof" label={t("factorProof")} errors={error("proof")} type="password" autoComplete="off" maxLength={200} />
      <div className="action-bar">
        <button className="button" type="submit" name="intent" value="regenerate" disabled={pending}>
          {t("regenerateRecovery")}
        </button>
        <button className="button button--danger" type="submit" name="intent" value="remove" disabled={pending}>
          {t("removeTotp")}
        </button>
      </div>
      {status}
    </form>
  );
}

/** A labelled input with its error (and an optional hint) announced with it. */
function Field({ id, label, errors, hint, ...input }: { id: string; label: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : hint} />
      {errors && (
        <p id={`${id}-error`} className="field__error">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
