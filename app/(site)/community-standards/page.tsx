import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";
import { siteOrigin } from "@/lib/site-url";

const RULES = ["topic", "respect", "truth", "privacy", "law", "name"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "comments" });
  return { title: t("standardsTitle"), description: t("standardsDescription"), alternates: { canonical: `${siteOrigin()}/community-standards` } };
}

/** The rules readers' comments are moderated by, linked from every comment form. */
export default async function CommunityStandardsPage() {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "comments" });
  return (
    <article className="article">
      <h1>{t("standardsTitle")}</h1>
      <p className="article__standfirst">{t("standardsIntro")}</p>
      <h2>{t("standardsRulesHeading")}</h2>
      <ul>
        {RULES.map((rule) => (
          <li key={rule}>{t(`standardsRules.${rule}`)}</li>
        ))}
      </ul>
      <h2>{t("standardsModerationHeading")}</h2>
      <p>{t("standardsModeration")}</p>
      <p>{t("standardsPrivacy")}</p>
    </article>
  );
}
