// The demo newsroom's one fully dressed article: a lead image (through the media library, so
// it has its WebP variants and srcset) and a few approved reader comments. Reader journeys
// (accessibility, print, page weight) need one article that carries every element.
import { createArticle } from "@/db/articles/create";
import { publishArticle } from "@/db/articles/publish";
import { setLiveBlog } from "@/db/live/set-live";
import { setLivePublishers } from "@/db/live/set-publishers";
import { createLiveEntry } from "@/db/live/create-entry";
import { publishLiveEntry } from "@/db/live/publish-entry";
import { updateLiveEntry } from "@/db/live/update-entry";
import { setLiveEntryFlags } from "@/db/live/set-entry-flags";
import { postComment } from "@/db/comments/post";
import { postApprovedComments, uploadDrawing } from "@/db/makers";
import { updateOwnProfile } from "@/db/users/update-profile";
import type { Viewer } from "@/lib/permissions";

/** The article that gets the lead image and the comments (see demo-content.ts). */
export const DRESSED_ARTICLE_KEY = "buergerentscheid-hafenstrasse";

/**
 * A street scene drawn as SVG (rendered to JPEG on upload: db/makers.ts). Our own drawing: no
 * third-party photo in the repo.
 */
function harbourStreetSvg(width: number, height: number, variant = 0): string {
  const houses = Array.from({ length: 9 }, (_, i) => {
    const w = width / 9;
    const h = height * (0.32 + ((i * 37 + variant * 11) % 17) / 60);
    const colour = ["#b5523b", "#d9a441", "#7a8f9c", "#c97c5d", "#8c6d5a", "#e0c9a6", "#5f7d6e", "#a0463a", "#d4b483"][(i + variant * 4) % 9];
    const windows = Array.from({ length: 6 }, (_, j) => {
      const x = i * w + w * (0.18 + (j % 2) * 0.42);
      const y = height * 0.62 - h + height * 0.06 + Math.floor(j / 2) * h * 0.24;
      return `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${(w * 0.22).toFixed(0)}" height="${(h * 0.12).toFixed(0)}" fill="#f4efe2"/>`;
    }).join("");
    return `<rect x="${(i * w).toFixed(0)}" y="${(height * 0.62 - h).toFixed(0)}" width="${Math.ceil(w)}" height="${h.toFixed(0)}" fill="${colour}"/>${windows}`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${SKIES[variant % SKIES.length][0]}"/><stop offset="1" stop-color="${SKIES[variant % SKIES.length][1]}"/></linearGradient></defs>
  <rect width="${width}" height="${height}" fill="url(#sky)"/>
  ${houses}
  <rect y="${height * 0.62}" width="${width}" height="${height * 0.38}" fill="#4a4d52"/>
  <rect y="${height * 0.62}" width="${width}" height="${height * 0.05}" fill="#9a9690"/>
  ${Array.from({ length: 8 }, (_, i) => `<rect x="${i * (width / 8) + width / 32}" y="${height * 0.8}" width="${width / 16}" height="${height * 0.015}" fill="#f2f2f2"/>`).join("")}
</svg>`;
}

/** Sky colours of the other demo pictures: day, dusk, overcast, evening, morning. */
const SKIES = [
  ["#7fb2d9", "#dcebf5"],
  ["#e58e5a", "#f6d7a8"],
  ["#8d99a6", "#d5dadf"],
  ["#3b4a7a", "#c48fa3"],
  ["#a9cbe0", "#f3efe0"],
];

/**
 * A picture for each other demo article (the same street, other colours and skies), so the
 * demo's fronts and lists show pictures as a newspaper's would.
 */
export function seedDemoPicture(editor: Viewer, variant: number, caption: string) {
  return uploadDrawing(editor, {
    svg: harbourStreetSvg(1600, 1000, variant),
    filename: `elbstadt-${variant}.jpg`,
    caption,
    credit: "Illustration: Copydesk",
    alt: "Gezeichnete Häuserzeile an einer Straße in Elbstadt",
  });
}

/** Uploads the lead image and returns the article fields that place it. */
export function seedDemoLeadImage(editor: Viewer) {
  return uploadDrawing(editor, {
    svg: harbourStreetSvg(1600, 1000),
    filename: "hafenstrasse.jpg",
    caption: "Die Hafenstraße zwischen Altstadt und Kai: vier Fahrspuren, kaum Bäume.",
    credit: "Illustration: Copydesk",
    alt: "Eine breite Straße vor einer Reihe bunter Giebelhäuser unter blauem Himmel",
    quality: 82,
  });
}

/** A drawn head-and-shoulders portrait (our own drawing, like the street), square as author photos are. */
function portraitSvg(size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" fill="#d8e3ea"/>
  <path d="M14 100 C16 78 32 70 50 70 C68 70 84 78 86 100 Z" fill="#2f4858"/>
  <rect x="43" y="56" width="14" height="16" fill="#e2b999"/>
  <ellipse cx="50" cy="42" rx="17" ry="20" fill="#e8c4a6"/>
  <path d="M31 44 C28 22 42 16 52 18 C66 19 73 30 69 46 C66 34 60 28 50 28 C41 28 35 34 31 44 Z" fill="#5a3a26"/>
</svg>`;
}

/**
 * The demo reporter's author page shows a photo beside her biography: uploaded to the media
 * library and chosen on her own profile, as she would in the desk.
 */
export async function seedDemoPortrait(person: Viewer, bio: string) {
  const photo = await uploadDrawing(person, {
    svg: portraitSvg(800),
    filename: "portrait.jpg",
    caption: person.name,
    credit: "Illustration: Copydesk",
    alt: `Porträt von ${person.name}`,
    quality: 82,
  });
  await updateOwnProfile({ ctx: { viewer: person }, input: { name: person.name, bio, avatarMediaId: photo.leadImageId } });
}

const DEMO_COMMENTS = [
  { name: "Margit Hansen", text: "Endlich dürfen wir mitreden. Ich wohne seit 30 Jahren an der Hafenstraße – zwei Spuren reichen völlig." },
  { name: "Jörg P.", text: "Und wo sollen die Lieferwagen für den Großmarkt hin?\n\nDas steht leider nicht im Artikel." },
  { name: "Aylin Demir", text: "Danke für die Übersicht mit den drei Varianten, das hilft bei der Entscheidung." },
];

/** A reader's comment still waiting in the moderation queue, so the demo's queue has work in it. */
const DEMO_PENDING_COMMENT = { name: "Holger Brandt", text: "Gibt es die Unterlagen zu den drei Varianten auch online? Im Bürgerbüro war nichts mehr da." };

/** A few reader comments, posted as readers post them and approved by the editor, and one waiting. */
export async function seedDemoComments(articleId: number, editor: Viewer) {
  await postApprovedComments(articleId, DEMO_COMMENTS, editor, "demo-seed");
  const { name, text } = DEMO_PENDING_COMMENT;
  await postComment({ ctx: { viewer: null }, input: { articleId, name, text, clientHash: "demo-seed-pending" } });
}

/**
 * The demo's live blog: a published article that is live, with entries by two people — one
 * pinned, one a key event, one corrected after publication — so `npm start` shows every part.
 */
export async function seedDemoLiveBlog(sectionId: number, reporter: Viewer, editor: Viewer) {
  const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  const doc = (...texts: string[]) => ({ type: "doc", content: texts.map(p) });
  // The live blog leads the demo's home page: a lead story carries a picture, as a newspaper's would.
  const picture = await seedDemoPicture(editor, 7, "Symbolbild: Die Hafenstraße vor dem Hochwasser");
  const article = await createArticle({
    ctx: { viewer: reporter },
    input: {
      ...picture,
      headline: "Liveticker: Sturmflut an der Elbe",
      standfirst: "Pegel, Sperrungen, Fähren: Was in Elbstadt gerade passiert – laufend aktualisiert.",
      sectionId,
      language: "de",
      body: doc("Der Deutsche Wetterdienst warnt vor einer schweren Sturmflut. Wir berichten hier laufend."),
    },
  });
  await setLiveBlog({ ctx: { viewer: editor }, input: { articleId: article.id, state: "live" } });
  await setLivePublishers({ ctx: { viewer: editor }, input: { articleId: article.id, userIds: [reporter.id] } });
  await publishArticle({ ctx: { viewer: editor }, input: { id: article.id, version: article.version } });
  const entry = async (viewer: Viewer, title: string, ...texts: string[]) => {
    const e = await createLiveEntry({ ctx: { viewer }, input: { articleId: article.id, title, body: doc(...texts) } });
    return { ...e, ...(await publishLiveEntry({ ctx: { viewer }, input: e })) };
  };
  const warning = await entry(editor, "Was Sie jetzt wissen müssen", "Fischmarkt und Hafenstraße sind gesperrt. Meiden Sie das Ufer.", "Notrufnummer der Stadt: 115.");
  await setLiveEntryFlags({ ctx: { viewer: editor }, input: { id: warning.id, pinned: true } });
  const gauge = await entry(reporter, "Pegel steigt", "Der Pegel am Hafen liegt bei 3,10 Metern über Normal.");
  await updateLiveEntry({ ctx: { viewer: reporter }, input: { id: gauge.id, version: gauge.version, title: "Pegel steigt", body: doc("Der Pegel am Hafen liegt bei 3,30 Metern über Normal (korrigiert).") } });
  const ferries = await entry(reporter, "Fähren eingestellt", "Die Hafenfähren fahren „bis auf Weiteres“ nicht, sagt die Verkehrsgesellschaft.");
  await setLiveEntryFlags({ ctx: { viewer: editor }, input: { id: ferries.id, keyEvent: true } });
  await entry(editor, "", "Die Feuerwehr hat am Deich zusätzliche Sandsäcke verteilt. Freiwillige werden gebeten, sich am Bürgerhaus zu melden.");
  return article.id;
}
