import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1 className="page-title">Seite nicht gefunden</h1>
      <p>Diese Seite gibt es nicht (mehr). <Link href="/">Zur Startseite</Link></p>
    </>
  );
}
