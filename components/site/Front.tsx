import Link from "next/link";
import type { FrontSlotView, FrontView } from "@/lib/front";
import { Teaser } from "./Teaser";

/**
 * A front page as the desk arranged it (the newest articles in every slot nobody filled): the
 * lead story, a row of secondary stories and, on the home page, a block per section. The desk's
 * preview renders the same markup and adds its controls per slot through `slotControls`.
 */
export function Front({
  front,
  sectionHeading,
  slotControls,
}: {
  front: FrontView;
  /** The words before a section block's name ("Mehr aus …"), or none. */
  sectionHeading?: (name: string) => string;
  slotControls?: (slot: FrontSlotView) => React.ReactNode;
}) {
  const show = (s: FrontSlotView) => Boolean(s.item) || Boolean(slotControls);
  const lead = front.slots.find((s) => s.kind === "lead")!;
  const secondary = front.slots.filter((s) => s.kind === "secondary" && show(s));
  const blocks = front.sections
    .map((section) => ({ section, slots: front.slots.filter((s) => s.kind === "block" && s.section === section.slug && show(s)) }))
    .filter((b) => b.slots.length > 0);
  const onSection = front.front !== "/";
  // On wide screens a lead with nothing beside it keeps a reading width, and beneath a lead
  // without a picture the secondary stories stand in a row of four, pictures on top (app/globals.css).
  const leadPlacement = secondary.length === 0 ? "alone" : undefined;
  const secondaryPlacement = lead.item && !lead.item.leadImage ? "in-row" : undefined;
  return (
    <>
      <div className="front-top">
        {show(lead) && (
          <div className="front-top__lead" data-slot={lead.slot}>
            {lead.item && <Teaser item={lead.item} size="lead" priority label={!onSection} placement={leadPlacement} />}
            {slotControls?.(lead)}
          </div>
        )}
        {secondary.length > 0 && (
          <ul className="front-top__secondary">
            {secondary.map((s) => (
              <li key={s.slot} data-slot={s.slot}>
                {s.item && <Teaser item={s.item} size="secondary" label={!onSection} placement={secondaryPlacement} />}
                {slotControls?.(s)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {blocks.length > 0 && (
        <div className="front-blocks">
          {blocks.map(({ section, slots }) => (
            <section key={section.slug} className="front-block" aria-labelledby={`block-${section.slug}`}>
              <h2 className="front-block__title" id={`block-${section.slug}`}>
                <Link href={`/${section.slug}`}>{sectionHeading ? sectionHeading(section.name) : section.name}</Link>
              </h2>
              <ul>
                {slots.map((s, i) => (
                  <li key={s.slot} data-slot={s.slot}>
                    {s.item && <Teaser item={s.item} size={i === 0 ? "block" : "brief"} headingLevel={3} label={false} />}
                    {slotControls?.(s)}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
