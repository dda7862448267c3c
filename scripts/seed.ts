// Seeds the demo newsroom into an empty database: `npm run seed` (server stopped).
import { closeDb } from "@/db/client";
import { countUsers } from "@/db/users/queries";
import { loadDotEnv } from "./env";
import { seedDemo } from "./seed-demo";

loadDotEnv();
try {
  if ((await countUsers()) > 0) {
    console.log("The database already has users; the demo seed only fills an empty database.");
  } else {
    await seedDemo();
    console.log("Demo newsroom seeded.");
  }
} finally {
  await closeDb();
}
