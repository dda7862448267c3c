// Typing help in the editor: straight quotes become the article language's typographic
// quotes, "--" an en dash, "..." an ellipsis. Input rules only — no schema change, so the
// server's extension list does not need it.
import Typography from "@tiptap/extension-typography";

const QUOTES = {
  de: { openDoubleQuote: "„", closeDoubleQuote: "“", openSingleQuote: "‚", closeSingleQuote: "‘" },
  en: { openDoubleQuote: "“", closeDoubleQuote: "”", openSingleQuote: "‘", closeSingleQuote: "’" },
} as const;

export function typographyFor(language: "de" | "en") {
  return Typography.configure({
    ...QUOTES[language],
    emDash: "–", // newsrooms set spaced en dashes: "Berlin – Hamburg"
    ellipsis: "…",
    // Leave arrows, fractions and the like alone: they surprise more than they help in news copy.
    leftArrow: false,
    rightArrow: false,
    oneHalf: false,
    oneQuarter: false,
    threeQuarters: false,
    plusMinus: false,
    notEqual: false,
    laquo: false,
    raquo: false,
    multiplication: false,
    superscriptTwo: false,
    superscriptThree: false,
  });
}
