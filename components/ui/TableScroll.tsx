import { getTranslations } from "next-intl/server";

/**
 * A table wider than a phone scrolls sideways inside this box, not the whole page. It is a named
 * region a keyboard can focus (Tab, then the arrow keys scroll it): `name` says which table, and
 * the box's name reads "Table: …" so it never repeats the section around it.
 */
export async function TableScroll({ name, children }: { name: string; children: React.ReactNode }) {
  const t = await getTranslations("desk");
  return (
    <div className="table-scroll" role="region" aria-label={t("tableRegion", { name })} tabIndex={0}>
      {children}
    </div>
  );
}
