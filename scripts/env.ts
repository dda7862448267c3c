// Shared by the command-line scripts: .env loading and the embedded default's secret.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function loadDotEnv(): void {
  for (const file of [".env.local", ".env"]) {
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}

export function dataDir(): string {
  return path.resolve(process.env.COPYDESK_DATA_DIR || "data");
}

export function usesEmbeddedDb(): boolean {
  return !process.env.DATABASE_URL?.trim();
}

/**
 * Auth.js signs sessions with AUTH_SECRET. For the embedded default one is generated on
 * first start and kept in the data folder; with PostgreSQL (production) it must be given.
 */
export function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!usesEmbeddedDb()) {
    console.error(
      "AUTH_SECRET is not set. With DATABASE_URL (production) Copydesk needs a fixed secret shared by all instances:\n" +
        "  export AUTH_SECRET=$(openssl rand -base64 33)",
    );
    process.exit(1);
  }
  const file = path.join(dataDir(), "auth-secret");
  fs.mkdirSync(dataDir(), { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(33).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export const DEMO_PASSWORD = "copydesk-demo";
export const DEMO_ACCOUNTS = [
  { email: "admin@copydesk.test", name: "Henrike Albers", role: "admin" as const, bio: "Chefredakteurin. Verantwortlich für den Inhalt." },
  { email: "editor@copydesk.test", name: "Jonas Weber", role: "editor" as const, bio: "Chef vom Dienst, Ressort Politik." },
  { email: "journalist@copydesk.test", name: "Lena Kämpfer", role: "journalist" as const, bio: "Reporterin für Stadt, Wirtschaft und Wissenschaft." },
];
