// How people are told apart in the editor: a colour per person (the same in every browser, so the
// presence list and the carets agree), dark enough for white text on it.
const PALETTE = ["#b3261e", "#1b6e3c", "#0b57d0", "#8a4b00", "#6a1b9a", "#00696b", "#a0307a", "#4a5a00"];

export function colorFor(userId: number): string {
  return PALETTE[((userId % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** Initials for the presence list: "Lena Schäfer" → "LS". */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}
