import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getSecondFactorStatus, listPasskeys } from "@/db/second-factor/queries";
import { listSessions } from "@/db/sessions/queries";
import { getOwnProfile } from "@/db/users/queries";
import { getViewer } from "@/app/auth";
import { formatDateTime, formatRelative } from "@/lib/dates";
import { isLocale } from "@/lib/i18n";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { sessionPolicy } from "@/lib/session-policy";
import { PasskeyPanel } from "@/components/users/PasskeyPanel";
import { SecondFactorPanel } from "@/components/users/SecondFactorPanel";
import { SessionList } from "@/components/users/SessionList";
import { PasswordForm } from "@/components/users/PasswordForm";
import { ProfileForm } from "@/components/users/ProfileForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("metaTitle") };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ password?: string | string[] }> }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const profile = await getOwnProfile(viewer.id);
  if (!profile) redirect("/signin");
  const factors = await getSecondFactorStatus(viewer.id);
  const current = await getLocale();
  const locale = isLocale(current) ? current : "en";
  const passkeys = (await listPasskeys(viewer.id)).map((p) => ({ id: p.id, name: p.name, added: formatDateTime(p.createdAt, locale), lastUsed: p.lastUsedAt ? formatRelative(p.lastUsedAt, locale) : null }));
  const t = await getTranslations("profile");
  const tRoles = await getTranslations("roles");
  return (
    <div className="profile-page">
      <h1>{t("title")}</h1>
      <p className="profile-page__who">{t("signedInAs", { email: profile.email, role: tRoles(viewer.role) })}</p>
      <section className="panel" aria-labelledby="profile-details-heading">
        <h2 id="profile-details-heading">
          {t("detailsHeading")}{" "}
          <Link className="profile-page__author-link" href={`/authors/${profile.slug}`}>
            {t("authorPage")}
          </Link>
        </h2>
        <ProfileForm name={profile.name} bio={profile.bio} photo={profile.photo} />
      </section>
      <section className="panel" aria-labelledby="profile-password-heading">
        <h2 id="profile-password-heading">{t("passwordHeading")}</h2>
        <PasswordForm minLength={MIN_PASSWORD_LENGTH} changed={(await searchParams).password === "changed"} />
      </section>
      <section className="panel" aria-labelledby="profile-factor-heading">
        <h2 id="profile-factor-heading">{t("factorHeading")}</h2>
        <SecondFactorPanel totp={factors.totp} passkeys={passkeys.length} recoveryCodesLeft={factors.recoveryCodesLeft} required={Boolean(viewer.mustEnrol)} />
      </section>
      <section className="panel" aria-labelledby="profile-passkey-heading">
        <h2 id="profile-passkey-heading">{t("passkeyHeading")}</h2>
        <PasskeyPanel passkeys={passkeys} totp={factors.totp} />
      </section>
      <section className="panel" aria-labelledby="profile-sessions-heading">
        <h2 id="profile-sessions-heading">{t("sessionsHeading")}</h2>
        <SessionList sessions={await listSessions(viewer.id, viewer.sessionId)} {...sessionPolicy()} />
      </section>
    </div>
  );
}
