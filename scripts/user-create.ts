// Creates a newsroom account from the command line — how the first admin gets in on PostgreSQL.
//   npm run user:create -- --email ed@example.org --name "Eda Editor" --role admin
// The password is read from COPYDESK_PASSWORD or asked for on the terminal.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { createUser } from "@/db/users/create";
import { closeDb } from "@/db/client";
import { SYSTEM_VIEWER } from "@/db/context";
import { Invalid } from "@/lib/errors";
import en from "@/messages/en.json";
import { loadDotEnv } from "./env";

loadDotEnv();

/** Error messages travel as catalogue keys; the command line speaks English. */
function english(key: string): string {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  return typeof text === "string" ? text : key;
}
const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
});

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

const email = values.email ?? (await ask("Email: "));
const name = values.name ?? (await ask("Name: "));
const password = process.env.COPYDESK_PASSWORD ?? (await ask("Password (min. 10 characters): "));
try {
  const user = await createUser({ ctx: { viewer: SYSTEM_VIEWER }, input: { email, name, role: values.role as "admin", password } });
  console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
} catch (error) {
  if (error instanceof Invalid) {
    for (const [field, keys] of Object.entries(error.fieldErrors)) console.error(`${field}: ${keys.map(english).join(" ")}`);
    process.exitCode = 1;
  } else {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
} finally {
  await closeDb();
}
