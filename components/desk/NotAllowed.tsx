import Link from "next/link";

/** A desk page someone may not use: its title, why not, and the way back. */
export function NotAllowed({ title, message, back }: { title: string; message: string; back: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="alert alert--error">{message}</p>
      <p>
        <Link href="/desk">{back}</Link>
      </p>
    </>
  );
}
