// Made-up but newspaper-shaped text for the benchmark archive: German and English articles
// of ~800 words (headings, emphasis, links, lists, quotes), headlines, standfirsts and a tag
// pool. Deterministic (seeded), so two runs with the same --articles build the same archive.
import type { JSONContent } from "@tiptap/core";
import { seededRandom } from "@/lib/random";

/** The archive's seeded sequence (lib/random.ts). */
export const rng = seededRandom;

export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
export const between = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

type Lang = "de" | "en";

const WORDS = {
  de: {
    subjects: [
      "Der Stadtrat", "Die Landesregierung", "Die Bürgermeisterin", "Das Umweltamt", "Die Hafenbehörde", "Der Verkehrsverbund",
      "Die Opposition", "Der Betriebsrat", "Die Kulturstiftung", "Das Gesundheitsamt", "Die Universität", "Der Landkreis",
      "Die Handelskammer", "Der Bundestag", "Die Wasserwerke", "Das Landgericht", "Die Feuerwehr", "Der Sportverein",
      "Die Elterninitiative", "Der Wirtschaftsminister", "Die Klimaforscherin", "Das Stadttheater", "Die Werft", "Der Mieterbund",
    ],
    verbs: [
      "beschließt", "prüft", "verschiebt", "kritisiert", "fördert", "verteidigt", "stoppt", "plant", "begrüßt", "lehnt ab",
      "unterstützt", "bezweifelt", "finanziert", "untersucht", "erweitert", "streicht",
    ],
    objects: [
      "den Ausbau der Fährlinie", "die neue Radwegplanung", "das Sanierungsprogramm für Schulen", "die Erhöhung der Grundsteuer",
      "den Neubau am Hafenbecken", "die Förderung für Wärmepumpen", "das Nachtflugverbot", "die Fusion der Stadtwerke",
      "den Haushaltsentwurf für das kommende Jahr", "die Verlängerung der Straßenbahn", "das Konzept für bezahlbare Wohnungen",
      "die Messung der Wasserqualität", "den Umbau des Hauptbahnhofs", "die Digitalisierung der Verwaltung",
      "das Programm gegen Lehrermangel", "die Renaturierung des Flussufers", "den Tarifvertrag im Nahverkehr",
      "die Ansiedlung des Batteriewerks", "die Öffnungszeiten der Bibliotheken", "den Schutz der Seegraswiesen",
    ],
    clauses: [
      "nachdem die Kosten deutlich gestiegen waren", "obwohl die Opposition heftig widersprach", "wie aus einem internen Papier hervorgeht",
      "nach monatelangen Verhandlungen", "trotz erheblicher Bedenken der Anwohner", "bevor der Winter beginnt",
      "weil die Fördermittel sonst verfallen", "wie ein Sprecher am Dienstag bestätigte", "ohne dass ein Gutachten vorliegt",
      "während die Gewerkschaft zu Warnstreiks aufruft", "damit die Fristen eingehalten werden", "nachdem mehr als tausend Menschen unterschrieben hatten",
    ],
    details: [
      "Die Kosten werden auf rund {n} Millionen Euro geschätzt.", "Bis zum Frühjahr sollen {n} neue Stellen entstehen.",
      "Nach Angaben der Verwaltung sind bereits {n} Anträge eingegangen.", "Die Abstimmung endete mit {n} zu {m} Stimmen.",
      "In den vergangenen {n} Jahren hat sich die Zahl mehr als verdoppelt.", "Rund {n} Prozent der Befragten sprachen sich dafür aus.",
      "Der Zeitplan sieht einen Baubeginn in {n} Monaten vor.", "Zuletzt lag der Wert bei {n} Prozent.",
    ],
    people: ["Anna Lindqvist", "Murat Aydın", "Katrin Böhme", "Jörg Schäfer", "Elif Demir", "Thomas Krüger", "Sophie Wagner", "Paul Nießen"],
    sayings: [
      "Wir brauchen jetzt Verlässlichkeit", "Das ist ein wichtiger Schritt für die ganze Region", "So kann es nicht weitergehen",
      "Die Zahlen sprechen eine klare Sprache", "Wir haben lange genug gewartet", "Niemand soll zurückgelassen werden",
      "Das Geld ist da, es fehlt am Willen", "Wir werden genau hinschauen",
    ],
    said: "sagte", headings: ["Was jetzt geplant ist", "Kritik aus der Nachbarschaft", "Wie es weitergeht", "Die Zahlen im Überblick", "Ein Blick zurück", "Was Fachleute sagen"],
    listIntro: "Die wichtigsten Punkte:", linkText: "Bericht der Verwaltung",
    topics: ["Hafenstraße", "Energiewende", "Nahverkehr", "Wohnungsbau", "Haushalt", "Schulen", "Klimaschutz", "Gesundheit", "Kultur", "Wissenschaft"],
  },
  en: {
    subjects: [
      "The city council", "The state government", "The mayor", "The environment agency", "The port authority", "The transport board",
      "The opposition", "The works council", "The arts foundation", "The health department", "The university", "The county",
      "The chamber of commerce", "Parliament", "The water company", "The regional court", "The fire service", "The football club",
      "A parents' group", "The economy minister", "A climate researcher", "The city theatre", "The shipyard", "The tenants' union",
    ],
    verbs: [
      "approves", "reviews", "postpones", "criticises", "funds", "defends", "halts", "plans", "welcomes", "rejects",
      "backs", "questions", "finances", "investigates", "expands", "cuts",
    ],
    objects: [
      "the ferry line extension", "the new cycle lane plan", "the school repair programme", "the property tax rise",
      "the harbour development", "grants for heat pumps", "the night flight ban", "the merger of the utilities",
      "next year's draft budget", "the tram extension", "the affordable housing scheme", "the water quality survey",
      "the rebuilding of the central station", "the digital services plan", "the teacher shortage programme",
      "the river restoration", "the transit pay deal", "the battery factory", "library opening hours", "the seagrass meadows",
    ],
    clauses: [
      "after costs rose sharply", "although the opposition objected strongly", "according to an internal paper",
      "after months of negotiations", "despite serious concerns from residents", "before winter sets in",
      "because the funding would otherwise lapse", "a spokesperson confirmed on Tuesday", "without an expert report",
      "while the union calls for warning strikes", "so that deadlines can be met", "after more than a thousand people signed a petition",
    ],
    details: [
      "Costs are estimated at around {n} million euros.", "By spring, {n} new jobs are to be created.",
      "According to officials, {n} applications have already been received.", "The vote ended {n} to {m}.",
      "Over the past {n} years the number has more than doubled.", "About {n} per cent of those asked were in favour.",
      "Construction is scheduled to begin in {n} months.", "The latest figure was {n} per cent.",
    ],
    people: ["Anna Lindqvist", "Murat Aydın", "Katrin Böhme", "James Porter", "Elif Demir", "Thomas Krüger", "Sophie Wagner", "Ruth Okafor"],
    sayings: [
      "We need reliability now", "This is an important step for the whole region", "It cannot go on like this",
      "The figures speak for themselves", "We have waited long enough", "Nobody should be left behind",
      "The money is there, the will is not", "We will be watching closely",
    ],
    said: "said", headings: ["What is planned", "Criticism from the neighbourhood", "What happens next", "The figures", "A look back", "What experts say"],
    listIntro: "The main points:", linkText: "the council's report",
    topics: ["Harbour", "Energy", "Transport", "Housing", "Budget", "Schools", "Climate", "Health", "Culture", "Science"],
  },
} as const;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fill(template: string, r: Rand): string {
  return template.replace("{n}", String(between(r, 2, 95))).replace("{m}", String(between(r, 1, 40)));
}

