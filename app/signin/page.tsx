import type { Metadata } from "next";
import { SignInForm } from "@/components/desk/SignInForm";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  let destination = "/desk";
  try {
    // Auth.js passes an absolute URL; keep only its path.
    const url = new URL(callbackUrl ?? "/desk", "http://localhost");
    destination = url.pathname + url.search;
  } catch {}
  return (
    <main className="desk">
      <div className="signin">
        <h1>Copydesk newsroom</h1>
        <SignInForm callbackUrl={destination} />
      </div>
    </main>
  );
}
