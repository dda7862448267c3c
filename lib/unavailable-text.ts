// The words of app/global-error.tsx (which replaces the whole document: a root layout failed)
// and app/(site)/error.tsx (drawn in the browser, where the reader site has no catalogue): they
// cannot ask next-intl, and importing the catalogues there would ship both to every page's
// JavaScript. Copies of messages/{de,en}.json's keys, kept equal by lib/unavailable-text.test.ts.
export const UNAVAILABLE_TEXT = {
  de: {
    title: "Vorübergehend nicht erreichbar",
    text: "Diese Seite kann gerade nicht angezeigt werden. Bitte versuchen Sie es in Kürze noch einmal.",
    retry: "Erneut versuchen",
    home: "Zur Startseite",
  },
  en: {
    title: "Temporarily unavailable",
    text: "This page cannot be shown right now. Please try again shortly.",
    retry: "Try again",
    home: "Back to the front page",
  },
} as const;
