// Single sign-on with OpenID Connect: its settings (from the environment) and the rules that turn
// an identity provider's claims into a Copydesk role. Pure, so the rules are tested without a
// server; the sign-in itself is db/users/sign-in-with-oidc.ts, the Auth.js wiring app/auth.ts.
import { ROLES, type Role } from "./permissions";

/** What the sign-in verb needs to decide about a person the identity provider vouches for. */
export type OidcPolicy = {
  /** Role for a verified email Copydesk does not know yet; null refuses them. */
  defaultRole: Role | null;
  /** Claim holding the person's groups or roles (a dotted path such as `realm_access.roles`); null: no mapping. */
  groupsClaim: string | null;
  /** Group value → role. With a groups claim configured, the role follows it at every sign-in. */
  roleMap: Record<string, Role>;
  /** `amr` values (RFC 8176) that count as a second factor done at the identity provider. */
  mfaAmr: string[];
};

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the button names, e.g. "Keycloak": "Sign in with Keycloak". */
  label: string;
  scopes: string;
  policy: OidcPolicy;
};

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * `"newsroom-admins=admin, desk=editor"` → `{ "newsroom-admins": "admin", desk: "editor" }`, or a
 * JSON object for group values that contain commas (LDAP names). Bad pairs are a configuration error.
 */
export function parseRoleMap(value: string | undefined): Record<string, Role> {
  const text = (value ?? "").trim();
  let pairs: [string, unknown][];
  if (text.startsWith("{")) {
    try {
      pairs = Object.entries(JSON.parse(text) as Record<string, unknown>);
    } catch {
      throw new Error("COPYDESK_OIDC_ROLE_MAP: not a JSON object");
    }
  } else {
    pairs = text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (p.lastIndexOf("=") > 0 ? [p.slice(0, p.lastIndexOf("=")).trim(), p.slice(p.lastIndexOf("=") + 1).trim()] : [p, ""]));
  }
  const map: Record<string, Role> = {};
  for (const [group, role] of pairs) {
    if (!group || typeof role !== "string" || !isRole(role)) throw new Error(`COPYDESK_OIDC_ROLE_MAP: "${group}" needs a role (${ROLES.join("|")})`);
    map[group] = role;
  }
  return map;
}

/**
 * The single sign-on settings, or null when no issuer is set. A half-filled configuration is an
 * error at start, not a button that fails at the first click.
 */
export function ssoConfig(env: Record<string, string | undefined> = process.env): SsoConfig | null {
  const issuer = env.COPYDESK_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.COPYDESK_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.COPYDESK_OIDC_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) throw new Error("COPYDESK_OIDC_ISSUER is set: COPYDESK_OIDC_CLIENT_ID and COPYDESK_OIDC_CLIENT_SECRET are needed too");
  const defaultRole = env.COPYDESK_OIDC_DEFAULT_ROLE?.trim() || "none";
  if (defaultRole !== "none" && !isRole(defaultRole)) throw new Error(`COPYDESK_OIDC_DEFAULT_ROLE: "${defaultRole}" is not none|${ROLES.join("|")}`);
  const roleMap = parseRoleMap(env.COPYDESK_OIDC_ROLE_MAP);
  const groupsClaim = env.COPYDESK_OIDC_GROUPS_CLAIM?.trim() || null;
  if (Object.keys(roleMap).length && !groupsClaim) throw new Error("COPYDESK_OIDC_ROLE_MAP needs COPYDESK_OIDC_GROUPS_CLAIM (the claim it reads)");
  const amr = env.COPYDESK_OIDC_MFA_AMR?.trim() ?? "mfa";
  return {
    // The ID token's `iss` must equal it character for character: no trailing slash added or taken.
    issuer,
    clientId,
    clientSecret,
    label: env.COPYDESK_OIDC_LABEL?.trim() || "single sign-on",
    scopes: env.COPYDESK_OIDC_SCOPES?.trim() || "openid profile email",
    policy: {
      defaultRole: defaultRole === "none" ? null : defaultRole,
      groupsClaim,
      roleMap,
      mfaAmr: amr === "none" ? [] : amr.split(",").map((s) => s.trim()).filter(Boolean),
    },
  };
}

/** Password sign-in stays on unless switched off — and it can only be switched off when SSO is configured. */
export function passwordSignInEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !(env.COPYDESK_PASSWORD_SIGNIN?.trim() === "off" && ssoConfig(env));
}

const RANK: Record<Role, number> = { admin: 3, editor: 2, journalist: 1 };

/** The values of a (possibly nested, dotted) groups claim: an array of strings, or one string. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const key of path.split(".")) value = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The highest role any of the person's groups maps to, or null when none does. */
export function mappedRole(claims: Record<string, unknown>, policy: Pick<OidcPolicy, "groupsClaim" | "roleMap">): Role | null {
  if (!policy.groupsClaim) return null;
  let best: Role | null = null;
  for (const group of claimValues(claims, policy.groupsClaim)) {
    const role = Object.hasOwn(policy.roleMap, group) ? policy.roleMap[group] : undefined;
    if (role && (!best || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

/** Whether the ID token says the identity provider itself asked for more than one factor. */
export function mfaAtProvider(claims: Record<string, unknown>, policy: Pick<OidcPolicy, "mfaAmr">): boolean {
  const amr = claims.amr;
  return Array.isArray(amr) && amr.some((value) => typeof value === "string" && policy.mfaAmr.includes(value));
}

/** Some providers send `email_verified` as the string "true"; anything else is not verified. */
export function emailVerified(claims: Record<string, unknown>): boolean {
  return claims.email_verified === true || claims.email_verified === "true";
}
