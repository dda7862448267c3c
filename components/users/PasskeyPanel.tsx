"use client";
// The profile's passkey panel: the person's passkeys (name, added, last used), adding one (a
// name, then the browser's own steps via @simplewebauthn/browser; the answer is checked on the
// server) and removing one (with the password or a code from the app, as removing the app).
import { startRegistration } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { passkeyAction, passkeyOptionsAction, type SecondFactorStep } from "@/app/(desk)/desk/profile/actions";
import type { FormState } from "@/lib/errors";
import { Field } from "./Field";
import { RecoveryCodes } from "./RecoveryCodes";

export type PasskeyListItem = { id: number; name: string; added: string; lastUsed: string | null };

export function PasskeyPanel({ passkeys, totp }: { passkeys: PasskeyListItem[]; totp: boolean }) {
  const t = useTranslations("profile");
  const id = useId();
  const [state, action, pending] = useActionState<FormState<SecondFactorStep>, FormData>(passkeyAction, null);
  // The browser's part of adding: between the click and the answer posted to the server.
  const [ceremony, setCeremony] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const error = (name: string) => state?.fieldErrors?.[name];
  const busy = pending || ceremony.busy;

  if (state?.ok && state.data.stage === "codes" && state.data.recoveryCodes) return <RecoveryCodes codes={state.data.recoveryCodes} action={action} />;

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // Without a name the server says so at once; no ceremony for nothing.
    if (String(data.get("name") ?? "").trim()) {
      setCeremony({ busy: true });
      const begun = await passkeyOptionsAction();
      if (!begun.ok) return setCeremony({ busy: false, error: begun.message });
      try {
        data.set("response", JSON.stringify(await startRegistration({ optionsJSON: begun.data })));
      } catch {
        return setCeremony({ busy: false, error: t("passkeyCancelled") });
      }
    }
    setCeremony({ busy: false });
    startTransition(() => action(data));
  }

  const message = ceremony.error ?? (pending ? "" : (error("passkey")?.join(" ") ?? (error("name") ? "" : state?.message)));
  return (
    <div className="passkeys">
      <p>{t("passkeyIntro")}</p>
      {passkeys.length === 0 ? (
        <p>{t("passkeyNone")}</p>
      ) : (
        <form action={action} noValidate>
          <ul className="passkey-list" aria-label={t("passkeyList")}>
            {passkeys.map((p) => (
              <li key={p.id}>
                <span className="passkey-list__name">{p.name}</span>
                <span className="passkey-list__when">
                  {t("passkeyAddedOn", { date: p.added })} · {p.lastUsed ? t("passkeyLastUsed", { date: p.lastUsed }) : t("passkeyNeverUsed")}
                </span>
                <button className="button button--danger" type="submit" name="id" value={p.id} aria-label={t("removePasskeyNamed", { name: p.name })} disabled={busy}>
                  {t("removePasskey")}
                </button>
              </li>
            ))}
          </ul>
          <input type="hidden" name="intent" value="remove" />
          <Field id={`${id}-proof`} name="proof" label={t(totp ? "factorProof" : "passkeyProof")} errors={error("proof")} hint={`${id}-proof-hint`} type="password" autoComplete="off" maxLength={200} />
          <p id={`${id}-proof-hint`} className="field__hint passkeys__hint">
            {t("passkeyProofHint")}
          </p>
        </form>
      )}
      <form onSubmit={add} noValidate className="passkeys__add" aria-labelledby={`${id}-add-heading`}>
        <h3 id={`${id}-add-heading`}>{t("passkeyAddHeading")}</h3>
        <input type="hidden" name="intent" value="add" />
        <Field id={`${id}-name`} name="name" label={t("passkeyName")} errors={error("name")} hint={`${id}-name-hint`} type="text" autoComplete="off" maxLength={60} required />
        <p id={`${id}-name-hint`} className="field__hint passkeys__hint">
          {t("passkeyNameHint")}
        </p>
        <button className="button button--primary" type="submit" disabled={busy}>
          {ceremony.busy ? t("passkeyWaiting") : t("addPasskey")}
        </button>
      </form>
      <p role="status" className={ceremony.error || state?.ok === false ? "field__error" : "save-status"}>
        {message}
      </p>
    </div>
  );
}
