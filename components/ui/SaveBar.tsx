// A form's submit button with its status line beside it (announced when the result arrives).
export function SaveBar({ pending, label, pendingLabel, state, primary = true }: { pending: boolean; label: string; pendingLabel?: string; state: { ok?: boolean; message?: string } | null; primary?: boolean }) {
  return (
    <div className="action-bar">
      <button className={primary ? "button button--primary" : "button"} type="submit" disabled={pending}>
        {pending && pendingLabel ? pendingLabel : label}
      </button>
      <span role="status" className={state?.ok === false ? "field__error" : "save-status"}>
        {!pending && state?.message}
      </span>
    </div>
  );
}
