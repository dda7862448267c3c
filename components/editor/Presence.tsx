"use client";
import { useTranslations } from "next-intl";
import { initialsOf } from "@/lib/editor/presence";
import type { Peer } from "./useCollabDocument";

/** Who is in this article right now, in the colour of their caret. */
export function Presence({ peers }: { peers: Peer[] }) {
  const t = useTranslations("editor");
  if (peers.length === 0) return null;
  return (
    <ul className="presence" aria-label={t("presenceLabel")}>
      {peers.map((p) => (
        <li key={p.id} className="presence__person" title={p.name}>
          <span className="presence__badge" style={{ background: p.color }} aria-hidden="true">
            {initialsOf(p.name)}
          </span>
          <span className="presence__name">{p.self ? t("presenceYou", { name: p.name }) : p.name}</span>
        </li>
      ))}
    </ul>
  );
}
