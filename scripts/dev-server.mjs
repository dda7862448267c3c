// `npm run dev`: Next's development server in our own HTTP server, so that WebSocket upgrades
// on /api/collab reach the co-editing server on the same port (as in production, where
// scripts/serve.mjs does the same); every other upgrade (hot reload) goes to the listener Next
// adds to this server itself on its first request (adding ours too would answer each twice).
import http from "node:http";
import { parseArgs } from "node:util";
import { routeCollabUpgrades } from "../lib/collab/upgrade.mjs";

const { default: next } = await import("next");
const { values: flags } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(flags.port ?? process.env.PORT ?? 3000);
const hostname = flags.hostname ?? process.env.HOSTNAME ?? "localhost";

const app = next({ dev: true, dir: process.cwd(), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => void handle(req, res));
routeCollabUpgrades(server);
server.listen(port, hostname, () => console.log(`▲ Copydesk (development) on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
