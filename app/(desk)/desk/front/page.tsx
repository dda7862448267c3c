import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/desk/NotAllowed";
import { getFront, listFrontCandidates } from "@/db/front/queries";
import { listSections } from "@/db/sections/queries";
import { getViewer } from "@/app/auth";
import { HOME_FRONT, type FrontSlotView } from "@/lib/front";
import { can } from "@/lib/permissions";
import { Front } from "@/components/site/Front";
import { FrontSlotForm } from "@/components/desk/FrontSlotForm";
import { clearSlotAction, placeArticleAction } from "./actions";

type Props = { searchParams: Promise<{ front?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("front");
  return { title: t("metaTitle") };
}

/**
 * The home page and each section front as readers will see them, with a form under every slot
 * to place an article there or release it to the newest. Editors and admins; the verbs refuse
 * anyone else regardless.
 */
export default async function FrontDeskPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("front");
  if (!can(viewer, "front.arrange")) {
    return <NotAllowed title={t("title")} message={t("notAllowed")} back={t("backToDesk")} />;
  }
  const asked = (await searchParams).front;
  const sections = await listSections();
  const frontPath = typeof asked === "string" && sections.some((s) => `/${s.slug}` === asked) ? asked : HOME_FRONT;
  const [front, candidates] = await Promise.all([getFront(frontPath), listFrontCandidates(frontPath)]);
  if (!front) redirect("/desk/front");
  const sectionName = new Map(sections.map((s) => [s.slug, s.name]));
  const slotName = (s: FrontSlotView) =>
    s.kind === "lead"
      ? t("lead")
      : s.kind === "secondary"
        ? t("secondary", { n: Number(s.slot.split("-").pop()) })
        : t("block", { section: sectionName.get(s.section ?? "") ?? "", n: Number(s.slot.split("-").pop()) });
  return (
    <>
      <h1>{t("title")}</h1>
      <form className="inline-form front-picker" action="/desk/front">
        <label htmlFor="front-pick">{t("pickFront")}</label>
        <select id="front-pick" name="front" defaultValue={frontPath}>
          <option value={HOME_FRONT}>{t("homeFront")}</option>
          {sections.map((s) => (
            <option key={s.id} value={`/${s.slug}`}>
              {s.name}
            </option>
          ))}
        </select>
        <button className="button" type="submit">
          {t("show")}
        </button>
      </form>
      <p className="field__hint">{t("intro")}</p>
      <datalist id="front-candidates">
        {candidates.map((c) => (
          <option key={c.id} value={c.href}>
            {`${c.headline} (${c.sectionName})`}
          </option>
        ))}
      </datalist>
      <section className="panel front-preview" aria-label={t("previewHeading")}>
        <Front
          front={front}
          slotControls={(s) => (
            <div className="front-slot__meta">
              <p className={s.placed ? "front-slot__state front-slot__state--placed" : "front-slot__state"}>
                <strong>{slotName(s)}</strong> · {s.placed ? t("placed") : s.item ? t("automatic") : t("empty")}
              </p>
              <FrontSlotForm
                front={frontPath}
                slot={s.slot}
                slotName={slotName(s)}
                placed={s.placed}
                suggestions="front-candidates"
                place={placeArticleAction}
                clear={clearSlotAction}
              />
            </div>
          )}
        />
      </section>
    </>
  );
}
