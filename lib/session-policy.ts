// How long a desk session lasts (settings, from the environment): it ends after IDLE minutes
// without a request, and at the latest MAX hours after sign-in, whatever happens.
export type SessionSummary = { id: string; browser: string; address: string | null; createdAt: string; lastSeenAt: string; current: boolean };

export type SessionPolicy = { idleSeconds: number; maxSeconds: number };

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function sessionPolicy(env: Record<string, string | undefined> = process.env): SessionPolicy {
  const maxSeconds = Math.round(positive(env.COPYDESK_SESSION_MAX_HOURS, 12) * 3600);
  const idleSeconds = Math.min(maxSeconds, Math.round(positive(env.COPYDESK_SESSION_IDLE_MINUTES, 120) * 60));
  return { idleSeconds, maxSeconds };
}

/** A short description of a browser for the session list ("Firefox on Windows"). */
export function describeBrowser(userAgent: string): string {
  const browser =
    /Edg\//.test(userAgent) ? "Edge" : /OPR\//.test(userAgent) ? "Opera" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrom(e|ium)\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : null;
  const system =
    /Android/.test(userAgent) ? "Android" : /iPhone|iPad|iPod/.test(userAgent) ? "iOS" : /Windows/.test(userAgent) ? "Windows" : /Mac OS X|Macintosh/.test(userAgent) ? "macOS" : /Linux|X11/.test(userAgent) ? "Linux" : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? (userAgent.slice(0, 60) || "?");
}