export function sentence(r: Rand, lang: Lang): string {
  const w = WORDS[lang];
  switch (between(r, 0, 4)) {
    case 0:
      return `${pick(r, w.subjects)} ${pick(r, w.verbs)} ${pick(r, w.objects)}, ${pick(r, w.clauses)}.`;
    case 1:
      return fill(pick(r, w.details), r);
    case 2: {
      const q = lang === "de" ? ["„", "“"] : ["“", "”"];
      return `${q[0]}${pick(r, w.sayings)}${lang === "de" ? "" : ","}${q[1]}${lang === "de" ? "," : ""} ${w.said} ${pick(r, w.people)}.`;
    }
    case 3:
      return `${capitalise(pick(r, w.clauses))}, ${pick(r, w.subjects).replace(/^The |^Der |^Die |^Das |^A /, (m) => m.toLowerCase())} ${pick(r, w.verbs)} ${pick(r, w.objects)}.`;
    default:
      return `${pick(r, w.subjects)} ${pick(r, w.verbs)} ${pick(r, w.objects)}. ${fill(pick(r, w.details), r)}`;
  }
}

const text = (t: string, marks?: JSONContent["marks"]): JSONContent => (marks ? { type: "text", text: t, marks } : { type: "text", text: t });

function paragraph(r: Rand, lang: Lang, words: { n: number }): JSONContent {
  const parts: JSONContent[] = [];
  const count = between(r, 3, 6);
  for (let i = 0; i < count; i++) {
    const s = sentence(r, lang) + (i < count - 1 ? " " : "");
    words.n += s.split(/\s+/).filter(Boolean).length;
    const roll = r();
    if (roll < 0.08) parts.push(text(s, [{ type: "bold" }]));
    else if (roll < 0.14) parts.push(text(s, [{ type: "italic" }]));
    else parts.push(text(s));
  }
  return { type: "paragraph", content: parts };
}

