// The ceiling for `npm run bench`: a bare node:http server that answers every request with
// one page's HTML from memory — what serving a ready-made page costs on this machine.
// Usage: node ceiling-server.mjs <port> <html file>
import fs from "node:fs";
import http from "node:http";

const [port, file] = process.argv.slice(2);
const html = fs.readFileSync(file);
http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": html.length });
    res.end(html);
  })
  .listen(Number(port));
