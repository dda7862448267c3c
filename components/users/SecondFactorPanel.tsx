"use client";
// The profile's two-factor panel: add an authenticator app (QR code and key, then a code to
// confirm), see the recovery codes once, make new ones, remove the app (with a code or the
// password). Every step is a button with a name, every field a label.
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { secondFactorAction, type SecondFactorStep } from "@/app/(desk)/desk/profile/actions";
import type { FormState } from "@/lib/errors";
import { Field } from "./Field";
import { RecoveryCodes } from "./RecoveryCodes";

export function SecondFactorPanel({ totp, passkeys, recoveryCodesLeft, required }: { totp: boolean; passkeys: number; recoveryCodesLeft: number; required: boolean }) {
  const t = useTranslations("profile");
  const id = useId();
  // The action's outcome, and the step the panel shows: a wrong code while scanning keeps the QR code on screen.
  const [view, action, pending] = useActionState<{ state: FormState<SecondFactorStep>; step?: SecondFactorStep }, FormData>(
    async (previous, form) => {
      const state = await secondFactorAction(form);
      return { state, step: state.ok ? state.data : form.get("intent") === "confirm" ? previous.step : undefined };
    },
    { state: null },
  );
  const { state, step } = view;
  const error = (name: string) => state?.fieldErrors?.[name];
  const status = (
    <p role="status" className={state?.ok === false ? "field__error" : "save-status"}>
      {!pending && !state?.fieldErrors ? state?.message : ""}
    </p>
  );

  if (step?.stage === "codes" && step.recoveryCodes) return <RecoveryCodes codes={step.recoveryCodes} action={action} />;

  if (step?.stage === "scan" && step.qr && step.secret) {
    return (
      <form action={action} noValidate>
        <p id={`${id}-scan`}>{t("totpScan")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
        <img src={step.qr} alt={t("totpQrAlt")} width={200} height={200} />
        <p>
          {t("totpKey")}{": "}<code aria-label={t("totpKey")}>{step.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
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
      <form action={action} noValidate>
        {required && (
          <p className="alert alert--error" role="alert">
            {t("factorRequired")}
          </p>
        )}
        <p>{t(passkeys ? "factorOffPasskey" : "factorOff")}</p>
        {passkeys > 0 && (
          // Passkeys only: the recovery codes are looked after here all the same.
          <>
            <p>{t("recoveryLeft", { count: recoveryCodesLeft })}</p>
            <Field id={`${id}-proof`} name="proof" label={t("passkeyProof")} errors={error("proof")} type="password" autoComplete="off" maxLength={200} />
            <button className="button" type="submit" name="intent" value="regenerate" disabled={pending}>
              {t("regenerateRecovery")}
            </button>
          </>
        )}
        <div className="action-bar">
          <button className={passkeys ? "button" : "button button--primary"} type="submit" name="intent" value="begin" disabled={pending}>
            {t("addTotp")}
          </button>
        </div>
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