/** A TipTap document of about `target` words. */
export function articleBody(r: Rand, lang: Lang, target = 800): JSONContent {
  const w = WORDS[lang];
  const words = { n: 0 };
  const blocks: JSONContent[] = [];
  let sinceHeading = 0;
  while (words.n < target) {
    if (sinceHeading >= 4 && r() < 0.5) {
      blocks.push({ type: "heading", attrs: { level: 2 }, content: [text(pick(r, w.headings))] });
      sinceHeading = 0;
      continue;
    }
    const roll = r();
    if (roll < 0.06 && blocks.length > 2) {
      blocks.push({ type: "pullQuote", content: [{ type: "paragraph", content: [text(`${pick(r, w.sayings)}.`)] }] });
    } else if (roll < 0.12 && blocks.length > 2) {
      blocks.push({ type: "paragraph", content: [text(w.listIntro)] });
      blocks.push({
        type: "bulletList",
        content: [0, 1, 2].map(() => ({ type: "listItem", content: [{ type: "paragraph", content: [text(fill(pick(r, w.details), r))] }] })),
      });
      words.n += 25;
    } else if (roll < 0.18) {
      const p = paragraph(r, lang, words);
      p.content!.push(text(" "), text(w.linkText, [{ type: "link", attrs: { href: `https://example.org/${lang}/${between(r, 1000, 99999)}` } }]), text("."));
      blocks.push(p);
    } else {
      blocks.push(paragraph(r, lang, words));
    }
    sinceHeading++;
  }
  return { type: "doc", content: blocks };
}

export function headline(r: Rand, lang: Lang): string {
  const w = WORDS[lang];
  const subject = pick(r, w.subjects).replace(/^(The|Der|Die|Das|A) /, "");
  return `${pick(r, w.topics)}: ${subject} ${pick(r, w.verbs)} ${pick(r, w.objects)}`;
}

export function standfirst(r: Rand, lang: Lang): string {
  return `${sentence(r, lang)} ${fill(pick(r, WORDS[lang].details), r)}`;
}

export function commentText(r: Rand, lang: Lang): string {
  return lang === "de"
    ? pick(r, ["Danke für den ausführlichen Bericht.", "Das sehe ich anders: ", "Endlich passiert etwas!", "Wer bezahlt das am Ende? "]) + sentence(r, lang)
    : pick(r, ["Thanks for the thorough report.", "I see it differently: ", "Finally something happens!", "Who pays for this in the end? "]) + sentence(r, lang);
}

const TAG_STEMS_DE = [
  "Klima", "Energie", "Verkehrs", "Bildungs", "Wohnungs", "Gesundheits", "Hafen", "Stadt", "Landes", "Bundes", "Umwelt", "Kultur",
  "Sport", "Wissenschafts", "Arbeits", "Familien", "Jugend", "Senioren", "Rad", "Bahn", "Wasser", "Wald", "Meeres", "Digital",
  "Haushalts", "Steuer", "Miet", "Schul", "Hochschul", "Kranken", "Pflege", "Medien", "Theater", "Museums", "Musik", "Film",
  "Forschungs", "Agrar", "Industrie", "Handels",
];
const TAG_TAILS_DE = [
  "politik", "wende", "forschung", "haushalt", "streit", "reform", "gipfel", "plan", "gesetz", "bericht", "preis", "förderung",
  "krise", "debatte", "projekt", "netz", "amt", "verband", "studie", "wahl", "markt", "schutz", "gericht", "streik", "konzept",
  "fonds", "bündnis", "kommission", "initiative", "programm", "strategie", "zentrum", "festival", "messe", "rat", "stiftung",
  "bilanz", "umfrage", "prognose", "tarif",
];
const TAG_HEADS_EN = ["Climate", "Energy", "Transport", "Education", "Housing", "Health", "Harbour", "City", "Science", "Arts", "Labour", "Media", "Water", "Forest", "Rail", "Tax", "Sport", "Digital", "Family", "Trade"];
const TAG_TAILS_EN = ["policy", "research", "budget", "reform", "summit", "plan", "report", "funding", "crisis", "debate", "project", "network", "study", "election", "market", "protection", "court", "strike", "fund", "survey"];

/** About `size` distinct tag names (German compounds and English pairs), in a fixed order. */
export function tagPool(size = 2000): string[] {
  const names: string[] = [];
  for (const head of TAG_STEMS_DE) for (const tail of TAG_TAILS_DE) names.push(head + tail);
  for (const head of TAG_HEADS_EN) for (const tail of TAG_TAILS_EN) names.push(`${head} ${tail}`);
  const r = rng(7);
  // A fixed shuffle, so the most-used tags (the front of the list) are a mix.
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [names[i], names[j]] = [names[j], names[i]];
  }
  return names.slice(0, size);
}

/** Index into a list of `n`, skewed like real tag use (a few tags are on many articles). */
export function skewedIndex(r: Rand, n: number): number {
  return Math.min(n - 1, Math.floor(n * Math.pow(r(), 2.2)));
}
