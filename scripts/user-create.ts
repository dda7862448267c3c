// Creates a newsroom account from the command line — how the first admin gets in on PostgreSQL.
//   npm run user:create -- --email ed@example.org --name "Eda Editor" --role admin
// The password is read from COPYDESK_PASSWORD or asked for on the terminal.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { createUser } from "@/db/users/create";
import { closeDb } from "@/db/client";
import { SYSTEM_VIEWER } from "@/db/context";
import { Invalid } from "@/lib/errors";
import { loadDotEnv } from "./env";

loadDotEnv();
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
    for (const [field, messages] of Object.entries(error.fieldErrors)) console.error(`${field}: ${messages.join(" ")}`);
    process.exitCode = 1;
  } else {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
} finally {
  await closeDb();
}
