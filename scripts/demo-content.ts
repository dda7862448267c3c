// Demo newsroom content for the embedded database (original text written for Copydesk).
import type { JSONContent } from "@tiptap/core";

export type DemoArticle = {
  key: string; // unique, kebab-case, used for related links
  section: "politik" | "wirtschaft" | "kultur" | "wissen" | "sport";
  language: "de" | "en";
  headline: string;
  standfirst: string; // 1–2 sentences
  body: JSONContent; // TipTap document JSON
  author: "journalist" | "editor" | "admin";
  coAuthor?: "journalist" | "editor" | "admin";
  tags: string[]; // 2–4 tags, human spelling
  related: ({ key: string; title: string } | { url: string; title: string })[];
  status: "published" | "in_review" | "draft";
  hoursAgo: number; // how long ago it was published/last edited, for ordering
};

// ---------------------------------------------------------------------------
// Small builders for TipTap JSON. Only nodes and marks the article schema allows:
// doc, paragraph, heading (level 2/3), text, bulletList, orderedList, listItem,
// blockquote, hardBreak; marks bold, italic, link (href only).

type Inline = string | JSONContent;

function inline(parts: Inline[]): JSONContent[] {
  return parts
    .filter((part) => part !== "")
    .map((part) => (typeof part === "string" ? { type: "text", text: part } : part));
}

const doc = (...blocks: JSONContent[]): JSONContent => ({ type: "doc", content: blocks });
const p = (...parts: Inline[]): JSONContent => ({ type: "paragraph", content: inline(parts) });
const h2 = (text: string): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const b = (text: string): JSONContent => ({ type: "text", text, marks: [{ type: "bold" }] });
const i = (text: string): JSONContent => ({ type: "text", text, marks: [{ type: "italic" }] });
const a = (text: string, href: string): JSONContent => ({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });

/** A list item is a single paragraph: pass a string or an array of inline parts. */
type Item = string | Inline[];
const li = (item: Item): JSONContent => ({
  type: "listItem",
  content: [p(...(typeof item === "string" ? [item] : item))],
});
const ul = (...items: Item[]): JSONContent => ({ type: "bulletList", content: items.map(li) });
const ol = (...items: Item[]): JSONContent => ({ type: "orderedList", content: items.map(li) });
const quote = (...paragraphs: JSONContent[]): JSONContent => ({ type: "blockquote", content: paragraphs });
const tableCell = (type: "tableHeader" | "tableCell") => (text: string): JSONContent => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
  content: [p(text)],
});
const th = tableCell("tableHeader");
const td = tableCell("tableCell");
const tr = (...cells: JSONContent[]): JSONContent => ({ type: "tableRow", content: cells });

// ---------------------------------------------------------------------------
// Related links between published articles form a chain (seagrass ← heat study ←
// Hafenstraße; shipyard ← theatre), so the seed can publish every target first.

