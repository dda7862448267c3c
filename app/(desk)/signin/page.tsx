import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/desk/SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("metaTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("signin");
  let destination = "/desk";
  try {
    // Keep only the path of whatever destination was asked for.
    const url = new URL(callbackUrl ?? "/desk", "http://localhost");
    destination = url.pathname + url.search;
  } catch {}
  return (
    <main className="desk">
      <div className="signin">
        <h1>{t("title")}</h1>
        <SignInForm callbackUrl={destination} />
      </div>
    </main>
  );
}
