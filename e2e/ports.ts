// Every port a journey uses besides the test server's own (E2E_PORT, 3100 by default), in one
// place. Journeys of different projects run side by side on two workers — the instances beside
// the fault checks, say — so no two of them may share a port: a shared one made a journey talk
// to another journey's server. playwright.config.ts refuses to start when two overlap.
// Each engine's journeys have a test server of their own, 100 ports apart (playwright.config.ts):
// read when called, as a worker learns its engine from its project (e2e/fixtures.ts).
export function e2ePort(): number {
  return Number(process.env.E2E_PORT || 3100);
}

/** Offsets from E2E_PORT (a server may also take the next port for itself: listed here too). */
export const PORT_OFFSETS = {
  /** e2e/instances/two-instances.spec.ts: the second instance. */
  twoInstances: [1],
  /** e2e/instances/co-editing-redis.spec.ts: instances A and B. */
  coEditingRedis: [2, 3],
  /** e2e/faults/kill-publish.spec.ts. */
  killPublish: [4],
  /** e2e/faults/db-down.spec.ts: the app server, then the database relay. */
  dbDown: [5, 6],
  /** e2e/faults/mixed-load.spec.ts. */
  mixedLoad: [7],
  /** e2e/faults/kill-collab.spec.ts. */
  killCollab: [8],
  /** e2e/faults/scheduled-while-down.spec.ts. */
  scheduledWhileDown: [9],
  /** e2e/edge/varnish.spec.ts: Varnish, its admin port, then two app instances behind it. */
  varnish: [10, 11, 12, 13],
  /** e2e/instances/shared-media.spec.ts: two instances and the edge in front. */
  sharedMedia: [20, 21, 22],
  /** The PgBouncer scripts/e2e-server.ts starts for the PostgreSQL journeys (scripts/pgbouncer.ts). */
  pgbouncer: [30],
  /** e2e/auth/sso.spec.ts: the OpenID provider (the test server's COPYDESK_OIDC_ISSUER names it). */
  oidc: [40],
  /** e2e/auth/password-off.spec.ts: a server of its own with password sign-in switched off, and the port of an issuer nobody serves. */
  passwordOff: [41, 42],
  /** e2e/auth/required-factor.spec.ts: a server with a newsroom of its own. */
  requiredFactor: [43],
  /** e2e/security/authorization.spec.ts: a server with a newsroom of its own. */
  wholeDesk: [44],
  /** e2e/workflow/front-page.spec.ts: a server with a newsroom of its own. */
  frontPage: [45],
} as const satisfies Record<string, readonly number[]>;

/** The ports of one user of PORT_OFFSETS, in its listed order. */
export function portsOf(name: keyof typeof PORT_OFFSETS): number[] {
  return PORT_OFFSETS[name].map((offset) => e2ePort() + offset);
}

/** The offsets used more than once (none, or the journeys would meet on a port). */
export function overlappingPorts(): number[] {
  const all: number[] = [0, ...Object.values(PORT_OFFSETS).flat()];
  return [...new Set(all.filter((offset, i) => all.indexOf(offset) !== i))];
}
