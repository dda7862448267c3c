// Gives an existing account a temporary password from the command line — how people get back
// in after `npm run import` of a backup without password hashes (or a lost admin password).
//   npm run user:password -- --email chief@example.org
// Uses the admin reset (db/users/reset-password.ts): open sessions end, a sign-in lock lifts,
// and the person picks their own password on their profile page afterwards.
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { SYSTEM_VIEWER } from "@/db/context";
import { listUsers } from "@/db/users/queries";
import { resetPassword } from "@/db/users/reset-password";
import { loadDotEnv } from "./env";

loadDotEnv();
const { values } = parseArgs({ options: { email: { type: "string" } } });
if (!values.email) {
  console.error("Usage: npm run user:password -- --email <address>");
  process.exit(2);
}
try {
  const ctx = { viewer: SYSTEM_VIEWER };
  const email = values.email.trim().toLowerCase();
  const user = (await listUsers(ctx)).find((u) => u.email.toLowerCase() === email);
  if (!user) {
    console.error(`No account with the address ${values.email}.`);
    process.exitCode = 1;
  } else {
    const { temporaryPassword } = await resetPassword({ ctx, input: { id: user.id } });
    console.log(`Temporary password for ${user.name} <${user.email}>${user.active ? "" : " (deactivated account)"}:\n  ${temporaryPassword}`);
    console.log("Sign in with it and choose a new password on the profile page.");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb().catch(() => undefined);
}
