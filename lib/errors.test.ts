// Which failures mean "the database is out of reach" (the editor keeps the text and retries;
// readers get "temporarily unavailable") and which are ordinary errors. Real driver errors:
// node-postgres against a port nobody listens on, and through drizzle, which wraps them.
import net from "node:net";
import { drizzle } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { Conflict, isDatabaseUnavailable, toFailure } from "./errors";

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const t = (key: string) => `«${key}»`;

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, also wrapped by drizzle, and maps it to a retryable failure", async () => {
    const pool = new pg.Pool({ connectionString: `postgres://nobody@127.0.0.1:${await closedPort()}/none`, connectionTimeoutMillis: 2000 });
    pool.on("error", () => undefined);
    const error = await drizzle({ client: pool }).execute(sql`select 1`).catch((e: unknown) => e);
    await pool.end();
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const failure = toFailure(error, "test", t);
    expect(failure).toEqual({ ok: false, code: "database_unavailable", message: "«errors.databaseUnavailable»" });
    // Nothing of the driver's words reaches the person.
    expect(JSON.stringify(failure)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select/);
  });

  it("recognises a dropped connection, PostgreSQL shutting down, and connection-class SQLSTATEs", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }))).toBe(true);
  });

  it("does not mistake ordinary failures for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new Conflict())).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(toFailure(new TypeError("boom"), "test", t).code).toBe("unavailable");
  });
});
