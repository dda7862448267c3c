// A PostgreSQL database of its own beside another's, on the same server: for a fault check, a
// bench or a journey that must not share the test database. Made empty (dropped first if an
// earlier run left it), dropped again by `drop`.
import pg from "pg";

/** `<base's database>_<name>` on `base`'s server, new and empty; its URL, and how to drop it. */
export async function throwawayDatabase(base: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(base);
  const database = `${url.pathname.slice(1) || "postgres"}_${name.replace(/\W/g, "_")}`;
  const run = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const drop = () => run(`drop database if exists "${database}" with (force)`);
  await run(`drop database if exists "${database}" with (force)`, `create database "${database}"`);
  url.pathname = `/${database}`;
  return { url: url.toString(), drop };
}
