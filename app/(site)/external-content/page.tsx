import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";
import { escapeXml } from "@/lib/xml";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return { title: t("externalContentTitle"), alternates: { canonical: "/external-content" }, robots: { index: false } };
}

/**
 * External content (embeds): what loading one means, and which services this device always
 * allows, each revocable. The list lives in the reader's browser only, so the consent script
 * (public/embed-consent.js) draws it; the page itself is the same for everyone and cached.
 */
export default async function ExternalContentPage() {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return (
    <article className="article">
      <h1>{t("externalContentTitle")}</h1>
      <p className="article__standfirst">{t("externalContentIntro")}</p>
      <h2>{t("externalContentAllowedHeading")}</h2>
      {/* Drawn by the consent script from this device's choices; React leaves its inside alone. */}
      <div data-embed-settings="" dangerouslySetInnerHTML={{ __html: `<p>${escapeXml(t("externalContentNoScript"))}</p>` }} />
      <script async src="/embed-consent.js" />
    </article>
  );
}