export const DEMO_ARTICLES: DemoArticle[] = [
  // ----------------------------------------------------------------- Politik
  {
    key: "buergerentscheid-hafenstrasse",
    section: "politik",
    language: "de",
    headline: "Hafenstraße: Stadtrat lässt die Bürger über den Umbau entscheiden",
    standfirst:
      "Nach monatelangem Streit um Radwege und Parkplätze stimmen die Elbstädterinnen und Elbstädter im März selbst ab. In der Rathauskoalition sorgt der Beschluss für Verstimmung.",
    body: doc(
      p(
        "Die Zukunft der Hafenstraße wird nicht im Ratssaal entschieden, sondern an der Wahlurne. Mit 31 zu 24 Stimmen hat der Stadtrat von Elbstadt am Donnerstagabend beschlossen, die Bürgerinnen und Bürger über den Umbau der wichtigsten Verbindung zwischen Altstadt und Hafenviertel abstimmen zu lassen. Der Bürgerentscheid findet am ",
        b("Sonntag, 15. März"),
        " statt.",
      ),
      p(
        "Vorausgegangen war ein Streit, der die Stadt seit dem Frühjahr beschäftigt. Die Verwaltung will die vierspurige Straße auf zwei Fahrspuren verengen, geschützte Radwege anlegen, 140 Bäume pflanzen und dafür rund 180 Parkplätze streichen. Eine Initiative aus Anwohnern und Gewerbetreibenden sammelte dagegen mehr als 9.000 Unterschriften – deutlich mehr, als die Gemeindeordnung für ein Bürgerbegehren verlangt. Statt das Begehren juristisch prüfen zu lassen, hat der Rat die Abstimmung nun selbst angesetzt.",
      ),
      h2("Was auf dem Stimmzettel steht"),
      p(
        "Die Frage ist bewusst knapp gehalten: ‚Soll die Hafenstraße nach dem Planungsentwurf der Stadtverwaltung vom Juni umgebaut werden?‘ Das weitere Verfahren folgt festen Regeln:",
      ),
      ol(
        "Bis Ende Januar verschickt das Wahlamt die Benachrichtigungen, danach ist die Briefwahl möglich.",
        "Der Entwurf gilt als angenommen, wenn eine Mehrheit mit Ja stimmt und diese Mehrheit mindestens 20 Prozent aller Stimmberechtigten entspricht – in Elbstadt sind das rund 27.000 Menschen.",
        "Wird dieses Quorum verfehlt, fällt die Entscheidung an den Stadtrat zurück.",
      ),
      h2("Riss durch die Rathauskoalition"),
      p(
        "Baudezernentin Miriam Oltmanns zeigte sich nach der Sitzung gelassen. Die Planung sei abgeschlossen, die Fördermittel des Landes seien bis Ende 2026 gebunden. „Wenn die Stadt dahintersteht, bauen wir schneller und mit weniger Ärger“, sagte sie. Deutlich verärgert reagierte dagegen Holger Brandes, Fraktionschef der Sozialdemokraten. „Wir haben dieses Projekt zwei Jahre lang gemeinsam vorbereitet, und jetzt wird es im letzten Moment wieder aufgeschnürt“, sagte er. Seine Fraktion stimmte mehrheitlich gegen den Antrag.",
      ),
      p(
        "Die Initiative ‚Hafenstraße für alle‘ wertet den Beschluss als Erfolg. „Wir sind nicht gegen Radwege“, sagte Sprecherin Sabine Kröger, die an der Straße ein Fachgeschäft für Schiffsbedarf führt. „Wir sind dagegen, dass über die Köpfe derer hinweg entschieden wird, die hier wohnen und arbeiten.“ Die Initiative will bis Februar einen eigenen, ",
        i("kleineren"),
        " Umbauvorschlag vorlegen, der mit weniger Parkplätzen auskommt.",
      ),
      p(
        "Die Verwaltung plant drei Informationsabende in den Stadtteilen. Sämtliche Planunterlagen, Verkehrszählungen und das Lärmgutachten sind auf der ",
        a("Beteiligungsplattform der Stadt", "https://www.example.org/elbstadt/hafenstrasse"),
        " abrufbar.",
      ),
    ),
    author: "journalist",
    tags: ["Verkehr", "Bürgerbeteiligung", "Stadtrat"],
    related: [
      { key: "hitzeinseln-messnetz", title: "Messnetz der Hochschule: Wo Elbstadt nachts nicht abkühlt" },
      { url: "https://www.example.org/elbstadt/hafenstrasse", title: "Planunterlagen zur Hafenstraße" },
    ],
    status: "published",
    hoursAgo: 6,
  },

  // -------------------------------------------------------------- Wirtschaft
  {
    key: "werft-elektrofaehren",
    section: "wirtschaft",
    language: "de",
    headline: "Großauftrag für die Werft Südufer: Drei Elektrofähren sichern 400 Arbeitsplätze",
    standfirst:
      "Die traditionsreiche Werft im Süden Elbstadts baut Fähren für eine norwegische Reederei. Geschäftsführung und Betriebsrat sprechen von einem Wendepunkt – doch ohne neue Fachkräfte wird es eng.",
    body: doc(
      p(
        "Auf dem Gelände der Werft Südufer wurde am Mittwoch zum ersten Mal seit Jahren wieder gefeiert. Vor rund 500 Beschäftigten unterzeichnete Geschäftsführerin Katharina Wendt den Vertrag über drei batterieelektrische Fähren für die Reederei Skarholm Linjer, die damit Inseln an der westnorwegischen Küste verbinden will. Es ist der größte Auftrag in der 130-jährigen Geschichte des Betriebs.",
      ),
      p(
        "Für die Werft kommt der Vertrag zur rechten Zeit. Nach dem Ende des Marineschiffbaus vor vier Jahren hatte sie sich mit Reparaturen und Umbauten über Wasser gehalten, im vergangenen Winter stand sogar Kurzarbeit im Raum. Nun ist die Auslastung ",
        b("bis mindestens 2029"),
        " gesichert.",
      ),
      h2("Die wichtigsten Eckdaten"),
      ul(
        "Auftragsvolumen: rund 210 Millionen Euro für drei baugleiche Schiffe",
        "Kapazität je Fähre: 600 Fahrgäste und 120 Autos",
        "Ladezeit am Anleger: etwa zwölf Minuten bei einer Überfahrt von 40 Minuten",
        "Ablieferung des ersten Schiffs: Frühjahr 2028",
      ),
      h2("Fachkräfte als Nadelöhr"),
      p(
        "Ungetrübt ist die Freude allerdings nicht. Um die Schiffe pünktlich abzuliefern, muss die Werft in den kommenden 18 Monaten rund 120 zusätzliche Stellen besetzen, vor allem Schweißerinnen, Elektriker und Ingenieure für Batteriesysteme. „Die Aufträge sind da, die Hallen sind da – jetzt brauchen wir die Menschen“, sagte Wendt. Geplant sind eine eigene Ausbildungswerkstatt für Hochvolttechnik und eine Kooperation mit der Berufsschule am Hafen.",
      ),
      p(
        "Betriebsratsvorsitzender Jens Ohlsen begrüßte den Auftrag, mahnte aber faire Bedingungen für die neuen Kolleginnen und Kollegen an. Leiharbeit dürfe ",
        i("nicht"),
        " zum Dauerzustand werden. „Wer hier die Zukunft baut, soll auch hier eine Zukunft haben“, sagte er.",
      ),
      p(
        "Für die Stadt ist der Auftrag auch ein Signal. Die Industrie- und Handelskammer hatte erst im Herbst in ihrem ",
        a("Standortbericht", "https://www.example.org/ihk-elbstadt/standortbericht"),
        " vor einer schleichenden Abwanderung maritimer Zulieferer gewarnt. Mehrere Betriebe aus der Region, darunter ein Kabelhersteller und ein Stahlbauer, haben bereits Interesse an Unteraufträgen angemeldet.",
      ),
    ),
    author: "editor",
    coAuthor: "journalist",
    tags: ["Werft", "Arbeitsmarkt", "Schifffahrt"],
    related: [{ url: "https://www.example.org/ihk-elbstadt/standortbericht", title: "Standortbericht der Kammer (PDF)" }],
    status: "published",
    hoursAgo: 11,
  },

  // ------------------------------------------------------------------ Kultur
  {
    key: "stadttheater-kaffeespeicher",
    section: "kultur",
    language: "de",
    headline: "Dreigroschenoper im Kaffeespeicher: Das Stadttheater macht aus der Not eine Bühne",
    standfirst:
      "Während das Haus am Domplatz saniert wird, spielt das Ensemble drei Jahre lang in einem alten Lagerhaus im Hafen. Die erste Premiere zeigt, was der Umzug gewinnen kann – und was ihm noch fehlt.",
    body: doc(
      p(
        "Es riecht noch ein wenig nach Röstkaffee, wenn man die Eisentreppe zum dritten Boden von Speicher B hinaufsteigt. Wo bis in die Neunzigerjahre Säcke aus Brasilien und Äthiopien lagerten, stehen jetzt 380 Stühle auf einer steil ansteigenden Tribüne. Am Samstag hat das Stadttheater Elbstadt hier seine Ausweichspielstätte eröffnet – mit Brechts und Weills ",
        i("Dreigroschenoper"),
        ", einem Stück, das in einer Hafenstadt ohnehin zu Hause ist.",
      ),
      p(
        "Regisseurin Lea Marquardt nutzt den Raum konsequent. Die gusseisernen Säulen werden zu Laternenpfählen in Soho, ein Lastenaufzug bringt Macheath zum Galgen, und die Band sitzt hinter einem Gitter, als sei sie selbst eingelagert worden. Jonas Ebeling spielt Mackie Messer nicht als charmanten Gauner, sondern als kühlen Geschäftsmann, dem Gewalt vor allem lästig ist. Das ist ",
        b("die stärkste Idee des Abends"),
        ", auch wenn sie die berühmten Songs mitunter kälter wirken lässt, als es ihnen guttut.",
      ),
      h2("Akustik mit Tücken"),
      p(
        "Nicht alles gelingt. Der lange, niedrige Raum schluckt in den hinteren Reihen manches Wort, und bei leisen Dialogszenen ist man für die Übertitel dankbar, die eigentlich für Gäste ohne Deutschkenntnisse gedacht sind. Die technische Leitung kündigte an, bis zur nächsten Premiere zusätzliche Schallabsorber unter der Decke anzubringen.",
      ),
      p(
        "Intendantin Dorothea Vahrenkamp will den Umzug ausdrücklich nicht als Notlösung verstanden wissen. Vor der Vorstellung sagte sie:",
      ),
      quote(
        p(
          "„Wir haben drei Jahre Zeit, ein Publikum zu erreichen, das den Weg zum Domplatz nie gefunden hat. Wenn wir danach zurückziehen, sollen diese Menschen mitkommen.“",
        ),
      ),
      p(
        "Ob das gelingt, wird sich zeigen. Das Premierenpublikum jedenfalls war auffallend jünger als sonst, und in der Pause drängten sich die Gäste an der Bar, die ein benachbarter Fischimbiss betreibt. Der lange Schlussapplaus galt auch dem Raum.",
      ),
      p(
        "Bis Juni stehen im Speicher fünf weitere Premieren auf dem Plan, darunter eine Uraufführung über die Hafenarbeiterinnen der Nachkriegszeit, entwickelt mit ehemaligen Beschäftigten der Werft Südufer. Karten und Termine gibt es im ",
        a("Online-Spielplan", "https://www.example.org/stadttheater-elbstadt/spielplan"),
        ".",
      ),
    ),
    author: "journalist",
    tags: ["Theater", "Stadttheater", "Premiere"],
    related: [
      { key: "werft-elektrofaehren", title: "Großauftrag für die Werft Südufer" },
      { url: "https://www.example.org/stadttheater-elbstadt/spielplan", title: "Spielplan des Stadttheaters" },
    ],
    status: "published",
    hoursAgo: 26,
  },

  // ------------------------------------------------------------------ Wissen
  {
    key: "hitzeinseln-messnetz",
    section: "wissen",
    language: "de",
    headline: "Messnetz der Hochschule: In der Altstadt bleibt es nachts bis zu sieben Grad wärmer",
    standfirst:
      "Ein Jahr lang haben 60 Sensoren an Laternenmasten Temperatur und Luftfeuchte gemessen. Die Ergebnisse sollen in den Klimaanpassungsplan der Stadt einfließen.",
    body: doc(
      p(
        "Wer im vergangenen August in einer Dachgeschosswohnung am Markt zu schlafen versucht hat, wird das Ergebnis nicht überraschen. Doch nun gibt es belastbare Zahlen: In windstillen Sommernächten lag die Temperatur in der Elbstädter Altstadt um bis zu ",
        b("7,2 Grad"),
        " über der in den Wiesen am Stadtrand. Das zeigt eine Auswertung der Hochschule Elbstadt, die am Dienstag im Umweltausschuss vorgestellt wurde.",
      ),
      p(
        "Ein Team um die Geografin Anke Siebert hatte im Frühjahr des vergangenen Jahres 60 kleine Messstationen an Laternenmasten montiert, verteilt über alle Stadtteile. Alle zehn Minuten funkten die Geräte ihre Werte an einen Server der Hochschule. Ergänzt wurden die Daten durch Messfahrten mit einem Lastenrad und Wärmebilder aus einem Kleinflugzeug.",
      ),
      h2("Wo es am heißesten ist"),
      p(
        "Am stärksten aufgeheizt waren dicht bebaute Quartiere mit wenig Grün und viel Asphalt: neben der Altstadt das Gewerbegebiet Nordtor und die Hafenstraße, wo vier Fahrspuren und große Parkflächen tagsüber Wärme speichern und nachts wieder abgeben. Deutlich kühler blieben Straßen mit altem Baumbestand, selbst mitten im Zentrum. ",
        i("Ein einziger großer Baum"),
        ", so Siebert, könne die gefühlte Temperatur auf dem Gehweg darunter spürbar senken.",
      ),
      p(
        "„Entscheidend ist nicht der Höchstwert am Nachmittag, sondern die Nacht“, sagte die Professorin im Ausschuss. „Wenn sich der Körper nachts nicht erholen kann, wird Hitze für ältere und kranke Menschen gefährlich.“ In der Altstadt leben überdurchschnittlich viele Menschen über 75 Jahre.",
      ),
      h2("Was die Stadt daraus macht"),
      p(
        "Die Verwaltung will die Messdaten in den Klimaanpassungsplan übernehmen, über den der Rat im Sommer abstimmen soll. Vorgesehen sind unter anderem Trinkbrunnen an stark belasteten Plätzen, kühle Räume in öffentlichen Gebäuden und ein Förderprogramm für begrünte Innenhöfe. Auch die Debatte über den Umbau der Hafenstraße dürfte durch die Zahlen neuen Stoff bekommen.",
      ),
      p(
        "Das Messnetz soll mindestens drei weitere Jahre in Betrieb bleiben. Die Rohdaten stellt die Hochschule als ",
        a("offenen Datensatz", "https://www.example.org/hochschule-elbstadt/stadtklima"),
        " bereit; eine interaktive Karte zeigt zudem für jede Straße, wie stark sie sich in Hitzenächten aufheizt.",
      ),
    ),
    author: "editor",
    tags: ["Klimaschutz", "Stadtklima", "Forschung"],
    related: [
      { key: "seagrass-returns", title: "Seagrass is returning to the river flats below Elbstadt" },
      { url: "https://www.example.org/hochschule-elbstadt/stadtklima", title: "Messdaten und Temperaturkarte der Hochschule" },
    ],
    status: "published",
    hoursAgo: 35,
  },

  // ------------------------------------------------------------ Sport (EN)
  {
    key: "rowing-eight-final",
    section: "sport",
    language: "en",
    headline: "Elbstadt rowers reach national eights final for the first time in 14 years",
    standfirst:
      "A crew built largely from the club’s own junior programme beat a medal favourite in the semi-finals. Sunday’s race is the biggest for the Elbstadt Rowing Club in a generation.",
    body: doc(
      p(
        "For well over a decade, the boathouse of the Elbstadt Rowing Club has displayed the same faded photograph: eight men in blue vests, arms raised, after reaching the national championship final in 2011. On Saturday afternoon, a new crew earned the right to hang up a picture of its own.",
      ),
      p(
        "Racing in the second semi-final, the Elbstadt eight finished in ",
        b("5:41.8"),
        ", half a length ahead of a well-funded university crew that had been tipped for a medal. Only the defending champions were faster. It is the first time since 2011 that the club has qualified for the A-final, and it has done so with a crew whose average age is just 22.",
      ),
      h2("Built at home"),
      p(
        "What makes the result remarkable is where the rowers come from. Six of the eight learned the sport through the club’s schools programme, which sends coaches into four local secondary schools every spring. Head coach Tobias Reimer, who returned to Elbstadt three years ago after working abroad, said the crew had been shaped by “early mornings, cold water and a great deal of patience.”",
      ),
      p(
        "“We don’t have the budget to recruit,” Reimer said after the race. “So we grow our own. These athletes have been in boats together since they were fifteen. They know each other’s rhythm without having to think about it.”",
      ),
      p(
        "Stroke Malte Hinrichs, a physiotherapy student, admitted the result had surprised even the crew. “At 1,500 metres I looked across and we were still level,” he said. “That was the moment we started to believe it.”",
      ),
      h2("A tough final ahead"),
      p(
        "Sunday’s final is likely to be harder. The defending champions have not lost a domestic race in two seasons, and at least two other crews include members of the national squad. Reimer called a podium finish ",
        i("“a bonus, not a requirement,”"),
        " and said the crew’s main goal was to row its own race.",
      ),
      p(
        "The club will show the final on a big screen at the boathouse from 11 a.m., and the organisers are streaming every final on the ",
        a("regatta website", "https://www.example.org/regatta/live"),
        ".",
      ),
    ),
    author: "journalist",
    tags: ["Rowing", "Club sport", "Youth sport"],
    related: [{ url: "https://www.example.org/regatta/live", title: "Live stream and results of the championships" }],
    status: "published",
    hoursAgo: 17,
  },

  // ----------------------------------------------------------- Wissen (EN)
  {
    key: "seagrass-returns",
    section: "wissen",
    language: "en",
    headline: "Seagrass is returning to the river flats below Elbstadt, survey finds",
    standfirst:
      "Researchers mapped almost four times as much eelgrass as five years ago. They credit cleaner water – but warn that the recovery is fragile.",
    body: doc(
      p(
        "On the muddy flats where the river widens towards the sea, something green is spreading again. A survey by the marine research station of Elbstadt’s university of applied sciences has found that beds of dwarf eelgrass now cover roughly ",
        b("38 hectares"),
        " of the tidal flats downstream of the city – almost four times the area mapped five years ago.",
      ),
      p(
        "Seagrass was once common along this stretch of the estuary. Fishing records from the 1930s describe “meadows” so dense that nets snagged on them. But decades of industrial discharge, dredging and fertiliser run-off from farmland clouded the water, and by the 1990s the plants had all but vanished.",
      ),
      h2("Clearer water, more light"),
      p(
        "The researchers believe the recovery is driven above all by better water quality. Since the city’s sewage works added a third treatment stage nine years ago, nitrogen levels in the estuary have fallen by around a third. Fewer nutrients mean fewer algal blooms, and clearer water lets more sunlight reach the bottom.",
      ),
      p(
        "“Seagrass is a very honest indicator,” said Helen Carstens, the biologist who led the fieldwork. “It only comes back when conditions genuinely improve. You can’t fake it.” Her team walked fixed lines across the flats at low tide over two summers, combining counts on the ground with drone images.",
      ),
      p(
        "The meadows matter well beyond their own patch of mud. They stabilise sediment, shelter young fish and lock carbon into the seabed – a function known as ",
        i("blue carbon"),
        " that has made seagrass restoration a growing field of research.",
      ),
      // The demo's table and two-click embed: readers see a placeholder until they agree to load the map.
      {
        type: "table",
        attrs: { caption: "Dwarf eelgrass mapped on the flats below Elbstadt" },
        content: [
          tr(th("Survey"), th("Area"), th("Beds")),
          tr(th("2021"), td("10 ha"), td("14")),
          tr(th("2023"), td("21 ha"), td("26")),
          tr(th("2026"), td("38 ha"), td("41")),
        ],
      },
      {
        type: "embed",
        attrs: {
          provider: "openstreetmap",
          id: "13/53.5410/9.8420/marker",
          url: "https://www.openstreetmap.org/?mlat=53.5410&mlon=9.8420#map=13/53.5410/9.8420",
          caption: "The tidal flats downstream of the city, where the survey lines ran",
          credit: "Map: OpenStreetMap contributors",
        },
      },
      h2("Fragile gains"),
      p(
        "The scientists caution against celebrating too early. A single hot summer can trigger disease in eelgrass, and a planned deepening of the shipping channel could stir up sediment just as young plants are taking root. The research station has asked the port authority to schedule dredging outside the main growing season, from May to September.",
      ),
      p(
        "The full survey, including maps of every seagrass bed, is available as a ",
        a("report from the research station", "https://www.example.org/elbstadt-marine/seagrass-survey"),
        ".",
      ),
    ),
    author: "editor",
    tags: ["Environment", "Marine biology", "Water quality"],
    related: [{ url: "https://www.example.org/elbstadt-marine/seagrass-survey", title: "Seagrass survey: full report" }],
    status: "published",
    hoursAgo: 52,
  },

  // ------------------------------------------------------ Sport (in review)
  {
    key: "handball-aufstieg",
    section: "sport",
    language: "de",
    headline: "Kämpferinnen mit Rückenwind: TuS-Handballerinnen greifen nach dem Aufstieg",
    standfirst:
      "Zwei Spieltage vor Saisonende führen die Frauen des TuS Elbstadt die Tabelle an. Entschieden werden könnte alles schon am Samstag in eigener Halle.",
    body: doc(
      p(
        "Die Halle am Schwanenteich ist keine, in der man sich verstecken kann. Die Tribüne reicht bis an die Seitenlinie, und wenn alle 900 Plätze besetzt sind, wird es so laut, dass die Trainerin ihre Anweisungen auf eine Tafel schreibt. Am Samstag dürfte es wieder so weit sein: Mit einem Sieg gegen den Tabellenzweiten HSG Marschland können die Handballerinnen des TuS Elbstadt den Aufstieg in die Zweite Bundesliga ",
        b("vorzeitig perfekt machen"),
        ".",
      ),
      p(
        "Dass die Mannschaft überhaupt so weit oben steht, hatte vor der Saison kaum jemand erwartet. Im Sommer verließen drei Stammspielerinnen den Verein, das Budget wurde gekürzt, und die neue Trainerin Nadine Petersen musste einen Kader aus Eigengewächsen und zwei Rückkehrerinnen formen. Aus den ersten sechs Spielen holte das Team nur fünf Punkte.",
      ),
      h2("Die Wende kam im November"),
      p(
        "Seitdem hat der TuS kein Spiel mehr verloren. Petersen stellte die Abwehr auf eine offensive 3:2:1-Formation um, die den Gegnerinnen früh den Rhythmus nimmt, und setzt konsequent auf schnelle Gegenstöße. „Wir sind nicht die Größten und nicht die Erfahrensten“, sagt sie. „Aber wir laufen mehr als jede andere Mannschaft in dieser Liga.“",
      ),
      p(
        "Herausragend war zuletzt Kapitänin Fenja Brodersen, die in den vergangenen acht Partien 61 Tore erzielte. Die 24-Jährige arbeitet tagsüber als Erzieherin und trainiert viermal pro Woche am Abend. Über den ",
        i("Kampfgeist"),
        " ihrer Mannschaft spricht sie ohne Pathos: „Wir wissen, dass uns niemand etwas schenkt. Also holen wir es uns.“",
      ),
      h2("Offene Fragen hinter den Kulissen"),
      p(
        "Ganz sorgenfrei ist der Blick nach vorn allerdings nicht. Für die Zweite Bundesliga muss der Verein einen deutlich höheren Etat nachweisen und die Halle mit zusätzlicher Technik für Livestreams ausstatten. Der Vorstand verhandelt nach eigenen Angaben mit zwei Sponsoren; eine Entscheidung soll bis Ende April fallen. Die Stadt hat signalisiert, sich an den Umbaukosten zu beteiligen, falls der Aufstieg sportlich gelingt.",
      ),
      p(
        "Anwurf ist am Samstag um 18 Uhr. Karten gibt es nur noch an der Abendkasse, der Verein empfiehlt eine frühe Anreise.",
      ),
    ),
    author: "journalist",
    tags: ["Handball", "Frauensport", "Aufstieg"],
    related: [{ key: "rowing-eight-final", title: "Elbstadt rowers reach national eights final" }],
    status: "in_review",
    hoursAgo: 3,
  },

  // ------------------------------------------------------- Politik (draft)
  {
    key: "night-bus-network",
    section: "politik",
    language: "en",
    headline: "Council weighs overnight bus network as late-shift workers press for change",
    standfirst:
      "A proposal for four night routes would cost the city around 1.9 million euros a year. Hospital and restaurant staff say the last bus, at 12:40 a.m., leaves them stranded.",
    body: doc(
      p(
        "At 12:40 a.m., the last bus leaves Elbstadt’s central station for the northern districts. For nurses finishing a late shift, for kitchen staff, cleaners and warehouse workers, that is often too early – and the next bus does not run until shortly after five.",
      ),
      p(
        "A proposal now before the city council’s transport committee would change that. It envisages four overnight routes running every 60 minutes between 1 a.m. and 5 a.m. on weekdays, and every 30 minutes on Friday and Saturday nights. The municipal transport company puts the additional cost at ",
        b("around 1.9 million euros a year"),
        ", partly offset by fares.",
      ),
      h2("Who would benefit"),
      p(
        "Supporters argue that the network is less about nightlife than about work. According to a survey by the staff council of the municipal hospital, more than 300 employees regularly end or begin shifts at times when no bus is running. Many drive, some cycle, and others pay for taxis they can barely afford.",
      ),
      p(
        "“People think of night buses as something for students coming home from a club,” said Petra Hollmann, a nurse on the cardiology ward who has collected signatures for the plan. “For us it is simply the way to get to work.”",
      ),
      p(
        "Restaurant owners in the old town have also backed the proposal. Several say they struggle to hire staff from the outer districts because late closing times make the commute impossible without a car.",
      ),
      h2("Questions over money"),
      p(
        "Not everyone on the council is convinced. The city treasurer has warned that next year’s budget already shows a gap of several million euros, and members of the finance committee want to see a trial before committing to a permanent service. One option under discussion is a ",
        i("twelve-month pilot"),
        " on two of the four routes, with passenger numbers reviewed after six months.",
      ),
      p(
        "The transport committee is expected to vote on the proposal next month. [TO CHECK: exact date with the committee office; ask the transport company for its ridership estimate.]",
      ),
    ),
    author: "journalist",
    tags: ["Public transport", "City council", "Night shifts"],
    related: [{ key: "buergerentscheid-hafenstrasse", title: "Hafenstraße: Stadtrat lässt die Bürger entscheiden" }],
    status: "draft",
    hoursAgo: 1,
  },
];
