import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSecondFactorRoles } from "@/db/settings/second-factor-roles";
import { listUsers } from "@/db/users/queries";
import { getViewer } from "@/app/auth";
import { can } from "@/lib/permissions";
import { CreateUserForm } from "@/components/users/CreateUserForm";
import { SecondFactorRolesForm } from "@/components/users/SecondFactorRolesForm";
import { UserRowControls } from "@/components/users/UserRowControls";
import { TableScroll } from "@/components/ui/TableScroll";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("metaTitle") };
}

export default async function UsersPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("users");
  const tRoles = await getTranslations("roles");
  if (!can(viewer, "user.manage")) {
    return (
      <section className="not-allowed" aria-labelledby="not-allowed-heading">
        <h1 id="not-allowed-heading">{t("notAllowedTitle")}</h1>
        <p className="alert alert--error">{t("notAllowed")}</p>
        <Link href="/desk">{t("backToDesk")}</Link>
      </section>
    );
  }
  const users = await listUsers({ viewer });
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="panel" aria-labelledby="user-create-heading">
        <h2 id="user-create-heading">{t("createHeading")}</h2>
        <CreateUserForm />
      </section>
      <section className="panel" aria-labelledby="user-factor-heading">
        <h2 id="user-factor-heading">{t("factorHeading")}</h2>
        <SecondFactorRolesForm roles={await getSecondFactorRoles()} />
      </section>
      <section className="panel" aria-labelledby="user-list-heading">
        <h2 id="user-list-heading">
          {t("listHeading")} <span className="count">{users.length}</span>
        </h2>
        <TableScroll name={t("listHeading")}>
          <table className="desk-table user-table">
            <thead>
              <tr>
                <th scope="col">{t("colName")}</th>
                <th scope="col">{t("colEmail")}</th>
                <th scope="col">{t("colRole")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className={user.active ? undefined : "user-table__inactive"}>
                  <th scope="row">
                    {user.name}
                    {user.id === viewer.id && <span className="user-table__you">{t("you")}</span>}
                  </th>
                  <td className="user-table__email">{user.email}</td>
                  <td>{tRoles(user.role)}</td>
                  <td>
                    <span className={user.active ? "status status--published" : "status"}>{user.active ? t("active") : t("inactive")}</span>
                  </td>
                  <td>
                    <UserRowControls key={user.id} user={user} self={user.id === viewer.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
