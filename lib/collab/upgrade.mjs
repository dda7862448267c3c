// Hands WebSocket upgrades on /api/collab to this process's co-editing server, which
// instrumentation.ts starts inside Next's server runtime and leaves under a globalThis symbol
// (db/articles/collab-server.ts). Plain JavaScript: scripts/serve.mjs and scripts/dev-server.mjs
// run without a compiler.

const GLOBAL = Symbol.for("copydesk.collab");

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:stream").Duplex} socket
 * @param {Buffer} head
 * @returns {boolean} whether the upgrade was a co-editing one (answered, or refused when the server is not up)
 */
export function handleCollabUpgrade(req, socket, head) {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/api/collab") return false;
  const server = /** @type {any} */ (globalThis)[GLOBAL]?.server;
  if (!server) {
    socket.end("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n\r\n");
    return true;
  }
  return server.handleUpgrade(req, socket, head);
}

/**
 * Makes `server` hand every upgrade on /api/collab to the co-editing server alone, before any
 * 'upgrade' listener sees it. Next's request handler adds a listener of its own to the server
 * that serves its first request (NextCustomServer.setupWebSocketHandler), and its router takes
 * /api/collab for the page route /[section]/[slug] and ends the socket — after Hocuspocus had
 * accepted it: the browser saw the connection open and close without a word, again and again.
 * Other upgrades go to the listeners as before.
 * @param {import("node:http").Server} server
 */
export function routeCollabUpgrades(server) {
  const emit = server.emit;
  server.emit = function (event, ...args) {
    if (event === "upgrade" && handleCollabUpgrade(args[0], args[1], args[2])) return true;
    return emit.call(this, event, ...args);
  };
}
