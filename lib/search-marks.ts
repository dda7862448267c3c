// Marks around matched words in search snippets: control characters no article text
// contains. The search query writes them; the snippet component turns them into <mark>.
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";
