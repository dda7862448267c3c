"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState } from "react";
import { changeRoleAction, resetPasswordAction, resetSecondFactorAction, setActiveAction } from "@/app/(desk)/desk/users/actions";
import { ROLES, type Role } from "@/lib/permissions";
import { TemporaryPassword } from "./TemporaryPassword";

type Props = { user: { id: number; name: string; role: Role; active: boolean }; self: boolean };

/** One account's controls: role, active, password. One status line says what the last one did. */
export function UserRowControls({ user, self }: Props) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const id = useId();
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [activeState, activeAction, activePending] = useActionState(setActiveAction, null);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, null);
  const [factorState, factorAction, factorPending] = useActionState(resetSecondFactorAction, null);
  const [last, setLast] = useState<"role" | "active" | "reset" | "factor" | null>(null);
  const pending = rolePending || activePending || resetPending || factorPending;
  const state = last === "role" ? roleState : last === "active" ? activeState : last === "reset" ? resetState : last === "factor" ? factorState : null;
  const submit = (which: NonNullable<typeof last>, run: (data: FormData) => void) => (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setLast(which);
    startTransition(() => run(data));
  };
  return (
    <div className="user-controls">
      <form className="user-controls__role" onSubmit={submit("role", roleAction)}>
        <input type="hidden" name="id" value={user.id} />
        <label htmlFor={`${id}-role`} className="visually-hidden">
          {t("roleOf", { name: user.name })}
        </label>
        <select id={`${id}-role`} name="role" defaultValue={user.role} key={user.role} disabled={self}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
        <button className="button" type="submit" disabled={pending || self}>
          {t("changeRole")}
        </button>
      </form>
      <form onSubmit={submit("active", activeAction)}>
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <button className={user.active ? "button button--danger" : "button"} type="submit" disabled={pending || self}>
          {user.active ? t("deactivate") : t("reactivate")}
        </button>
      </form>
      <form onSubmit={submit("reset", resetAction)}>
        <input type="hidden" name="id" value={user.id} />
        <button className="button" type="submit" disabled={pending || self}>
          {t("resetPassword")}
        </button>
      </form>
      <form onSubmit={submit("factor", factorAction)}>
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="name" value={user.name} />
        <button className="button" type="submit" disabled={pending || self}>
          {t("resetFactor")}
        </button>
      </form>
      <div role="status" className="user-controls__status">
        {pending ? (
          <span>{t("working")}</span>
        ) : (
          state?.message && (
            <>
              <p className={state?.ok ? "user-controls__ok" : "field__error"}>{state?.message}</p>
              {last === "reset" && resetState?.ok && <TemporaryPassword password={resetState.data.temporaryPassword} />}
            </>
          )
        )}
      </div>
    </div>
  );
}
