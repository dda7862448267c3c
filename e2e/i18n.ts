// The UI's own message catalogues: tests find buttons and labels by the words a person
// reads, in whichever language the desk is showing.
import fs from "node:fs";
import path from "node:path";
import type en from "../messages/en.json";

export type Messages = typeof en;
const load = (locale: string): Messages => JSON.parse(fs.readFileSync(path.join("messages", `${locale}.json`), "utf8"));

export const messages: Record<"de" | "en", Messages> = { de: load("de"), en: load("en") };
/** Browser locales that make the desk pick each language (Accept-Language). */
export const browserLocale = { de: "de-DE", en: "en-GB" } as const;
